/**
 * What a lecture says about these optimizers, measured on the race's own stepper: the
 * trajectories of the real optimizer classes on the analytic surfaces.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OptimizerConfig } from '../optimizers/catalog';
import { surfaces, type SurfaceName } from '../surfaces';
import { RaceStepper } from './stepper';
import type { RaceEntryState } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface Raced {
  readonly trails: { x: number; y: number; loss: number }[][];
  readonly states: RaceEntryState[];
}

function race(surface: SurfaceName, optimizers: readonly OptimizerConfig[], steps: number): Raced {
  const stepper = new RaceStepper({ surface, start: surfaces[surface].start, entries: optimizers.map((optimizer, i) => ({ id: `r${i}`, optimizer })) });
  const trails: Raced['trails'] = optimizers.map(() => []);
  stepper.positions((i, x, y, loss) => trails[i]!.push({ x, y, loss }));
  for (let i = 0; i < steps; i++) stepper.step((index, x, y, loss) => trails[index]!.push({ x, y, loss }));
  const states = stepper.snapshot();
  stepper.dispose();
  return { trails, states };
}

const signChanges = (values: readonly number[]): number => values.slice(1).filter((v, i) => Math.sign(v) !== Math.sign(values[i]!)).length;

describe('on the elongated bowl (f = (0.04·x² + 4·y²)/2, across = y, along = x)', () => {
  // SGD near its stability limit 2/b = 0.5, the fastest it can go along x; momentum with
  // Keras's usual 0.9 and an lr whose step across (lr·b = 0.4) is stable.
  const STEPS = 60;
  const { trails } = race(
    'elongated-bowl',
    [
      { name: 'sgd', hyperparameters: { learning_rate: 0.45 } },
      { name: 'sgd', hyperparameters: { learning_rate: 0.1, momentum: 0.9 } },
    ],
    STEPS,
  );
  const [sgd, momentum] = trails as [Raced['trails'][number], Raced['trails'][number]];

  it('plain SGD zigzags across the valley: y changes sign at every step', () => {
    expect(signChanges(sgd.map((p) => p.y))).toBe(STEPS);
  });

  it('momentum swings across far less often', () => {
    expect(signChanges(momentum.map((p) => p.y))).toBeLessThanOrEqual(STEPS / 4);
  });

  it('momentum runs along the valley: after the same steps it is several times closer to the minimum along x', () => {
    const sgdLeft = Math.abs(sgd.at(-1)!.x);
    const momentumLeft = Math.abs(momentum.at(-1)!.x);
    expect(sgdLeft).toBeGreaterThan(2); // from 9: SGD's x shrinks by 1 − 0.45·0.04 = 0.982 a step
    expect(momentumLeft).toBeLessThan(sgdLeft / 5);
  });

  it('SGD diverges above lr = 2/b and converges below it, and the diverged run is a state, not an exception', () => {
    const { trails: edge, states } = race(
      'elongated-bowl',
      [
        { name: 'sgd', hyperparameters: { learning_rate: 0.55 } },
        { name: 'sgd', hyperparameters: { learning_rate: 0.45 } },
      ],
      1000,
    );
    const [over, under] = states as [RaceEntryState, RaceEntryState];
    expect(over.diverged).toBe(true);
    // |y| grows by |1 − 0.55·4| = 1.2 a step from 2, so the loss 2·y² passes float32's
    // 3.4e38 (at |y| ≈ 1.3e19) after about ln(6.5e18)/ln(1.2) ≈ 238 steps.
    expect(over.divergedAtStep).toBeGreaterThan(220);
    expect(over.divergedAtStep).toBeLessThan(260);
    expect(edge[0]!.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && Number.isFinite(p.loss))).toBe(true);
    expect(under.diverged).toBe(false);
    expect(under.step).toBe(1000);
    expect(under.loss).toBeLessThan(1e-6);
  });
});

describe('on the Rosenbrock valley (start (−0.5, 2.5), far above the valley floor y = x²)', () => {
  const STEPS = 2000;
  const { trails, states } = race(
    'rosenbrock',
    [
      { name: 'adam', hyperparameters: { learning_rate: 0.05 } },
      { name: 'rmsprop', hyperparameters: { learning_rate: 0.01 } },
    ],
    STEPS,
  );
  const offFloor = (p: { x: number; y: number }) => Math.abs(p.y - p.x * p.x);

  it.each([
    ['Adam', 0],
    ['RMSprop', 1],
  ] as const)('%s reaches the valley within 300 steps and then follows it towards (1, 1)', (_name, index) => {
    const trail = trails[index]!;
    expect(offFloor(trail[0]!)).toBeGreaterThan(2);
    const entered = trail.findIndex((p) => offFloor(p) < 0.1);
    expect(entered).toBeGreaterThan(0);
    expect(entered).toBeLessThan(300);
    const end = trail.at(-1)!;
    expect(states[index]!.diverged).toBe(false);
    expect(end.loss).toBeLessThan(0.1);
    expect(end.x).toBeGreaterThan(0.7);
    expect(Math.hypot(end.x - 1, end.y - 1)).toBeLessThan(0.5);
  });
});
