/**
 * Lion as plain data (no tfjs): its hyperparameters, Keras 3 stock defaults, form fields
 * and update rule, for validation and for a UI. The update rule with its derivation,
 * and the implementation, are in `../lion.ts`.
 */
import { COMMON_DEFAULTS, LEARNING_RATE_FIELD, REGULARISATION_FIELDS, decayField } from '../fields';
import type { CommonHyperparameters, OptimizerSpec } from '../types';

export interface LionHyperparameters extends CommonHyperparameters {
  beta_1: number;
  beta_2: number;
}

export const lionSpec: OptimizerSpec<LionHyperparameters> = {
  name: 'lion',
  className: 'Lion',
  label: 'Lion',
  defaults: { learning_rate: 0.001, beta_1: 0.9, beta_2: 0.99, ...COMMON_DEFAULTS },
  fields: [
    LEARNING_RATE_FIELD,
    decayField('beta_1', 'Weight of the momentum against the gradient inside the sign (0 is signSGD, not allowed).', {
      exclusiveMin: true,
    }),
    decayField('beta_2', 'Decay of the momentum (first moment) itself.'),
    ...REGULARISATION_FIELDS,
  ],
  rule: {
    formula: ['w ← w − lr·sign(β₁·m + (1 − β₁)·g)', 'm ← β₂·m + (1 − β₂)·g'].join('\n'),
    words:
      'Move every weight by exactly lr in the direction of the sign of a blend of momentum and ' +
      'gradient, then update the momentum more slowly.',
  },
};
