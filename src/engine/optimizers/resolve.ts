/**
 * Hyperparameters in, resolved hyperparameters out: a partial object (possibly untrusted,
 * e.g. read back from storage) merged over an optimizer's Keras stock defaults, every
 * field checked against its spec. Anything wrong is a ConfigError naming the field.
 */
import { ConfigError } from '../../lib/errors';
import {
  checkBoolean,
  checkKnownKeys,
  checkNumber,
  checkObject,
  describeRule,
  describeValue,
  isPlainObject,
  joinPath,
} from './checks';
import { checkScheduleConfig } from './schedules';
import type { CommonHyperparameters, FieldSpec, OptimizerSpec } from './types';

const CLIP_OPTIONS = ['clipnorm', 'clipvalue', 'global_clipnorm'] as const;

function resolveField(field: FieldSpec, value: unknown, where: string): unknown {
  if (value === null && field.optional) return null;
  if (field.kind === 'boolean') return checkBoolean(value, where);
  if (field.schedulable && isPlainObject(value)) return checkScheduleConfig(value, where);
  if (typeof value !== 'number') {
    const alternatives = [
      describeRule(field),
      ...(field.schedulable ? ['a learning-rate schedule'] : []),
      ...(field.optional ? ['null (off)'] : []),
    ];
    throw new ConfigError('wrong-type', alternatives.join(' or '), describeValue(value), where);
  }
  return checkNumber(value, field, where);
}

/**
 * Merges `input` over `spec.defaults` and checks every field. `where` is the config
 * path of `input`, used in error messages (default `hyperparameters`).
 */
export function resolveHyperparameters<H extends CommonHyperparameters>(
  spec: OptimizerSpec<H>,
  input: unknown,
  where = 'hyperparameters',
): Readonly<H> {
  const given = input === undefined ? {} : checkObject(input, where);
  const names = spec.fields.map((field) => field.name);
  checkKnownKeys(given, names, where);
  const resolved: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const value = given[field.name] !== undefined ? given[field.name] : spec.defaults[field.name];
    resolved[field.name] = resolveField(field, value, joinPath(where, field.name));
  }
  const clipping = CLIP_OPTIONS.filter((name) => resolved[name] !== null && resolved[name] !== undefined);
  if (clipping.length > 1) {
    throw new ConfigError(
      'conflicting-options',
      'at most one of clipnorm, clipvalue and global_clipnorm',
      clipping.map((name) => `${name}=${describeValue(resolved[name])}`).join(', '),
      joinPath(where, clipping[1]!),
    );
  }
  return Object.freeze(resolved) as unknown as Readonly<H>;
}
