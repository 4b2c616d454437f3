/**
 * Random search (Bergstra & Bengio 2012): every trial draws each setting independently,
 * uniformly from a list, or from a range, uniformly (linear) or log-uniformly (log:
 * uniform in log10, so each decade gets the same share of trials, as learning rates
 * need). One seeded stream (src/lib/rng.ts) draws trial after trial and setting after
 * setting in the order given, so a seed gives the same trials everywhere.
 */
import { ConfigError } from '../../lib/errors';
import { createRng, hashSeed } from '../../lib/rng';
import { expandValues, type SweepValue, type ValueSpec } from './values';

export type SearchDimension =
  | { readonly param: string; readonly kind: 'list'; readonly values: readonly SweepValue[] }
  | { readonly param: string; readonly kind: 'linear' | 'log'; readonly from: number; readonly to: number };

/** Sampled values keep 4 significant digits: a label reads "lr 0.003162", not 17 digits. */
const roundSample = (value: number): number => Number(value.toPrecision(4));

function checkRange(dimension: Extract<SearchDimension, { kind: 'linear' | 'log' }>, where: string): void {
  const log = dimension.kind === 'log';
  for (const end of ['from', 'to'] as const) {
    const value = dimension[end];
    if (!Number.isFinite(value) || (log && value <= 0)) {
      throw new ConfigError('bad-range', log ? 'a number > 0 (a log range cannot reach 0)' : 'a finite number', String(value), `${where}.${end}`);
    }
  }
}

/** Checks the dimensions before any draw (a list like a grid's; a range needs usable ends). */
export function checkSearchSpace(space: readonly SearchDimension[], where: string): void {
  space.forEach((dimension, i) => {
    if (dimension.kind === 'list') expandValues(dimension as ValueSpec, `${where}[${i}].values`);
    else checkRange(dimension, `${where}[${i}]`);
  });
}

/** One draw of a dimension; `integer` rounds to a whole number (batch sizes, widths). */
export function sample(dimension: SearchDimension, rng: { next(): number; int(n: number): number }, integer: boolean): SweepValue {
  if (dimension.kind === 'list') return dimension.values[rng.int(dimension.values.length)]!;
  const u = rng.next();
  const { from, to } = dimension;
  const value = dimension.kind === 'log' ? 10 ** (Math.log10(from) + (Math.log10(to) - Math.log10(from)) * u) : from + (to - from) * u;
  return integer ? Math.max(1, Math.round(value)) : roundSample(value);
}

/** `trials` draws of the whole space from `seed`: one list of values per trial, in the space's order. */
export function drawTrials(
  space: readonly SearchDimension[],
  trials: number,
  seed: number,
  isInteger: (param: string) => boolean,
): SweepValue[][] {
  const rng = createRng(hashSeed('random-search', seed));
  return Array.from({ length: trials }, () => space.map((dimension) => sample(dimension, rng, isInteger(dimension.param))));
}
