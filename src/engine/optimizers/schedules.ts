/**
 * Learning-rate schedules after Keras 3 (`keras/src/optimizers/schedules/
 * learning_rate_schedule.py`), as plain functions `step → learning rate`.
 *
 * The optimizer evaluates its schedule at its iteration count before the update, the
 * same value Keras passes (`self._learning_rate(self._iterations)`): the first step
 * uses `schedule(0)`. Schedules are pure float64 arithmetic, no tensors.
 *
 *   exponential_decay:        lr(s) = lr₀ · decay_rate^(s / decay_steps)
 *                             (staircase: the exponent is floor(s / decay_steps))
 *   inverse_time_decay:       lr(s) = lr₀ / (1 + decay_rate · s / decay_steps)
 *                             (staircase: floor(s / decay_steps))
 *   piecewise_constant_decay: lr(s) = values[0] for s ≤ boundaries[0],
 *                             values[i] for boundaries[i−1] < s ≤ boundaries[i],
 *                             values[n] for s > boundaries[n−1]
 *   cosine_decay:             without warmup, s' = min(s, decay_steps):
 *                             lr(s) = lr₀ · ((1 − alpha) · ½(1 + cos(π s'/decay_steps)) + alpha)
 *                             with warmup_target (Keras 3), s' = min(s, warmup_steps + decay_steps):
 *                             s' < warmup_steps: lr₀ + (warmup_target − lr₀) · s'/warmup_steps
 *                             otherwise the cosine decay above from warmup_target over
 *                             s' − warmup_steps
 */
import { ConfigError } from '../../lib/errors';
import {
  checkBoolean,
  checkKnownKeys,
  checkNumber,
  checkObject,
  describeValue,
  joinPath,
  type NumberRule,
} from './checks';

export interface ExponentialDecayConfig {
  readonly kind: 'exponential_decay';
  readonly initial_learning_rate: number;
  readonly decay_steps: number;
  readonly decay_rate: number;
  /** Default false. */
  readonly staircase?: boolean;
}

export interface InverseTimeDecayConfig {
  readonly kind: 'inverse_time_decay';
  readonly initial_learning_rate: number;
  readonly decay_steps: number;
  readonly decay_rate: number;
  /** Default false. */
  readonly staircase?: boolean;
}

export interface PiecewiseConstantDecayConfig {
  readonly kind: 'piecewise_constant_decay';
  /** Strictly increasing steps. */
  readonly boundaries: readonly number[];
  /** One more value than boundaries. */
  readonly values: readonly number[];
}

export interface CosineDecayConfig {
  readonly kind: 'cosine_decay';
  readonly initial_learning_rate: number;
  readonly decay_steps: number;
  /** Floor as a fraction of the decayed-from rate. Default 0. */
  readonly alpha?: number;
  /** If set, warm up linearly from initial_learning_rate to this first. Default null. */
  readonly warmup_target?: number | null;
  /** Steps of warmup. Default 0. */
  readonly warmup_steps?: number;
}

/** A serialisable schedule: what a run's config stores. */
export type LearningRateScheduleConfig =
  | ExponentialDecayConfig
  | InverseTimeDecayConfig
  | PiecewiseConstantDecayConfig
  | CosineDecayConfig;

export type LearningRateScheduleKind = LearningRateScheduleConfig['kind'];

/** step (the optimizer's iteration count, from 0) → learning rate. */
export type LearningRateSchedule = (step: number) => number;

/** A schedule's parameters: its config without the `kind` tag (a `kind` is ignored). */
export type ScheduleParams<K extends LearningRateScheduleKind> = Omit<
  Extract<LearningRateScheduleConfig, { kind: K }>,
  'kind'
> & { readonly kind?: K };

const NON_NEGATIVE = { min: 0 } as const;
const POSITIVE = { min: 0, exclusiveMin: true } as const;

function checkParams(
  params: unknown,
  known: readonly string[],
  where: string,
): Record<string, unknown> {
  const object = checkObject(params, where);
  checkKnownKeys(object, ['kind', ...known], where);
  return object;
}

function exponentialDecay(params: ScheduleParams<'exponential_decay'>, where = ''): LearningRateSchedule {
  const p = checkParams(params, ['initial_learning_rate', 'decay_steps', 'decay_rate', 'staircase'], where);
  const lr0 = checkNumber(p.initial_learning_rate, NON_NEGATIVE, joinPath(where, 'initial_learning_rate'));
  const decaySteps = checkNumber(p.decay_steps, POSITIVE, joinPath(where, 'decay_steps'));
  const decayRate = checkNumber(p.decay_rate, NON_NEGATIVE, joinPath(where, 'decay_rate'));
  const staircase = p.staircase === undefined ? false : checkBoolean(p.staircase, joinPath(where, 'staircase'));
  return (step) => {
    const fraction = step / decaySteps;
    return lr0 * Math.pow(decayRate, staircase ? Math.floor(fraction) : fraction);
  };
}

function inverseTimeDecay(params: ScheduleParams<'inverse_time_decay'>, where = ''): LearningRateSchedule {
  const p = checkParams(params, ['initial_learning_rate', 'decay_steps', 'decay_rate', 'staircase'], where);
  const lr0 = checkNumber(p.initial_learning_rate, NON_NEGATIVE, joinPath(where, 'initial_learning_rate'));
  const decaySteps = checkNumber(p.decay_steps, POSITIVE, joinPath(where, 'decay_steps'));
  const decayRate = checkNumber(p.decay_rate, NON_NEGATIVE, joinPath(where, 'decay_rate'));
  const staircase = p.staircase === undefined ? false : checkBoolean(p.staircase, joinPath(where, 'staircase'));
  return (step) => {
    const fraction = step / decaySteps;
    return lr0 / (1 + decayRate * (staircase ? Math.floor(fraction) : fraction));
  };
}

