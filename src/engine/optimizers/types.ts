/**
 * Types shared by every optimizer file: the Keras names, the hyperparameters common to
 * all of them (Keras's `BaseOptimizer` arguments), and the metadata a UI reads to show
 * an optimizer's fields and its update rule.
 *
 * Hyperparameters keep Keras's snake_case names so a config reads like the Keras call
 * it reproduces: `{ learning_rate: 0.001, beta_1: 0.9 }` is `Adam(learning_rate=0.001,
 * beta_1=0.9)`. `null` plays Keras's `None` (the option is off).
 */
import type { LearningRateScheduleConfig } from './schedules';

/** The Keras string identifiers (`keras.optimizers.get('adam')`). */
export const KERAS_OPTIMIZER_NAMES = [
  'sgd',
  'rmsprop',
  'adagrad',
  'adadelta',
  'adam',
  'adamax',
  'nadam',
  'adamw',
  'lion',
] as const;

export type KerasOptimizerName = (typeof KERAS_OPTIMIZER_NAMES)[number];

/**
 * The arguments of Keras 3's `BaseOptimizer.__init__` that this lab supports, common
 * to every optimizer. (Not supported: use_ema, loss_scale_factor,
 * gradient_accumulation_steps.)
 */
export interface CommonHyperparameters {
  /** A constant, or a schedule evaluated at the iteration count (Keras's `iterations`). */
  learning_rate: number | LearningRateScheduleConfig;
  /** Decoupled weight decay: `w ← w − w · weight_decay · lr` before each update. */
  weight_decay: number | null;
  /** Per-variable gradient clipping by L2 norm. */
  clipnorm: number | null;
  /** Element-wise gradient clipping to [−clipvalue, clipvalue]. */
  clipvalue: number | null;
  /** Clipping of all gradients together by their global L2 norm. */
  global_clipnorm: number | null;
}

/** One hyperparameter as a form field: its kind, its valid range, and a one-line help. */
export interface FieldSpec<N extends string = string> {
  /** The Keras argument name. */
  readonly name: N;
  readonly kind: 'number' | 'boolean';
  /** Smallest valid value (inclusive unless `exclusiveMin`). */
  readonly min?: number;
  /** Largest valid value (inclusive unless `exclusiveMax`). */
  readonly max?: number;
  readonly exclusiveMin?: boolean;
  readonly exclusiveMax?: boolean;
  /** A hint for sliders: the value spans decades (learning rates, epsilons). */
  readonly log?: boolean;
  /** `null` is allowed and means "off" (Keras's `None`). */
  readonly optional?: boolean;
  /** The field also accepts a learning-rate schedule config (only `learning_rate`). */
  readonly schedulable?: boolean;
  /** Options most runs leave alone (clipping, weight decay): a UI may fold them. */
  readonly advanced?: boolean;
  readonly help: string;
}

/** An update rule as an equation block and as plain sentences. */
export interface UpdateRule {
  /** Equations, one per line; `g` is the gradient, `t` the 1-based step. */
  readonly formula: string;
  readonly words: string;
}

/** Everything a UI (or a validator) needs to know about one optimizer, as plain data. */
export interface OptimizerSpec<H extends CommonHyperparameters = CommonHyperparameters> {
  readonly name: KerasOptimizerName;
  /** Keras's class name, e.g. `Adam`, `RMSprop`, `AdamW`. */
  readonly className: string;
  /** What a person reads, e.g. `Adam`, `SGD (momentum)`. */
  readonly label: string;
  /** Keras 3's stock values. */
  readonly defaults: Readonly<H>;
  /** Every hyperparameter this optimizer accepts, common ones included, in display order. */
  readonly fields: readonly FieldSpec<keyof H & string>[];
  readonly rule: UpdateRule;
}
