/**
 * The optimizer catalogue as plain data, free of tfjs: every optimizer's Keras name,
 * label, stock defaults, fields and update rule (`optimizerSpecs`), the config types a
 * run stores, and `resolveOptimizerConfig`, which checks a (possibly untrusted) config
 * and fills in the defaults. The learning-rate schedules (plain float64 functions) and
 * their validation come along.
 *
 * This module and everything it imports must stay free of `@tensorflow/*`: the UI's main
 * thread and persistence validate configs with it without loading tfjs
 * (tests/unit/tfjs-free-modules.test.ts checks). The optimizer classes and the factories
 * that build them live in `./registry`, which re-exports all of this.
 */
import { ConfigError } from '../../lib/errors';
import { checkKnownKeys, checkObject, describeValue, joinPath } from './checks';
import { resolveHyperparameters } from './resolve';
import { adadeltaSpec, type AdadeltaHyperparameters } from './specs/adadelta';
import { adagradSpec, type AdagradHyperparameters } from './specs/adagrad';
import { adamSpec, type AdamHyperparameters } from './specs/adam';
import { adamaxSpec, type AdamaxHyperparameters } from './specs/adamax';
import { adamwSpec, type AdamwHyperparameters } from './specs/adamw';
import { lionSpec, type LionHyperparameters } from './specs/lion';
import { nadamSpec, type NadamHyperparameters } from './specs/nadam';
import { rmspropSpec, type RmspropHyperparameters } from './specs/rmsprop';
import { sgdSpec, type SgdHyperparameters } from './specs/sgd';
import { KERAS_OPTIMIZER_NAMES, type KerasOptimizerName, type OptimizerSpec } from './types';

export {
  KERAS_OPTIMIZER_NAMES,
  type CommonHyperparameters,
  type FieldSpec,
  type KerasOptimizerName,
  type OptimizerSpec,
  type UpdateRule,
} from './types';
export { adadeltaSpec, type AdadeltaHyperparameters } from './specs/adadelta';
export { adagradSpec, type AdagradHyperparameters } from './specs/adagrad';
export { adamSpec, type AdamHyperparameters } from './specs/adam';
export { adamaxSpec, type AdamaxHyperparameters } from './specs/adamax';
export { adamwSpec, type AdamwHyperparameters } from './specs/adamw';
export { lionSpec, type LionHyperparameters } from './specs/lion';
export { nadamSpec, type NadamHyperparameters } from './specs/nadam';
export { rmspropSpec, type RmspropHyperparameters } from './specs/rmsprop';
export { sgdSpec, type SgdHyperparameters } from './specs/sgd';
export { resolveHyperparameters } from './resolve';
export {
  checkScheduleConfig,
  createSchedule,
  learningRateSchedules,
  LEARNING_RATE_SCHEDULE_KINDS,
  type CosineDecayConfig,
  type ExponentialDecayConfig,
  type InverseTimeDecayConfig,
  type LearningRateSchedule,
  type LearningRateScheduleConfig,
  type LearningRateScheduleKind,
  type PiecewiseConstantDecayConfig,
  type ScheduleParams,
} from './schedules';

/** Each optimizer's full (resolved) hyperparameters, by Keras name. */
export interface OptimizerHyperparameters {
  sgd: SgdHyperparameters;
  rmsprop: RmspropHyperparameters;
  adagrad: AdagradHyperparameters;
  adadelta: AdadeltaHyperparameters;
  adam: AdamHyperparameters;
  adamax: AdamaxHyperparameters;
  nadam: NadamHyperparameters;
  adamw: AdamwHyperparameters;
  lion: LionHyperparameters;
}

/** What a run stores: the optimizer's Keras name and the hyperparameters the user set. */
export type OptimizerConfig = {
  [K in KerasOptimizerName]: {
    readonly name: K;
    readonly hyperparameters?: Partial<OptimizerHyperparameters[K]>;
  };
}[KerasOptimizerName];

/** An OptimizerConfig with every hyperparameter filled in and checked. */
export type ResolvedOptimizerConfig = {
  [K in KerasOptimizerName]: {
    readonly name: K;
    readonly hyperparameters: Readonly<OptimizerHyperparameters[K]>;
  };
}[KerasOptimizerName];

/** Metadata as data: label, Keras stock defaults, fields (with ranges and help), update rule. */
export const optimizerSpecs: { readonly [K in KerasOptimizerName]: OptimizerSpec<OptimizerHyperparameters[K]> } = {
  sgd: sgdSpec,
  rmsprop: rmspropSpec,
  adagrad: adagradSpec,
  adadelta: adadeltaSpec,
  adam: adamSpec,
  adamax: adamaxSpec,
  nadam: nadamSpec,
  adamw: adamwSpec,
  lion: lionSpec,
};

export function isKerasOptimizerName(value: unknown): value is KerasOptimizerName {
  return typeof value === 'string' && (KERAS_OPTIMIZER_NAMES as readonly string[]).includes(value);
}

/**
 * Checks a (possibly untrusted) optimizer config and fills in the defaults. `where` is
 * the config's own path for error messages, e.g. `runs[2].optimizer`.
 */
export function resolveOptimizerConfig(config: unknown, where = ''): ResolvedOptimizerConfig {
  const object = checkObject(config, where || 'optimizer');
  checkKnownKeys(object, ['name', 'hyperparameters'], where);
  const { name } = object;
  if (!isKerasOptimizerName(name)) {
    throw new ConfigError(
      'unknown-optimizer',
      `an optimizer name, one of ${KERAS_OPTIMIZER_NAMES.join(', ')}`,
      describeValue(name),
      joinPath(where, 'name'),
    );
  }
  const spec = optimizerSpecs[name] as OptimizerSpec<OptimizerHyperparameters[typeof name]>;
  const hyperparameters = resolveHyperparameters(spec, object.hyperparameters, joinPath(where, 'hyperparameters'));
  return { name, hyperparameters } as ResolvedOptimizerConfig;
}
