/**
 * Small checks that turn a bad hyperparameter into a `ConfigError` saying what was
 * expected, what was found, and where (a config path such as
 * `hyperparameters.beta_1`). Shared by the schedules and the optimizer registry.
 */
import { ConfigError } from '../../lib/errors';

/** A value as a person would type it: numbers plainly, strings quoted, objects as JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return 'a function';
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

export function joinPath(prefix: string, key: string | number): string {
  if (typeof key === 'number') return `${prefix}[${key}]`;
  return prefix ? `${prefix}.${key}` : key;
}

export interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  readonly exclusiveMin?: boolean;
  readonly exclusiveMax?: boolean;
  readonly integer?: boolean;
}

/** "a finite number in [0, 1)", "a finite number > 0", "an integer ≥ 0"... */
export function describeRule(rule: NumberRule): string {
  const what = rule.integer ? 'an integer' : 'a finite number';
  const { min, max } = rule;
  if (min !== undefined && max !== undefined) {
    return `${what} in ${rule.exclusiveMin ? '(' : '['}${min}, ${max}${rule.exclusiveMax ? ')' : ']'}`;
  }
  if (min !== undefined) return `${what} ${rule.exclusiveMin ? '>' : '>='} ${min}`;
  if (max !== undefined) return `${what} ${rule.exclusiveMax ? '<' : '<='} ${max}`;
  return what;
}

function inRange(value: number, rule: NumberRule): boolean {
  if (rule.integer && !Number.isInteger(value)) return false;
  if (rule.min !== undefined && (rule.exclusiveMin ? value <= rule.min : value < rule.min)) return false;
  if (rule.max !== undefined && (rule.exclusiveMax ? value >= rule.max : value > rule.max)) return false;
  return true;
}

export function checkNumber(value: unknown, rule: NumberRule, where: string): number {
  if (typeof value !== 'number') {
    throw new ConfigError('wrong-type', describeRule(rule), describeValue(value), where);
  }
  if (!Number.isFinite(value) || !inRange(value, rule)) {
    throw new ConfigError('out-of-range', describeRule(rule), describeValue(value), where);
  }
  return value;
}

export function checkBoolean(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') {
    throw new ConfigError('wrong-type', 'true or false', describeValue(value), where);
  }
  return value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function checkObject(value: unknown, where: string): Record<string, unknown> {
  if (!isPlainObject(value)) {
    throw new ConfigError('wrong-type', 'an object', describeValue(value), where);
  }
  return value;
}

/** Throws on the first key of `value` that is not in `known`. */
export function checkKnownKeys(
  value: Record<string, unknown>,
  known: readonly string[],
  where: string,
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new ConfigError(
        'unknown-key',
        `one of ${known.join(', ')}`,
        describeValue(key),
        joinPath(where, key),
      );
    }
  }
}
