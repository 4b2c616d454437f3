import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnoseRun, runRecordsFor } from '../../src/engine/diagnosis';
import type { TrainTestSplit } from '../../src/engine/data/types';
import type { ExperimentConfigInput } from '../../src/engine/experiment/config';
import { loadRealFashionMnist } from '../helpers/fashion-mnist';
import { trainWithProbes } from '../helpers/probed-run';

/**
 * The detectors on real runs on real Fashion-MNIST, probed as the lab probes (every 20
 * steps). Lean on purpose: E2's network on raw pixels for one epoch of 3,000 images. E2's
 * pitfall with Adam, scaled and not, is checked in fashion-mnist-learning.test.ts on the
 * runs it trains anyway; which way the learning rate should go, in diagnosis-direction.test.ts.
 */
let split: TrainTestSplit;
beforeAll(async () => {
  split = await loadRealFashionMnist();
  expect(await tf.setBackend('wasm')).toBe(true);
});

async function noticesOf(config: ExperimentConfigInput): Promise<Record<string, string[]>> {
  const { history } = await trainWithProbes(config, split);
  return Object.fromEntries(config.runs.map((run, i) => [run.id!, diagnoseRun(runRecordsFor(config, i, history(run.id!))).map((n) => n.id)]));
}

describe('the diagnosis of real runs', () => {
  it("E2's network fed raw pixels (Adadelta at Keras's 0.001): the inputs are not scaled, and the accuracy sits at chance while the loss falls", async () => {
    const notices = await noticesOf({
      name: 'e2-raw-pixels',
      dataset: { name: 'fashion-mnist', subset: 3000, validation: 'test', testSubset: 500 },
      architecture: 'mlp',
      model: { l2: 0.01 },
      training: { epochs: 1, batchSize: 128, seed: 1 },
      runs: [{ id: 'adadelta', optimizer: { name: 'adadelta' }, scaling: 'none' }],
    });
    expect(notices.adadelta).toContain('inputs-not-scaled');
    expect(notices.adadelta).toContain('chance-accuracy');
  });
});
