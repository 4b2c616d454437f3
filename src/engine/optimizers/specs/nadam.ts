/**
 * Nadam as plain data (no tfjs): its hyperparameters, Keras 3 stock defaults, form fields
 * and update rule, for validation and for a UI. The update rule with its derivation,
 * and the implementation, are in `../nadam.ts`.
 */
import { BETA_1_FIELD, BETA_2_FIELD } from './adam';
import { COMMON_DEFAULTS, EPSILON_FIELD, LEARNING_RATE_FIELD, REGULARISATION_FIELDS } from '../fields';
import type { CommonHyperparameters, OptimizerSpec } from '../types';

export interface NadamHyperparameters extends CommonHyperparameters {
  beta_1: number;
  beta_2: number;
  epsilon: number;
}

export const nadamSpec: OptimizerSpec<NadamHyperparameters> = {
  name: 'nadam',
  className: 'Nadam',
  label: 'Nadam',
  defaults: { learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, ...COMMON_DEFAULTS },
  fields: [LEARNING_RATE_FIELD, BETA_1_FIELD, BETA_2_FIELD, EPSILON_FIELD, ...REGULARISATION_FIELDS],
  rule: {
    formula: [
      'μₜ = β₁·(1 − ½·0.96ᵗ),  Πₜ = μ₁·…·μₜ',
      'm ← β₁·m + (1 − β₁)·g,  v ← β₂·v + (1 − β₂)·g²',
      'm̂ = μₜ₊₁·m / (1 − Πₜ·μₜ₊₁) + (1 − μₜ)·g / (1 − Πₜ),  v̂ = v / (1 − β₂ᵗ)',
      'w ← w − lr·m̂ / (√v̂ + ε)',
    ].join('\n'),
    words:
      'Adam with Nesterov momentum: the corrected step mixes the next step’s share of the average ' +
      'gradient with the current gradient, under a momentum that warms up from β₁/2 towards β₁.',
  },
};
