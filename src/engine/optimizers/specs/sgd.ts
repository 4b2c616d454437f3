/**
 * SGD as plain data (no tfjs): its hyperparameters, Keras 3 stock defaults, form fields
 * and update rule, for validation and for a UI. The update rule with its derivation,
 * and the implementation, are in `../sgd.ts`.
 */
import { COMMON_DEFAULTS, LEARNING_RATE_FIELD, REGULARISATION_FIELDS, decayField } from '../fields';
import type { CommonHyperparameters, OptimizerSpec } from '../types';

export interface SgdHyperparameters extends CommonHyperparameters {
  momentum: number;
  nesterov: boolean;
}

export const sgdSpec: OptimizerSpec<SgdHyperparameters> = {
  name: 'sgd',
  className: 'SGD',
  label: 'SGD',
  defaults: { learning_rate: 0.01, momentum: 0.0, nesterov: false, ...COMMON_DEFAULTS },
  fields: [
    LEARNING_RATE_FIELD,
    decayField('momentum', 'Share of the previous velocity kept at each step; 0 is plain SGD.'),
    {
      name: 'nesterov',
      kind: 'boolean',
      help: "Nesterov momentum: step with the new velocity's momentum share plus the gradient step.",
    },
    ...REGULARISATION_FIELDS,
  ],
  rule: {
    formula: [
      'momentum = 0:  w ← w − lr·g',
      'momentum > 0:  v ← momentum·v − lr·g;  w ← w + v',
      'nesterov:      v ← momentum·v − lr·g;  w ← w + momentum·v − lr·g',
    ].join('\n'),
    words:
      'Step against the gradient. With momentum, a velocity keeps a decaying sum of past steps and ' +
      'the weights move by it; Nesterov looks one step ahead along the new velocity.',
  },
};
