/**
 * Every optimizer and option against the independent float64 reference
 * (test-support/keras-reference.ts): five `minimize` steps on the cpu backend, every
 * parameter and every slot compared after every step, within 1e-5 relative (1e-6 absolute
 * floor near 0).
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optimizers, type KerasOptimizer, type KerasOptimizerName } from './index';
import {
  KERAS_BASE_DEFAULTS,
  KERAS_STOCK_DEFAULTS,
  ReferenceRun,
  type ReferenceHyperparameters,
} from './test-support/keras-reference';
import { INITIAL, analyticGradient, createProblem, worstMismatch } from './test-support/problem';

const STEPS = 5;

interface Case {
  title: string;
  name: KerasOptimizerName;
  /** What the production factory receives (a partial, Keras names). */
  hyperparameters: Record<string, unknown>;
  /** The learning rate the reference uses at an iteration count, when it is a schedule. */
  referenceLr?: (iteration: number) => number;
}

const NAMES: KerasOptimizerName[] = ['sgd', 'rmsprop', 'adagrad', 'adadelta', 'adam', 'adamax', 'nadam', 'adamw', 'lion'];

const CASES: Case[] = [
  // Keras stock defaults, nothing overridden.
  ...NAMES.map((name): Case => ({ title: `${name} with Keras stock defaults`, name, hyperparameters: {} })),
  // SGD
  { title: 'sgd plain', name: 'sgd', hyperparameters: { learning_rate: 0.1 } },
  { title: 'sgd momentum', name: 'sgd', hyperparameters: { learning_rate: 0.05, momentum: 0.9 } },
  { title: 'sgd nesterov', name: 'sgd', hyperparameters: { learning_rate: 0.05, momentum: 0.9, nesterov: true } },
  // RMSprop
  { title: 'rmsprop plain', name: 'rmsprop', hyperparameters: { learning_rate: 0.01 } },
  { title: 'rmsprop momentum', name: 'rmsprop', hyperparameters: { learning_rate: 0.01, momentum: 0.5, rho: 0.8 } },
  {
    title: 'rmsprop centered (epsilon added under the root)',
    name: 'rmsprop',
    hyperparameters: { learning_rate: 0.01, centered: true, epsilon: 1e-2 },
  },
  {
    title: 'rmsprop centered with momentum',
    name: 'rmsprop',
    hyperparameters: { learning_rate: 0.01, centered: true, momentum: 0.7 },
  },
  // Adagrad
  { title: 'adagrad', name: 'adagrad', hyperparameters: { learning_rate: 0.1 } },
  {
    title: 'adagrad with explicit epsilon and accumulator start',
    name: 'adagrad',
    hyperparameters: { learning_rate: 0.1, epsilon: 0.05, initial_accumulator_value: 0.5 },
  },
  // Adadelta
  { title: 'adadelta (paper lr 1.0)', name: 'adadelta', hyperparameters: { learning_rate: 1.0 } },
  {
    title: 'adadelta with large epsilon (new accumulator in the denominator)',
    name: 'adadelta',
    hyperparameters: { learning_rate: 1.0, rho: 0.8, epsilon: 1e-3 },
  },
  // Adam
  { title: 'adam plain', name: 'adam', hyperparameters: { learning_rate: 0.05 } },
  {
    title: 'adam with large epsilon (epsilon hat, not on the corrected root)',
    name: 'adam',
    hyperparameters: { learning_rate: 0.05, epsilon: 0.1 },
  },
  { title: 'adam amsgrad', name: 'adam', hyperparameters: { learning_rate: 0.05, amsgrad: true, beta_2: 0.9 } },
  // Adamax, Nadam, AdamW, Lion
  { title: 'adamax', name: 'adamax', hyperparameters: { learning_rate: 0.05, beta_2: 0.9 } },
  { title: 'nadam', name: 'nadam', hyperparameters: { learning_rate: 0.05 } },
  { title: 'nadam with large epsilon', name: 'nadam', hyperparameters: { learning_rate: 0.05, epsilon: 0.1, beta_1: 0.8 } },
  { title: 'adamw default decay', name: 'adamw', hyperparameters: { learning_rate: 0.05 } },
  { title: 'adamw strong decay, amsgrad', name: 'adamw', hyperparameters: { learning_rate: 0.05, weight_decay: 0.5, amsgrad: true } },
  { title: 'lion', name: 'lion', hyperparameters: { learning_rate: 0.05 } },
  { title: 'lion with other betas', name: 'lion', hyperparameters: { learning_rate: 0.05, beta_1: 0.5, beta_2: 0.9 } },
  // Options of the base optimizer
  { title: 'clipnorm (per variable), sgd momentum', name: 'sgd', hyperparameters: { learning_rate: 0.1, momentum: 0.9, clipnorm: 0.5 } },
  { title: 'clipvalue, adam', name: 'adam', hyperparameters: { learning_rate: 0.05, clipvalue: 0.3 } },
  { title: 'global_clipnorm, rmsprop', name: 'rmsprop', hyperparameters: { learning_rate: 0.01, global_clipnorm: 0.5 } },
  { title: 'global_clipnorm larger than the norm (no-op), adam', name: 'adam', hyperparameters: { learning_rate: 0.05, global_clipnorm: 1e3 } },
  { title: 'weight_decay, sgd', name: 'sgd', hyperparameters: { learning_rate: 0.1, weight_decay: 0.3 } },
  { title: 'weight_decay, lion', name: 'lion', hyperparameters: { learning_rate: 0.05, weight_decay: 0.5 } },
  { title: 'weight_decay with clipnorm, nadam', name: 'nadam', hyperparameters: { learning_rate: 0.05, weight_decay: 0.2, clipnorm: 1.0 } },
  {
    title: 'exponential_decay schedule (staircase), sgd momentum',
    name: 'sgd',
    hyperparameters: {
      momentum: 0.9,
      learning_rate: { kind: 'exponential_decay', initial_learning_rate: 0.1, decay_steps: 2, decay_rate: 0.5, staircase: true },
    },
    referenceLr: (s) => 0.1 * 0.5 ** Math.floor(s / 2),
  },
  {
    title: 'cosine_decay schedule with weight decay, adam',
    name: 'adam',
    hyperparameters: {
      weight_decay: 0.1,
      learning_rate: { kind: 'cosine_decay', initial_learning_rate: 0.05, decay_steps: 4, alpha: 0.1 },
    },
    referenceLr: (s) => 0.05 * (0.9 * 0.5 * (1 + Math.cos((Math.PI * Math.min(s, 4)) / 4)) + 0.1),
  },
  {
    title: 'piecewise_constant_decay schedule, rmsprop momentum',
    name: 'rmsprop',
    hyperparameters: {
      momentum: 0.5,
      learning_rate: { kind: 'piecewise_constant_decay', boundaries: [1, 3], values: [0.02, 0.01, 0.005] },
    },
    referenceLr: (s) => (s <= 1 ? 0.02 : s <= 3 ? 0.01 : 0.005),
  },
];