function checkNumberList(value: unknown, where: string, rule: NumberRule): number[] {
  if (!Array.isArray(value)) {
    throw new ConfigError('wrong-type', 'an array of numbers', describeValue(value), where);
  }
  return value.map((item, i) => checkNumber(item, rule, joinPath(where, i)));
}

function piecewiseConstantDecay(
  params: ScheduleParams<'piecewise_constant_decay'>,
  where = '',
): LearningRateSchedule {
  const p = checkParams(params, ['boundaries', 'values'], where);
  const boundaries = checkNumberList(p.boundaries, joinPath(where, 'boundaries'), {});
  const values = checkNumberList(p.values, joinPath(where, 'values'), NON_NEGATIVE);
  if (values.length !== boundaries.length + 1) {
    throw new ConfigError(
      'length-mismatch',
      `${boundaries.length + 1} values (one more than the ${boundaries.length} boundaries)`,
      `${values.length}`,
      joinPath(where, 'values'),
    );
  }
  for (let i = 1; i < boundaries.length; i++) {
    if (!(boundaries[i]! > boundaries[i - 1]!)) {
      throw new ConfigError(
        'out-of-range',
        `strictly increasing boundaries (> ${boundaries[i - 1]})`,
        describeValue(boundaries[i]),
        joinPath(joinPath(where, 'boundaries'), i),
      );
    }
  }
  return (step) => {
    for (let i = 0; i < boundaries.length; i++) {
      if (step <= boundaries[i]!) return values[i]!;
    }
    return values[values.length - 1]!;
  };
}

function cosineDecay(params: ScheduleParams<'cosine_decay'>, where = ''): LearningRateSchedule {
  const p = checkParams(
    params,
    ['initial_learning_rate', 'decay_steps', 'alpha', 'warmup_target', 'warmup_steps'],
    where,
  );
  const lr0 = checkNumber(p.initial_learning_rate, NON_NEGATIVE, joinPath(where, 'initial_learning_rate'));
  const decaySteps = checkNumber(p.decay_steps, POSITIVE, joinPath(where, 'decay_steps'));
  const alpha = p.alpha === undefined ? 0 : checkNumber(p.alpha, { min: 0, max: 1 }, joinPath(where, 'alpha'));
  const warmupTarget =
    p.warmup_target === undefined || p.warmup_target === null
      ? null
      : checkNumber(p.warmup_target, NON_NEGATIVE, joinPath(where, 'warmup_target'));
  const warmupSteps =
    p.warmup_steps === undefined
      ? 0
      : checkNumber(p.warmup_steps, { min: 0, integer: true }, joinPath(where, 'warmup_steps'));
  const decay = (step: number, from: number): number => {
    const cosine = 0.5 * (1 + Math.cos((Math.PI * step) / decaySteps));
    return from * ((1 - alpha) * cosine + alpha);
  };
  if (warmupTarget === null) return (step) => decay(Math.min(step, decaySteps), lr0);
  return (step) => {
    const s = Math.min(step, decaySteps + warmupSteps);
    if (s < warmupSteps) return (warmupTarget - lr0) * (s / warmupSteps) + lr0;
    return decay(s - warmupSteps, warmupTarget);
  };
}

/**
 * Name → factory. Each factory checks its parameters (ConfigError naming the field)
 * and returns the schedule. The optional `where` prefixes error paths.
 */
export const learningRateSchedules: {
  readonly [K in LearningRateScheduleKind]: (params: ScheduleParams<K>, where?: string) => LearningRateSchedule;
} = {
  exponential_decay: exponentialDecay,
  inverse_time_decay: inverseTimeDecay,
  piecewise_constant_decay: piecewiseConstantDecay,
  cosine_decay: cosineDecay,
};

export const LEARNING_RATE_SCHEDULE_KINDS = Object.keys(learningRateSchedules) as LearningRateScheduleKind[];

function isScheduleKind(kind: unknown): kind is LearningRateScheduleKind {
  return typeof kind === 'string' && (LEARNING_RATE_SCHEDULE_KINDS as string[]).includes(kind);
}

/**
 * Builds the schedule a (possibly untrusted) config describes; ConfigError when the
 * kind is unknown or a parameter is invalid.
 */
export function createSchedule(config: LearningRateScheduleConfig, where = ''): LearningRateSchedule {
  const object = checkObject(config, where);
  if (!isScheduleKind(object.kind)) {
    throw new ConfigError(
      'unknown-schedule',
      `a schedule kind, one of ${LEARNING_RATE_SCHEDULE_KINDS.join(', ')}`,
      describeValue(object.kind),
      joinPath(where, 'kind'),
    );
  }
  const factory = learningRateSchedules[object.kind] as (
    params: unknown,
    where?: string,
  ) => LearningRateSchedule;
  return factory(object, where);
}

/** Validates a schedule config (as `createSchedule` does) and returns a plain copy of it. */
export function checkScheduleConfig(config: unknown, where = ''): LearningRateScheduleConfig {
  createSchedule(config as LearningRateScheduleConfig, where);
  return JSON.parse(JSON.stringify(config)) as LearningRateScheduleConfig;
}
