/**
 * Adadelta as plain data (no tfjs): its hyperparameters, Keras 3 stock defaults, form fields
 * and update rule, for validation and for a UI. The update rule with its derivation,
 * and the implementation, are in `../adadelta.ts`.
 */
import {
  COMMON_DEFAULTS,
  EPSILON_FIELD,
  LEARNING_RATE_FIELD,
  REGULARISATION_FIELDS,
  decayField,
} from '../fields';
import type { CommonHyperparameters, OptimizerSpec } from '../types';

export interface AdadeltaHyperparameters extends CommonHyperparameters {
  rho: number;
  epsilon: number;
}

export const adadeltaSpec: OptimizerSpec<AdadeltaHyperparameters> = {
  name: 'adadelta',
  className: 'Adadelta',
  label: 'Adadelta',
  defaults: { learning_rate: 0.001, rho: 0.95, epsilon: 1e-7, ...COMMON_DEFAULTS },
  fields: [
    LEARNING_RATE_FIELD,
    decayField('rho', 'Decay of the moving averages of squared gradients and squared updates.'),
    EPSILON_FIELD,
    ...REGULARISATION_FIELDS,
  ],
  rule: {
    formula: [
      'E[g²] ← rho·E[g²] + (1 − rho)·g²',
      'Δ ← −√(E[Δ²] + ε) / √(E[g²] + ε) · g',
      'E[Δ²] ← rho·E[Δ²] + (1 − rho)·Δ²',
      'w ← w + lr·Δ',
    ].join('\n'),
    words:
      'Divide the gradient by the root of a moving average of squared gradients and multiply it by ' +
      'the root of a moving average of squared past updates, so steps come in the units of the weights.',
  },
};
