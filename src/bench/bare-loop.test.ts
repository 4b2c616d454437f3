import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomImageDataset } from '../../tests/helpers/datasets';
import type { ExperimentConfigInput } from '../engine/experiment/config';
import { VaeModel } from '../engine/models/vae';
import { runBareLoop, type BareLoopRequest } from './bare-loop';

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterEach(() => vi.restoreAllMocks());

const split = { train: randomImageDataset({ count: 48, shape: [28, 28, 1], seed: 1 }), test: randomImageDataset({ count: 16, shape: [28, 28, 1], seed: 2 }) };

function config(architecture: 'vae' | 'fcnn'): ExperimentConfigInput {
  return {
    name: 'bare',
    dataset: { name: 'fashion-mnist', subset: 32, testSubset: 16 },
    architecture,
    ...(architecture === 'vae' ? { model: { filters: [4, 8], kernelSize: 3, latentDim: 2 } } : {}),
    training: { epochs: 2, batchSize: 8, scaling: 'minmax', seed: 1 },
    runs: [{ id: 'sgd', label: 'SGD', optimizer: { name: 'sgd' } }],
  } as ExperimentConfigInput;
}

describe('the bare loop', () => {
  it('with galleryEvery, also decodes a VAE gallery after every that many steps, warm-up included, and leaves no tensor behind', async () => {
    const request = (galleryEvery?: number): BareLoopRequest => ({ config: config('vae'), warmupSteps: 4, timedSteps: 8, ...(galleryEvery ? { galleryEvery } : {}) });
    const decodes = vi.spyOn(VaeModel.prototype, 'decode');
    await runBareLoop(request(), split);
    const training = decodes.mock.calls.length;
    decodes.mockClear();
    const before = tf.memory().numTensors;
    const result = await runBareLoop(request(4), split);
    expect(tf.memory().numTensors).toBe(before);
    // One decoder pass per gallery (its three grids at once), after steps 4, 8 and 12.
    expect(decodes.mock.calls.length - training).toBe(3);
    expect(result).toMatchObject({ batchSize: 8, steps: 8 });
  });

  it('refuses galleryEvery for a model that has no gallery', async () => {
    await expect(runBareLoop({ config: config('fcnn'), warmupSteps: 1, timedSteps: 1, galleryEvery: 1 }, split)).rejects.toThrow('galleryEvery: expected a VAE, found fcnn');
  });
});
