/**
 * The learning-rate schedules a run may use (the engine's `schedules.ts`, after Keras 3),
 * as form fields. `initial_learning_rate` is the run's learning rate field.
 */
import type { LearningRateScheduleKind } from '../../../engine/optimizers/schedules';

export type ScheduleChoice = 'constant' | LearningRateScheduleKind;

export interface ScheduleParam {
  readonly name: string;
  readonly kind: 'number' | 'integer' | 'boolean' | 'list';
  readonly optional?: boolean;
  readonly help: string;
}

const LR0: ScheduleParam = { name: 'initial_learning_rate', kind: 'number', help: 'lr₀, the rate at step 0.' };
const DECAY_STEPS: ScheduleParam = { name: 'decay_steps', kind: 'number', help: 'Steps over which the rate decays by one decay_rate.' };
const STAIRCASE: ScheduleParam = { name: 'staircase', kind: 'boolean', optional: true, help: 'Decay in whole steps of decay_steps, not continuously.' };

export const SCHEDULES: Readonly<Record<ScheduleChoice, { readonly label: string; readonly formula: string; readonly params: readonly ScheduleParam[] }>> = {
  constant: { label: 'Constant', formula: 'lr(s) = lr', params: [] },
  exponential_decay: {
    label: 'Exponential decay',
    formula: 'lr(s) = lr₀ · decay_rate^(s / decay_steps)',
    params: [LR0, DECAY_STEPS, { name: 'decay_rate', kind: 'number', help: 'Factor per decay_steps, e.g. 0.96.' }, STAIRCASE],
  },
  inverse_time_decay: {
    label: 'Inverse time decay',
    formula: 'lr(s) = lr₀ / (1 + decay_rate · s / decay_steps)',
    params: [LR0, DECAY_STEPS, { name: 'decay_rate', kind: 'number', help: 'Keras’s old `decay` argument is this with decay_steps 1.' }, STAIRCASE],
  },
  cosine_decay: {
    label: 'Cosine decay',
    formula: 'lr(s) = lr₀ · ((1 − alpha) · ½(1 + cos(π · min(s, decay_steps) / decay_steps)) + alpha)',
    params: [
      LR0,
      DECAY_STEPS,
      { name: 'alpha', kind: 'number', optional: true, help: 'Floor, as a fraction of lr₀ (default 0).' },
      { name: 'warmup_target', kind: 'number', optional: true, help: 'Warm up linearly to this rate first (default: no warmup).' },
      { name: 'warmup_steps', kind: 'integer', optional: true, help: 'Steps of warmup (default 0).' },
    ],
  },
  piecewise_constant_decay: {
    label: 'Piecewise constant',
    formula: 'lr(s) = values[i] for boundaries[i−1] < s ≤ boundaries[i]',
    params: [
      { name: 'boundaries', kind: 'list', help: 'Increasing step counts, e.g. 1000, 2000.' },
      { name: 'values', kind: 'list', help: 'One more rate than boundaries, e.g. 0.01, 0.005, 0.001.' },
    ],
  },
};

export const SCHEDULE_CHOICES = Object.keys(SCHEDULES) as ScheduleChoice[];
