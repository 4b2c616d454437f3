/**
 * Adagrad as plain data (no tfjs): its hyperparameters, Keras 3 stock defaults, form fields
 * and update rule, for validation and for a UI. The update rule with its derivation,
 * and the implementation, are in `../adagrad.ts`.
 */
import { COMMON_DEFAULTS, EPSILON_FIELD, LEARNING_RATE_FIELD, REGULARISATION_FIELDS } from '../fields';
import type { CommonHyperparameters, OptimizerSpec } from '../types';

export interface AdagradHyperparameters extends CommonHyperparameters {
  initial_accumulator_value: number;
  epsilon: number;
}

export const adagradSpec: OptimizerSpec<AdagradHyperparameters> = {
  name: 'adagrad',
  className: 'Adagrad',
  label: 'Adagrad',
  defaults: { learning_rate: 0.001, initial_accumulator_value: 0.1, epsilon: 1e-7, ...COMMON_DEFAULTS },
  fields: [
    LEARNING_RATE_FIELD,
    {
      name: 'initial_accumulator_value',
      kind: 'number',
      min: 0,
      help: 'Starting value of the per-weight sum of squared gradients (non-negative).',
    },
    EPSILON_FIELD,
    ...REGULARISATION_FIELDS,
  ],
  rule: {
    formula: ['a ← a + g²', 'w ← w − lr·g / √(a + ε)'].join('\n'),
    words:
      'Each weight divides its step by the root of the sum of all its squared gradients so far, ' +
      'so weights with large or frequent gradients slow down for good.',
  },
};
