/**
 * Keras-faithful optimizers for tfjs. Public API:
 *
 * - `optimizers.adam({ learning_rate: 0.01 })`, `createOptimizer({ name, hyperparameters })`:
 *   `KerasOptimizer`s, i.e. tfjs `Optimizer`s (`minimize(f, returnCost, varList)`).
 * - `optimizerSpecs`: per optimizer, its label, Keras 3 stock defaults, fields and rule.
 * - `learningRateSchedules`, `createSchedule`: Keras's schedules as step → lr functions.
 *
 * The classes are deliberately not registered with `tf.serialization.registerClass`:
 * their class names are Keras's (`Adam`, `SGD`...), which would replace tfjs's own
 * optimizers in tfjs's global registry. `getConfig()` gives Keras's snake_case config.
 */
export { KerasOptimizer, requireSlot, type NamedTensor, type SlotInit, type SlotMap } from './base';
export { KerasSGD, sgdSpec, type SgdHyperparameters } from './sgd';
export { KerasRMSprop, rmspropSpec, type RmspropHyperparameters } from './rmsprop';
export { KerasAdagrad, adagradSpec, type AdagradHyperparameters } from './adagrad';
export { KerasAdadelta, adadeltaSpec, type AdadeltaHyperparameters } from './adadelta';
export { KerasAdam, adamSpec, type AdamHyperparameters } from './adam';
export { KerasAdamax, adamaxSpec, type AdamaxHyperparameters } from './adamax';
export { KerasNadam, nadamSpec, type NadamHyperparameters } from './nadam';
export { KerasAdamW, adamwSpec, type AdamwHyperparameters } from './adamw';
export { KerasLion, lionSpec, type LionHyperparameters } from './lion';
export {
  createOptimizer,
  isKerasOptimizerName,
  optimizers,
  optimizerSpecs,
  resolveOptimizerConfig,
  type OptimizerConfig,
  type OptimizerHyperparameters,
  type OptimizerInstances,
  type ResolvedOptimizerConfig,
} from './registry';
export {
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
export {
  KERAS_OPTIMIZER_NAMES,
  type CommonHyperparameters,
  type FieldSpec,
  type KerasOptimizerName,
  type OptimizerSpec,
  type UpdateRule,
} from './types';
