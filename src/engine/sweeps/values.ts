/**
 * The values one swept setting takes: a list as given, or a range with a count of
 * values, evenly spaced (linear) or evenly spaced in log10 (log, as E4's 48 learning
 * rates from 1e-6 to 100).
 *
 *   linear: v_i = from + (to - from) · i / (n - 1)
 *   log:    v_i = from · (to / from)^(i / (n - 1))
 *
 * for i = 0 … n - 1. Both ends are exact (the last value is `to` itself, never
 * 99.99999…), values are rounded to 12 significant digits so 0.1 + 0.2 shows as 0.3,
 * and a reversed range (from > to) runs downwards in the order given. Count 1 is
 * `from` alone. A range whose ends are equal would repeat one value, so it must have
 * count 1.
 */
import { ConfigError } from '../../lib/errors';

/** An optimizer as a swept value: a Keras name, optionally with its own settings and label (E4's "Momentum"). */
export interface OptimizerChoice {
  readonly name: string;
  readonly label?: string;
  readonly hyperparameters?: Readonly<Record<string, unknown>>;
}

export type SweepValue = number | string | boolean | OptimizerChoice;

export type ValueSpec =
  | { readonly kind: 'list'; readonly values: readonly SweepValue[] }
  | { readonly kind: 'linear' | 'log'; readonly from: number; readonly to: number; readonly count: number };

/** More values than this on one setting is a typo, not a sweep. */
export const MAX_VALUES = 500;

/** 12 significant digits: floating-point noise off, every real difference kept. */
export function roundValue(value: number): number {
  return Number(value.toPrecision(12));
}

function checkCount(count: number, where: string): void {
  if (!Number.isInteger(count) || count < 1 || count > MAX_VALUES) {
    throw new ConfigError('bad-range', `a whole number of values from 1 to ${MAX_VALUES}`, String(count), `${where}.count`);
  }
}

function checkEnd(value: number, name: 'from' | 'to', log: boolean, where: string): void {
  if (!Number.isFinite(value) || (log && value <= 0)) {
    throw new ConfigError('bad-range', log ? 'a number > 0 (a log range cannot reach 0)' : 'a finite number', String(value), `${where}.${name}`);
  }
}

/** Every value of a range, both ends included. */
export function rangeValues(spec: { readonly kind: 'linear' | 'log'; readonly from: number; readonly to: number; readonly count: number }, where = 'values'): number[] {
  const log = spec.kind === 'log';
  checkEnd(spec.from, 'from', log, where);
  checkEnd(spec.to, 'to', log, where);
  checkCount(spec.count, where);
  const { from, to, count } = spec;
  if (count === 1) return [roundValue(from)];
  if (from === to) {
    throw new ConfigError('bad-range', 'different ends, or count 1 (equal ends repeat one value)', `from = to = ${from} with count ${count}`, where);
  }
  return Array.from({ length: count }, (_, i) => {
    if (i === count - 1) return roundValue(to);
    const t = i / (count - 1);
    return roundValue(log ? from * (to / from) ** t : from + (to - from) * t);
  });
}

/** The values a spec stands for, in order; a list must be non-empty and hold no value twice. */
export function expandValues(spec: ValueSpec, where = 'values'): SweepValue[] {
  if (spec.kind !== 'list') return rangeValues(spec, where);
  if (spec.values.length === 0) throw new ConfigError('bad-values', 'at least one value', 'an empty list', where);
  if (spec.values.length > MAX_VALUES) throw new ConfigError('bad-values', `at most ${MAX_VALUES} values`, `${spec.values.length}`, where);
  const seen = new Set<string>();
  spec.values.forEach((value, i) => {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new ConfigError('bad-values', 'finite numbers', String(value), `${where}[${i}]`);
    }
    const key = valueKey(value);
    if (seen.has(key)) throw new ConfigError('bad-values', 'each value once', `${valueText(value)} twice`, `${where}[${i}]`);
    seen.add(key);
  });
  return [...spec.values];
}

/** A stable identity for a value (lists must not repeat one). */
export function valueKey(value: SweepValue): string {
  return typeof value === 'object' ? JSON.stringify({ name: value.name, label: value.label, hyperparameters: value.hyperparameters }) : JSON.stringify(value);
}

/** How a value reads in a legend or a table: 0.001, 1e-6, relu, Adam, Momentum. */
export function valueText(value: SweepValue): string {
  if (typeof value === 'object') return value.label ?? value.name;
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

/** Short, exact enough to tell sweep values apart: 4 significant digits, exponent form for small and large. */
export function formatNumber(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e5) {
    const [mantissa, exponent] = value.toExponential(3).split('e');
    return `${Number(mantissa)}e${Number(exponent)}`;
  }
  return String(Number(value.toPrecision(4)));
}
