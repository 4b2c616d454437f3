/**
 * E4 in small, on the real Fashion-MNIST: a grid of optimizers × learning rates, each run
 * stopping at its train-accuracy target, trained in lock-step groups. The valley's two
 * sides show: too small a rate never gets there, a good one does, and is ranked first.
 */
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrainTestSplit } from '../../src/engine/data/types';
import { rankTrials } from '../../src/engine/sweeps/objective';
import { runSweep } from '../../src/engine/sweeps/run-sweep';
import { parseSweep } from '../../src/engine/sweeps/sweep-config';
import { loadRealFashionMnist } from '../helpers/fashion-mnist';

let split: TrainTestSplit;
beforeAll(async () => {
  split = await loadRealFashionMnist();
  expect(await tf.setBackend('wasm')).toBe(true);
});

describe('a learning-rate sweep with a time-to-target stop rule', () => {
  it('records when each run reached 90% train accuracy, or that it did not, and ranks by time', async () => {
    const plan = parseSweep({
      name: 'valley',
      base: {
        name: 'b',
        dataset: { name: 'fashion-mnist', subset: 500, testSubset: 200 },
        architecture: 'dense',
        model: { hiddenUnits: [64] },
        training: { epochs: 15, batchSize: 50, scaling: 'minmax', seed: 1, stopRule: { target: { metric: 'accuracy', value: 0.9 }, maxSeconds: 120 } },
        runs: [{ optimizer: { name: 'sgd' } }],
      },
      grid: [
        { param: 'optimizer', values: { kind: 'list', values: ['adam', 'sgd'] } },
        { param: 'learning_rate', values: { kind: 'list', values: [1e-6, 3e-3] } },
      ],
      groupSize: 2,
    });
    const before = tf.memory().numTensors;
    const { outcomes } = await runSweep({ plan, split });
    expect(tf.memory().numTensors).toBe(before);

    const adam = outcomes.t002!;
    expect(adam.target).toMatchObject({ outcome: 'reached', epoch: adam.epochs });
    expect(adam.stoppedBy).toBe('target');
    expect(adam.epochs).toBeLessThan(15);
    for (const tiny of [outcomes.t001!, outcomes.t003!]) {
      expect(tiny.target).toMatchObject({ outcome: 'not-reached' });
      expect(tiny.epochs).toBe(15);
      expect((tiny.target as { best: number }).best).toBeLessThan(0.5);
    }
    const ranked = rankTrials(plan.trials.map((t) => t.id), outcomes, 'time-to-target');
    expect(ranked[0]).toMatchObject({ id: 't002', best: true });
  });
});
