/**
 * Adam as plain data (no tfjs): its hyperparameters, Keras 3 stock defaults, form fields
 * and update rule, for validation and for a UI. The β fields, the AMSGrad field and the rule are shared with
 * Adamax, Nadam and AdamW. The update rule with its derivation,
 * and the implementation, are in `../adam.ts`.
 */
import {
  COMMON_DEFAULTS,
  EPSILON_FIELD,
  LEARNING_RATE_FIELD,
  REGULARISATION_FIELDS,
  decayField,
} from '../fields';
import type { CommonHyperparameters, FieldSpec, OptimizerSpec, UpdateRule } from '../types';

export interface AdamHyperparameters extends CommonHyperparameters {
  beta_1: number;
  beta_2: number;
  epsilon: number;
  amsgrad: boolean;
}

/** β₁ and β₂ of the Adam family: [0, 1), since 1 − βᵗ divides. */
export const BETA_1_FIELD: FieldSpec<'beta_1'> = decayField(
  'beta_1',
  'Decay of the moving average of gradients (first moment).',
  { exclusiveMax: true },
);

export const BETA_2_FIELD: FieldSpec<'beta_2'> = decayField(
  'beta_2',
  'Decay of the moving average of squared gradients (second moment).',
  { exclusiveMax: true },
);

export const AMSGRAD_FIELD: FieldSpec<'amsgrad'> = {
  name: 'amsgrad',
  kind: 'boolean',
  help: 'AMSGrad: divide by the largest second moment seen so far (Reddi et al., 2018).',
};

export const ADAM_RULE: UpdateRule = {
  formula: [
    'α ← lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ)',
    'm ← β₁·m + (1 − β₁)·g',
    'v ← β₂·v + (1 − β₂)·g²          amsgrad: v̂ ← max(v̂, v), used in place of v',
    'w ← w − α·m / (√v + ε)',
  ].join('\n'),
  words:
    'Keep moving averages of the gradient and of its square; step along the first divided by the ' +
    'root of the second, correcting both for their zero start. AMSGrad divides by the largest ' +
    'second moment seen so far.',
};

export const adamSpec: OptimizerSpec<AdamHyperparameters> = {
  name: 'adam',
  className: 'Adam',
  label: 'Adam',
  defaults: {
    learning_rate: 0.001,
    beta_1: 0.9,
    beta_2: 0.999,
    epsilon: 1e-7,
    amsgrad: false,
    ...COMMON_DEFAULTS,
  },
  fields: [LEARNING_RATE_FIELD, BETA_1_FIELD, BETA_2_FIELD, EPSILON_FIELD, AMSGRAD_FIELD, ...REGULARISATION_FIELDS],
  rule: ADAM_RULE,
};
