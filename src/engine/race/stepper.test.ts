/**
 * The race steps by the training engine's rules: the same optimizer classes, driven the
 * way the engine drives them (`optimizer.minimize` on a tfjs loss, as run-state.ts does),
 * give the same trajectory step by step. Tensors stay owned; divergence is a state.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../lib/errors';
import type { OptimizerConfig } from '../optimizers/catalog';
import { createOptimizer } from '../optimizers/registry';
import { SURFACE_NAMES, surfaces, type SurfaceName } from '../surfaces';
import { RaceStepper } from './stepper';
import { MAX_RACE_ENTRIES } from './types';
import { surfaceLoss } from './test-support/tf-surfaces';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Every optimizer in the registry, and the variants a lecture shows; learning rates small enough for every surface. */
const CONFIGS: readonly OptimizerConfig[] = [
  { name: 'sgd', hyperparameters: { learning_rate: 0.001 } },
  { name: 'sgd', hyperparameters: { learning_rate: 0.0005, momentum: 0.9 } },
  { name: 'sgd', hyperparameters: { learning_rate: 0.0005, momentum: 0.9, nesterov: true } },
  { name: 'rmsprop', hyperparameters: { learning_rate: 0.01 } },
  { name: 'rmsprop', hyperparameters: { learning_rate: 0.005, momentum: 0.5, centered: true } },
  { name: 'adagrad', hyperparameters: { learning_rate: 0.1 } },
  { name: 'adadelta', hyperparameters: { learning_rate: 1 } },
  { name: 'adam', hyperparameters: { learning_rate: 0.02 } },
  { name: 'adam', hyperparameters: { learning_rate: 0.02, amsgrad: true } },
  { name: 'adamax', hyperparameters: { learning_rate: 0.02 } },
  { name: 'nadam', hyperparameters: { learning_rate: 0.02 } },
  { name: 'adamw', hyperparameters: { learning_rate: 0.02 } },
  { name: 'lion', hyperparameters: { learning_rate: 0.005 } },
];

const STEPS = 40;

/** The training engine's way: a fresh optimizer minimising the tfjs loss of a 2-element variable. */
function enginePath(surface: SurfaceName, config: OptimizerConfig): number[][] {
  const { start } = surfaces[surface];
  const optimizer = createOptimizer(config);
  const w = tf.variable(tf.tensor1d([start.x, start.y]));
  const points: number[][] = [];
  for (let i = 0; i < STEPS; i++) {
    tf.tidy(() => {
      optimizer.minimize(() => surfaceLoss(surface, w), false, [w]);
    });
    points.push(Array.from(w.dataSync()));
  }
  optimizer.dispose();
  w.dispose();
  return points;
}

/** One race of up to eight; the racers never see each other's state. */
function racePath(surface: SurfaceName, configs: readonly OptimizerConfig[]): number[][][] {
  if (configs.length > MAX_RACE_ENTRIES) return [...racePath(surface, configs.slice(0, MAX_RACE_ENTRIES)), ...racePath(surface, configs.slice(MAX_RACE_ENTRIES))];
  const stepper = new RaceStepper({ surface, start: surfaces[surface].start, entries: configs.map((optimizer, i) => ({ id: `r${i}`, optimizer })) });
  const points: number[][][] = configs.map(() => []);
  for (let i = 0; i < STEPS; i++) stepper.step((index, x, y) => points[index]!.push([x, y]));
  stepper.dispose();
  return points;
}

describe('the race and the training engine', () => {
  it.each(SURFACE_NAMES)('take the same steps on %s, for every optimizer', (surface) => {
    const race = racePath(surface, CONFIGS);
    CONFIGS.forEach((config, i) => {
      const engine = enginePath(surface, config);
      const label = `${config.name} ${JSON.stringify(config.hyperparameters)}`;
      expect(race[i], label).toHaveLength(STEPS);
      engine.forEach((point, step) => {
        // float32 both ways; the gradients differ only in rounding (analytic float64 vs autodiff float32).
        const [x, y] = race[i]![step]!;
        const scale = 1 + Math.hypot(point[0]!, point[1]!);
        expect(Math.hypot(x! - point[0]!, y! - point[1]!) / scale, `${label}, step ${step + 1}`).toBeLessThan(2e-6);
      });
    });
  });
});

describe('the race stepper', () => {
  it('keeps the tensor count flat across many steps and snapshots, and frees everything on dispose', () => {
    const before = tf.memory().numTensors;
    const stepper = new RaceStepper({ surface: 'rosenbrock', start: { x: -0.5, y: 2.5 }, entries: CONFIGS.slice(0, 8).map((optimizer, i) => ({ id: `r${i}`, optimizer })) });
    stepper.step();
    stepper.snapshot();
    const afterFirst = tf.memory().numTensors;
    for (let i = 0; i < 300; i++) {
      stepper.step();
      if (i % 50 === 0) stepper.snapshot();
    }
    expect(tf.memory().numTensors).toBe(afterFirst);
    stepper.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('marks a racer whose steps overflow as diverged, without throwing, and the others go on', () => {
    const points: [number, number, number, number][] = [];
    const stepper = new RaceStepper({
      surface: 'rosenbrock',
      start: surfaces.rosenbrock.start,
      entries: [
        { id: 'wild', optimizer: { name: 'sgd', hyperparameters: { learning_rate: 0.01 } } },
        { id: 'calm', optimizer: { name: 'adam', hyperparameters: { learning_rate: 0.05 } } },
      ],
    });
    for (let i = 0; i < 100; i++) stepper.step((index, x, y, loss) => points.push([index, x, y, loss]));
    const [wild, calm] = stepper.snapshot();
    stepper.dispose();
    expect(wild!.diverged).toBe(true);
    expect(wild!.divergedAtStep).toBeGreaterThan(1);
    expect(wild!.step).toBe(wild!.divergedAtStep);
    expect([wild!.x, wild!.y, wild!.loss].every(Number.isFinite)).toBe(true);
    expect(calm!.diverged).toBe(false);
    expect(calm!.step).toBe(100);
    expect(points.filter(([index]) => index === 0)).toHaveLength(wild!.divergedAtStep! - 1);
    expect(points.every((point) => point.every(Number.isFinite))).toBe(true);
  });

  it('names the bad field of a bad setup, and leaks nothing when it refuses one', () => {
    const before = tf.memory().numTensors;
    const entries = [
      { id: 'a', optimizer: { name: 'adam' } },
      { id: 'b', optimizer: { name: 'rmsprop', hyperparameters: { rho: 2 } } },
    ] as const;
    expect(() => new RaceStepper({ surface: 'beale', start: { x: 0, y: 0 }, entries })).toThrow(ConfigError);
    expect(() => new RaceStepper({ surface: 'beale', start: { x: 0, y: 0 }, entries })).toThrow(/entries\[1\]\.optimizer\.hyperparameters\.rho/);
    expect(() => new RaceStepper({ surface: 'moon' as SurfaceName, start: { x: 0, y: 0 }, entries: entries.slice(0, 1) })).toThrow(/surface/);
    expect(() => new RaceStepper({ surface: 'beale', start: { x: NaN, y: 0 }, entries: entries.slice(0, 1) })).toThrow(/start/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
