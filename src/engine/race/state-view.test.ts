/**
 * The state the race shows agrees with the steps the real optimizers take: the
 * effective step size times what it applies to is the step that was taken, and the
 * momentum arrow of a momentum method is its displacement.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveOptimizerConfig, type OptimizerConfig } from '../optimizers/catalog';
import { stateViews } from './state-view';
import { RaceStepper } from './stepper';
import type { RaceEntryState, Vec2 } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Snapshots before the first step and after each of `steps` steps, on Himmelblau's slopes. */
function states(optimizer: OptimizerConfig, steps = 8): RaceEntryState[] {
  const stepper = new RaceStepper({ surface: 'himmelblau', start: { x: -0.3, y: -0.7 }, entries: [{ id: 'r', optimizer }] });
  const out = [stepper.snapshot()[0]!];
  for (let i = 0; i < steps; i++) {
    stepper.step();
    out.push(stepper.snapshot()[0]!);
  }
  stepper.dispose();
  return out;
}

const slot = (state: RaceEntryState, name: string): Vec2 => state.slots.find((s) => s.name === name)!.values;

/**
 * Close in float32 terms: a step is the difference of two float32 positions, so it is
 * off by up to an ulp of the position (2⁻²³·|w|) besides float32's relative rounding.
 */
function expectClose(actual: Vec2, expected: Vec2, what: string, position: Vec2 = [0, 0]): void {
  for (const i of [0, 1] as const) {
    const tolerance = 1e-5 * Math.abs(expected[i]) + 2 ** -22 * (Math.abs(position[i]) + 1e-3);
    expect(Math.abs(actual[i] - expected[i]), `${what}[${i}]: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tolerance);
  }
}

describe('the effective step size', () => {
  it.each<[string, OptimizerConfig]>([
    ['sgd', { name: 'sgd', hyperparameters: { learning_rate: 0.005 } }],
    ['rmsprop', { name: 'rmsprop', hyperparameters: { learning_rate: 0.01 } }],
    ['rmsprop, centered', { name: 'rmsprop', hyperparameters: { learning_rate: 0.01, centered: true } }],
    ['adagrad', { name: 'adagrad', hyperparameters: { learning_rate: 0.1 } }],
  ])('of %s times the gradient it was given is the step it took', (_name, optimizer) => {
    const seen = states(optimizer);
    for (let t = 1; t < seen.length; t++) {
      const { effectiveStep, lastStep } = seen[t]!;
      const g = seen[t - 1]!.gradient;
      expect(effectiveStep!.appliesTo).toBe('g');
      expectClose(lastStep, [-effectiveStep!.values[0] * g[0], -effectiveStep!.values[1] * g[1]], `step ${t}`, [seen[t]!.x, seen[t]!.y]);
    }
  });

  it.each<[string, OptimizerConfig]>([
    ['adam', { name: 'adam', hyperparameters: { learning_rate: 0.05 } }],
    ['adam, amsgrad', { name: 'adam', hyperparameters: { learning_rate: 0.05, amsgrad: true } }],
    ['adamw without decay', { name: 'adamw', hyperparameters: { learning_rate: 0.05, weight_decay: 0 } }],
    ['adamax', { name: 'adamax', hyperparameters: { learning_rate: 0.05 } }],
  ])('of %s times its first moment m is the step it took', (_name, optimizer) => {
    const seen = states(optimizer);
    for (let t = 1; t < seen.length; t++) {
      const { effectiveStep, lastStep } = seen[t]!;
      const m = slot(seen[t]!, 'momentum');
      expect(effectiveStep!.appliesTo).toBe('m');
      expectClose(lastStep, [-effectiveStep!.values[0] * m[0], -effectiveStep!.values[1] * m[1]], `step ${t}`, [seen[t]!.x, seen[t]!.y]);
    }
  });

  it('of lion is its learning rate, the size of every step in every coordinate', () => {
    const seen = states({ name: 'lion', hyperparameters: { learning_rate: 0.01 } });
    for (const state of seen.slice(1)) {
      expect(state.effectiveStep!.values).toEqual([0.01, 0.01]);
      expectClose([Math.abs(state.lastStep[0]), Math.abs(state.lastStep[1])], [0.01, 0.01], 'lion', [state.x, state.y]);
    }
  });

  it('is absent before the first step', () => {
    expect(states({ name: 'adam' }, 0)[0]!.effectiveStep).toBeUndefined();
  });
});

describe('the momentum arrow', () => {
  it.each<[string, OptimizerConfig]>([
    ['sgd with momentum', { name: 'sgd', hyperparameters: { learning_rate: 0.005, momentum: 0.9 } }],
    ['rmsprop with momentum', { name: 'rmsprop', hyperparameters: { learning_rate: 0.01, momentum: 0.5 } }],
  ])('of %s is the displacement of its last step', (_name, optimizer) => {
    for (const state of states(optimizer).slice(1)) expectClose(state.momentum!, state.lastStep, 'momentum', [state.x, state.y]);
  });

  it('points against Adam’s first moment, and is absent for optimizers without momentum', () => {
    const adam = states({ name: 'adam', hyperparameters: { learning_rate: 0.05 } }).at(-1)!;
    const m = slot(adam, 'momentum');
    expect(adam.momentum).toEqual([-m[0], -m[1]]);
    expect(states({ name: 'sgd' }).at(-1)!.momentum).toBeUndefined();
    expect(states({ name: 'adagrad' }).at(-1)!.momentum).toBeUndefined();
  });

  it.each<OptimizerConfig>([
    { name: 'sgd' },
    { name: 'sgd', hyperparameters: { momentum: 0.9 } },
    { name: 'rmsprop' },
    { name: 'rmsprop', hyperparameters: { momentum: 0.5 } },
    { name: 'adagrad' },
    { name: 'adadelta' },
    { name: 'adam' },
    { name: 'adamw' },
    { name: 'adamax' },
    { name: 'nadam' },
    { name: 'lion' },
  ])('is promised before the race for exactly the optimizers that show one: %j', (optimizer) => {
    const { name, hyperparameters } = resolveOptimizerConfig(optimizer);
    const shown = states(optimizer, 2).at(-1)!.momentum !== undefined;
    expect(stateViews[name].keepsMomentum(hyperparameters as unknown as Record<string, unknown>)).toBe(shown);
  });

  it('names slots with the symbols of the update rule', () => {
    expect(states({ name: 'adam' }).at(-1)!.slots.map((s) => s.symbol)).toEqual(['m', 'v']);
    expect(states({ name: 'adadelta' }).at(-1)!.slots.map((s) => s.symbol)).toEqual(['E[g²]', 'E[Δ²]']);
  });
});
