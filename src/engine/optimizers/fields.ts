/**
 * Field specs shared by several optimizers: the learning rate, the options of Keras's
 * `BaseOptimizer` (weight decay and the three clipping modes), and the usual
 * epsilon and moment-decay knobs. Each optimizer file lists the ones it uses.
 */
import type { FieldSpec } from './types';

/** Keras's `None` for the options every optimizer accepts but none turns on by default. */
export const COMMON_DEFAULTS = {
  weight_decay: null,
  clipnorm: null,
  clipvalue: null,
  global_clipnorm: null,
} as const;

export const LEARNING_RATE_FIELD: FieldSpec<'learning_rate'> = {
  name: 'learning_rate',
  kind: 'number',
  min: 0,
  log: true,
  schedulable: true,
  help: 'Step size lr. A number, or a schedule evaluated at the iteration count before each update.',
};

export const WEIGHT_DECAY_FIELD: FieldSpec<'weight_decay'> = {
  name: 'weight_decay',
  kind: 'number',
  min: 0,
  log: true,
  optional: true,
  advanced: true,
  help: 'Decoupled weight decay: before each update, w ← w − w · weight_decay · lr. Off when null.',
};

export const CLIPPING_FIELDS: readonly FieldSpec<'clipnorm' | 'clipvalue' | 'global_clipnorm'>[] = [
  {
    name: 'clipnorm',
    kind: 'number',
    min: 0,
    exclusiveMin: true,
    log: true,
    optional: true,
    advanced: true,
    help: "Rescale each variable's gradient so its L2 norm is at most this. At most one clipping option.",
  },
  {
    name: 'clipvalue',
    kind: 'number',
    min: 0,
    exclusiveMin: true,
    log: true,
    optional: true,
    advanced: true,
    help: 'Clip every gradient element to [−clipvalue, clipvalue]. At most one clipping option.',
  },
  {
    name: 'global_clipnorm',
    kind: 'number',
    min: 0,
    exclusiveMin: true,
    log: true,
    optional: true,
    advanced: true,
    help: 'Rescale all gradients together so their joint L2 norm is at most this. At most one clipping option.',
  },
];

/** Weight decay then the clipping options: what every optimizer accepts after its own fields. */
export const REGULARISATION_FIELDS: readonly FieldSpec<
  'weight_decay' | 'clipnorm' | 'clipvalue' | 'global_clipnorm'
>[] = [WEIGHT_DECAY_FIELD, ...CLIPPING_FIELDS];

export const EPSILON_FIELD: FieldSpec<'epsilon'> = {
  name: 'epsilon',
  kind: 'number',
  min: 0,
  exclusiveMin: true,
  log: true,
  help: 'Small constant in the denominator for numerical stability (always passed explicitly, never the backend epsilon).',
};

/** A moment-decay rate in [0, 1), or [0, 1] where 1 is harmless. */
export function decayField<N extends string>(
  name: N,
  help: string,
  range: { exclusiveMax?: boolean; exclusiveMin?: boolean } = {},
): FieldSpec<N> {
  return { name, kind: 'number', min: 0, max: 1, ...range, help };
}
