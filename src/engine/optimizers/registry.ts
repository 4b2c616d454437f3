/**
 * The optimizers by Keras name, as data (`optimizerSpecs`: defaults, fields, rule) and as
 * factories (`optimizers.adam({ learning_rate: 0.01 })`), plus `createOptimizer` for a
 * serialisable `OptimizerConfig`. Hyperparameters are Keras's (snake_case), a partial
 * object merged over Keras 3's stock defaults; unknown keys and out-of-range values are
 * a ConfigError whose `where` names the field.
 */
import { ConfigError } from '../../lib/errors';
import { adadeltaSpec, KerasAdadelta, type AdadeltaHyperparameters } from './adadelta';
import { adagradSpec, KerasAdagrad, type AdagradHyperparameters } from './adagrad';
import { adamSpec, KerasAdam, type AdamHyperparameters } from './adam';
import { adamaxSpec, KerasAdamax, type AdamaxHyperparameters } from './adamax';
import { adamwSpec, KerasAdamW, type AdamwHyperparameters } from './adamw';
import type { KerasOptimizer } from './base';
import { checkKnownKeys, checkObject, describeValue, joinPath } from './checks';
import { KerasLion, lionSpec, type LionHyperparameters } from './lion';
import { KerasNadam, nadamSpec, type NadamHyperparameters } from './nadam';
import { resolveHyperparameters } from './resolve';
import { KerasRMSprop, rmspropSpec, type RmspropHyperparameters } from './rmsprop';
import { KerasSGD, sgdSpec, type SgdHyperparameters } from './sgd';
import { KERAS_OPTIMIZER_NAMES, type KerasOptimizerName, type OptimizerSpec } from './types';

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

/** Each optimizer's class, by Keras name. */
export interface OptimizerInstances {
  sgd: KerasSGD;
  rmsprop: KerasRMSprop;
  adagrad: KerasAdagrad;
  adadelta: KerasAdadelta;
  adam: KerasAdam;
  adamax: KerasAdamax;
  nadam: KerasNadam;
  adamw: KerasAdamW;
  lion: KerasLion;
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

/** Name → factory: `optimizers.adam({ learning_rate: 0.01 })`. */
export const optimizers: {
  readonly [K in KerasOptimizerName]: (
    hyperparameters?: Partial<OptimizerHyperparameters[K]>,
  ) => OptimizerInstances[K];
} = {
  sgd: (hyperparameters) => new KerasSGD(hyperparameters),
  rmsprop: (hyperparameters) => new KerasRMSprop(hyperparameters),
  adagrad: (hyperparameters) => new KerasAdagrad(hyperparameters),
  adadelta: (hyperparameters) => new KerasAdadelta(hyperparameters),
  adam: (hyperparameters) => new KerasAdam(hyperparameters),
  adamax: (hyperparameters) => new KerasAdamax(hyperparameters),
  nadam: (hyperparameters) => new KerasNadam(hyperparameters),
  adamw: (hyperparameters) => new KerasAdamW(hyperparameters),
  lion: (hyperparameters) => new KerasLion(hyperparameters),
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

/** Builds the optimizer a config describes (ConfigError if the config is invalid). */
export function createOptimizer(config: OptimizerConfig, where = ''): KerasOptimizer {
  const resolved = resolveOptimizerConfig(config, where);
  const factory = optimizers[resolved.name] as (hyperparameters: unknown) => KerasOptimizer;
  return factory(resolved.hyperparameters);
}
