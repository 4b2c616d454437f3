/**
 * The optimizers by Keras name, as data (`optimizerSpecs`: defaults, fields, rule) and as
 * factories (`optimizers.adam({ learning_rate: 0.01 })`), plus `createOptimizer` for a
 * serialisable `OptimizerConfig`. Hyperparameters are Keras's (snake_case), a partial
 * object merged over Keras 3's stock defaults; unknown keys and out-of-range values are
 * a ConfigError whose `where` names the field.
 *
 * The data half (specs, config types, `resolveOptimizerConfig`) lives in `./catalog`,
 * which never loads tfjs; it is re-exported here. This module adds the tfjs classes.
 */
import { KerasAdadelta } from './adadelta';
import { KerasAdagrad } from './adagrad';
import { KerasAdam } from './adam';
import { KerasAdamax } from './adamax';
import { KerasAdamW } from './adamw';
import type { KerasOptimizer } from './base';
import {
  resolveOptimizerConfig,
  type OptimizerConfig,
  type OptimizerHyperparameters,
} from './catalog';
import { KerasLion } from './lion';
import { KerasNadam } from './nadam';
import { KerasRMSprop } from './rmsprop';
import { KerasSGD } from './sgd';
import type { KerasOptimizerName } from './types';

export {
  isKerasOptimizerName,
  optimizerSpecs,
  resolveOptimizerConfig,
  type OptimizerConfig,
  type OptimizerHyperparameters,
  type ResolvedOptimizerConfig,
} from './catalog';

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

/** Builds the optimizer a config describes (ConfigError if the config is invalid). */
export function createOptimizer(config: OptimizerConfig, where = ''): KerasOptimizer {
  const resolved = resolveOptimizerConfig(config, where);
  const factory = optimizers[resolved.name] as (hyperparameters: unknown) => KerasOptimizer;
  return factory(resolved.hyperparameters);
}
