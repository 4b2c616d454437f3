/**
 * AdamW as plain data (no tfjs): its hyperparameters, Keras 3 stock defaults, form fields
 * and update rule, for validation and for a UI. The update rule with its derivation,
 * and the implementation, are in `../adamw.ts`.
 */
import { ADAM_RULE, AMSGRAD_FIELD, BETA_1_FIELD, BETA_2_FIELD, type AdamHyperparameters } from './adam';
import { CLIPPING_FIELDS, EPSILON_FIELD, LEARNING_RATE_FIELD, WEIGHT_DECAY_FIELD } from '../fields';
import type { OptimizerSpec } from '../types';

export interface AdamwHyperparameters extends AdamHyperparameters {
  /** Required, unlike other optimizers: AdamW's weight_decay cannot be null. */
  weight_decay: number;
}

export const adamwSpec: OptimizerSpec<AdamwHyperparameters> = {
  name: 'adamw',
  className: 'AdamW',
  label: 'AdamW',
  defaults: {
    learning_rate: 0.001,
    weight_decay: 0.004,
    beta_1: 0.9,
    beta_2: 0.999,
    epsilon: 1e-7,
    amsgrad: false,
    clipnorm: null,
    clipvalue: null,
    global_clipnorm: null,
  },
  fields: [
    LEARNING_RATE_FIELD,
    {
      ...WEIGHT_DECAY_FIELD,
      optional: false,
      advanced: false,
      help: 'Decoupled weight decay: before each Adam update, w ← w − w · weight_decay · lr.',
    },
    BETA_1_FIELD,
    BETA_2_FIELD,
    EPSILON_FIELD,
    AMSGRAD_FIELD,
    ...CLIPPING_FIELDS,
  ],
  rule: {
    formula: `w ← w − w·weight_decay·lr\n${ADAM_RULE.formula}`,
    words:
      'Adam, but every step first shrinks each weight towards zero by weight_decay·lr of itself, ' +
      'independently of the gradient, instead of an L2 term in the loss.',
  },
};
