/**
 * Adamax as plain data (no tfjs): its hyperparameters, Keras 3 stock defaults, form fields
 * and update rule, for validation and for a UI. The update rule with its derivation,
 * and the implementation, are in `../adamax.ts`.
 */
import { BETA_1_FIELD } from './adam';
import {
  COMMON_DEFAULTS,
  EPSILON_FIELD,
  LEARNING_RATE_FIELD,
  REGULARISATION_FIELDS,
  decayField,
} from '../fields';
import type { CommonHyperparameters, OptimizerSpec } from '../types';

export interface AdamaxHyperparameters extends CommonHyperparameters {
  beta_1: number;
  beta_2: number;
  epsilon: number;
}

export const adamaxSpec: OptimizerSpec<AdamaxHyperparameters> = {
  name: 'adamax',
  className: 'Adamax',
  label: 'Adamax',
  defaults: { learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, ...COMMON_DEFAULTS },
  fields: [
    LEARNING_RATE_FIELD,
    BETA_1_FIELD,
    decayField('beta_2', 'Decay of the exponentially weighted infinity norm of the gradients.'),
    EPSILON_FIELD,
    ...REGULARISATION_FIELDS,
  ],
  rule: {
    formula: ['m ← β₁·m + (1 − β₁)·g', 'u ← max(β₂·u, |g|)', 'w ← w − lr·m / ((1 − β₁ᵗ)·(u + ε))'].join(
      '\n',
    ),
    words:
      'Adam with the infinity norm: divide the bias-corrected average gradient by the largest ' +
      'recent gradient magnitude, which fades by β₂ each step.',
  },
};
