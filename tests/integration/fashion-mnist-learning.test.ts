import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnoseRun, runRecordsFor } from '../../src/engine/diagnosis';
import type { TrainTestSplit } from '../../src/engine/data/types';
import type { ExperimentConfigInput } from '../../src/engine/experiment/config';
import { loadRealFashionMnist } from '../helpers/fashion-mnist';
import { trainWithProbes } from '../helpers/probed-run';

/**
 * Real learning on the real data. The dense models train on tfjs's wasm backend, the
 * fastest one Node has here (it cannot train CNNs: no Conv2DBackpropFilter).
 */
let split: TrainTestSplit;
beforeAll(async () => {
  split = await loadRealFashionMnist();
  expect(await tf.setBackend('wasm')).toBe(true);
});

/** Trained as the lab trains: with its probes on, which the diagnosis reads. */
const run = (config: ExperimentConfigInput) => trainWithProbes(config, split);

describe('on real Fashion-MNIST', () => {
  it('FCNN with Adam, one epoch on all 60,000 images, reaches at least 0.80 test accuracy', async () => {
    const { byId, epochs } = await run({
      name: 'fcnn-adam-one-epoch',
      dataset: { name: 'fashion-mnist' },
      architecture: 'fcnn',
      training: { epochs: 1, batchSize: 200, seed: 1 },
      runs: [{ id: 'adam', optimizer: { name: 'adam' } }],
    });
    const adam = byId('adam');
    expect(adam.status).toBe('completed');
    expect(epochs[0]!.steps).toBe(300);
    console.log(`FCNN + Adam, 1 epoch: test accuracy ${adam.test!.accuracy!.toFixed(4)}, ${adam.trainSeconds.toFixed(1)} s training`);
    expect(adam.test!.accuracy).toBeGreaterThanOrEqual(0.8);
    // the confusion matrix covers the whole test set
    expect(adam.test!.confusion!.flat().reduce((a, b) => a + b, 0)).toBe(10_000);
  });

  /**
   * E2 fed raw 0-255 pixels. On Fashion-MNIST, with the stable logits loss, that does NOT
   * pin accuracy at chance within a few epochs (measured: Adam, RMSprop and Nadam learn
   * nearly as well as scaled through 5 epochs); what shows at once is a training loss
   * several times higher, the signal the lab's diagnosis reads. The test asserts that,
   * and that the scaled run learns.
   */
  it("E2's pitfall: with scaling off the loss stays several times higher and the lab says why; with scaling on the network learns, and the lab is silent", async () => {
    const config: ExperimentConfigInput = {
      name: 'e2-pitfall',
      dataset: { name: 'fashion-mnist', subset: 12_000, testSubset: 2_000 },
      architecture: 'mlp',
      model: { l2: 0.01 },
      training: { epochs: 1, batchSize: 128, seed: 2 },
      runs: [
        { id: 'scaled', optimizer: { name: 'adam' }, scaling: 'minmax' },
        { id: 'unscaled', optimizer: { name: 'adam' }, scaling: 'none' },
      ],
    };
    const { byId, epochs, history } = await run(config);
    const scaled = byId('scaled');
    const unscaled = byId('unscaled');
    const lossOf = (id: string) => epochs.find((e) => e.runId === id)!.loss;
    console.log(
      `E2 on Fashion-MNIST, 1 epoch of 12,000: scaled loss ${lossOf('scaled').toFixed(2)} accuracy ${scaled.test!.accuracy!.toFixed(3)}; ` +
        `unscaled ${unscaled.status} loss ${lossOf('unscaled').toFixed(2)} accuracy ${unscaled.test?.accuracy?.toFixed(3) ?? '-'}`,
    );
    expect(scaled.test!.accuracy).toBeGreaterThanOrEqual(0.7);
    expect(unscaled.status === 'diverged' || lossOf('unscaled') >= 3 * lossOf('scaled')).toBe(true);
    const notices = (index: number) => diagnoseRun(runRecordsFor(config, index, history(config.runs[index]!.id!))).map((n) => n.id);
    expect(notices(1)).toContain('inputs-not-scaled');
    expect(notices(0)).toEqual([]);
  });
});