/** The reference's full hyperparameters: its own copy of Keras's defaults, then the case's. */
function referenceHyperparameters(c: Case): ReferenceHyperparameters {
  const overrides = Object.fromEntries(
    Object.entries(c.hyperparameters).filter(([key]) => key !== 'learning_rate' || c.referenceLr === undefined),
  ) as ReferenceHyperparameters;
  return { ...KERAS_BASE_DEFAULTS, ...KERAS_STOCK_DEFAULTS[c.name], ...overrides };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(CASES)('$title', (c) => {
  let problem: ReturnType<typeof createProblem>;
  let optimizer: KerasOptimizer;
  let reference: ReferenceRun;

  beforeAll(() => {
    problem = createProblem();
    optimizer = optimizers[c.name](c.hyperparameters as never);
    reference = new ReferenceRun(c.name, referenceHyperparameters(c), INITIAL.map((values) => [...values]), c.referenceLr);
  });

  afterAll(() => {
    optimizer.dispose();
    problem.dispose();
  });

  it.each(Array.from({ length: STEPS }, (_, i) => i + 1))('matches the float64 Keras reference after step %i', (step) => {
    optimizer.minimize(problem.loss, false, problem.variables);
    reference.step(analyticGradient);
    expect(optimizer.iterations).toBe(step);
    problem.variables.forEach((variable, v) => {
      const miss = worstMismatch(variable.dataSync(), reference.params[v]!);
      expect(miss, `variable ${v} after step ${step}`).toBeNull();
      const slots = optimizer.slotsOf(variable);
      expect(Object.keys(slots).sort(), `slots of variable ${v}`).toEqual(reference.slotNames());
      for (const name of reference.slotNames()) {
        const slotMiss = worstMismatch(slots[name]!.dataSync(), reference.slot(v, name));
        expect(slotMiss, `slot ${name} of variable ${v} after step ${step}`).toBeNull();
      }
    });
  });
});
