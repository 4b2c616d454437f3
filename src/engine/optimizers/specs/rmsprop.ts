/**
 * RMSprop as plain data (no tfjs): its hyperparameters, Keras 3 stock defaults, form fields
 * and update rule, for validation and for a UI. The update rule with its derivation,
 * and the implementation, are in `../rmsprop.ts`.
 */
import {
  COMMON_DEFAULTS,
  EPSILON_FIELD,
  LEARNING_RATE_FIELD,
  REGULARISATION_FIELDS,
  decayField,
} from '../fields';
import type { CommonHyperparameters, OptimizerSpec } from '../types';

export interface RmspropHyperparameters extends CommonHyperparameters {
  rho: number;
  momentum: number;
  epsilon: number;
  centered: boolean;
}

export const rmspropSpec: OptimizerSpec<RmspropHyperparameters> = {
  name: 'rmsprop',
  className: 'RMSprop',
  label: 'RMSprop',
  defaults: {
    learning_rate: 0.001,
    rho: 0.9,
    momentum: 0.0,
    epsilon: 1e-7,
    centered: false,
    ...COMMON_DEFAULTS,
  },
  fields: [
    LEARNING_RATE_FIELD,
    decayField('rho', 'Decay of the moving average of squared gradients.'),
    decayField('momentum', 'Share of the previous step kept (0: no momentum).'),
    EPSILON_FIELD,
    {
      name: 'centered',
      kind: 'boolean',
      help: 'Divide by an estimate of the gradient variance (mean square minus squared mean).',
    },
    ...REGULARISATION_FIELDS,
  ],
  rule: {
    formula: [
      'v ← rho·v + (1 − rho)·g²',
      'Δ ← lr·g / √(v + ε)                centered: ḡ ← rho·ḡ + (1 − rho)·g;  Δ ← lr·g / √(v − ḡ² + ε)',
      'w ← w − Δ                          momentum: m ← momentum·m + Δ;  w ← w − m',
    ].join('\n'),
    words:
      'Divide the gradient by the root of a moving average of its square, so weights with large ' +
      'recent gradients take smaller steps. Centered divides by the estimated variance instead.',
  },
};
