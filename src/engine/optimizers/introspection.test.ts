/**
 * The introspection of each optimizer's state: its effective step is what the update it
 * just made multiplied the gradient (or Adam's first moment) by, and its moments are the
 * slots they name.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { introspectionOf } from './introspection';
import { createOptimizer, type OptimizerConfig } from './registry';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const START = [0.5, -1, 2, 0.25];
const GRADIENTS = [
  [0.1, -0.2, 0.3, 0.05],
  [-0.3, 0.1, 0.2, 0.4],
  [0.2, 0.2, -0.1, 0.1],
];

/** Three steps with fixed gradients; the effective step, moments and the last update, as numbers. */
function threeSteps(config: OptimizerConfig) {
  const optimizer = createOptimizer(config);
  const w = tf.variable(tf.tensor1d(START), true, `introspection-${config.name}-${Math.random()}`);
  let before: number[] = START;
  for (const g of GRADIENTS) {
    before = Array.from(w.dataSync());
    tf.tidy(() => optimizer.applyGradients([{ name: w.name, tensor: tf.tensor1d(g) }]));
  }
  const slots = optimizer.slotsOf(w);
  const introspection = introspectionOf(optimizer.kerasName);
  const t = optimizer.iterations;
  const read = (tensor: tf.Tensor | number | undefined) =>
    tensor === undefined ? undefined : typeof tensor === 'number' ? START.map(() => tensor) : Array.from(tensor.dataSync());
  const [step, first, second] = tf.tidy(() => [
    read(introspection.effectiveStep({ slots, hyperparameters: optimizer.hyperparameters as Record<string, unknown>, lr: optimizer.learningRateAt(t - 1), t })),
    read(introspection.firstMoment(slots)),
    read(introspection.secondMoment(slots, optimizer.hyperparameters as Record<string, unknown>)),
  ]);
  const slotValues = Object.fromEntries(Object.entries(slots).map(([name, tensor]) => [name, Array.from(tensor.dataSync())]));
  const update = Array.from(w.dataSync()).map((value, i) => value - before[i]!);
  optimizer.dispose();
  w.dispose();
  return { step: step!, first, second, slots: slotValues, update, lastGradient: GRADIENTS.at(-1)! };
}

const close = (actual: readonly number[], expected: readonly number[]) => actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 6));

describe('the effective step is what the last update multiplied its direction by', () => {
  it.each<[string, OptimizerConfig]>([
    ['sgd', { name: 'sgd' }],
    ['rmsprop', { name: 'rmsprop' }],
    ['rmsprop (centered)', { name: 'rmsprop', hyperparameters: { centered: true } }],
    ['adagrad', { name: 'adagrad', hyperparameters: { learning_rate: 0.1 } }],
  ])('%s: Δw = −step · g', (_name, config) => {
    const { step, update, lastGradient } = threeSteps(config);
    close(update, lastGradient.map((g, i) => -step[i]! * g));
  });

  it.each<[string, OptimizerConfig]>([
    ['adam', { name: 'adam', hyperparameters: { learning_rate: 0.1 } }],
    ['adam (amsgrad)', { name: 'adam', hyperparameters: { learning_rate: 0.1, amsgrad: true } }],
    ['adamax', { name: 'adamax', hyperparameters: { learning_rate: 0.1 } }],
  ])('%s: Δw = −step · m', (_name, config) => {
    const { step, update, slots } = threeSteps(config);
    close(update, slots.momentum!.map((m, i) => -step[i]! * m));
  });

  it('lion: every weight moved by exactly the step', () => {
    const { step, update } = threeSteps({ name: 'lion', hyperparameters: { learning_rate: 0.01 } });
    close(update.map(Math.abs), step);
  });

  it('nadam: lr / (√(v / (1 − β₂ᵗ)) + ε)', () => {
    const { step, slots } = threeSteps({ name: 'nadam' });
    close(step, slots.velocity!.map((v) => 0.001 / (Math.sqrt(v / (1 - 0.999 ** 3)) + 1e-7)));
  });

  it('adadelta: lr · √(E[Δ²] + ε) / √(E[g²] + ε), the state the next step will use', () => {
    const { step, slots } = threeSteps({ name: 'adadelta', hyperparameters: { learning_rate: 1 } });
    close(step, slots.accumulated_grad!.map((g2, i) => Math.sqrt(slots.accumulated_delta_var![i]! + 1e-7) / Math.sqrt(g2 + 1e-7)));
  });
});

describe('the moments', () => {
  it('are the first-moment slot and the root of the second for Adam', () => {
    const { first, second, slots } = threeSteps({ name: 'adam' });
    expect(first).toEqual(slots.momentum);
    close(second!, slots.velocity!.map(Math.sqrt));
  });

  it('are Adamax’s infinity norm as it is (already in gradient units)', () => {
    const { second, slots } = threeSteps({ name: 'adamax' });
    expect(second).toEqual(slots.norm);
  });

  it('are absent where the optimizer keeps none (SGD without momentum, Adagrad’s first)', () => {
    expect(threeSteps({ name: 'sgd' }).first).toBeUndefined();
    expect(threeSteps({ name: 'sgd' }).second).toBeUndefined();
    expect(threeSteps({ name: 'adagrad' }).first).toBeUndefined();
    close(threeSteps({ name: 'adagrad' }).second!, threeSteps({ name: 'adagrad' }).slots.accumulator!.map(Math.sqrt));
  });
});
