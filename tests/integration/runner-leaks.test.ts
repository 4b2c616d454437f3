import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRequestedModel } from '../../src/engine/experiment/run-experiment';
import type { ModelOptions } from '../../src/engine/experiment/config';
import { makeProdRegression } from '../../src/engine/data/synthetic';
import { architectureNames } from '../../src/engine/models/architectures';
import { createOptimizer, type OptimizerConfig } from '../../src/engine/optimizers/registry';
import { runComparison } from '../../src/engine/training/comparison';
import { randomImageDataset } from '../helpers/datasets';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Tensor counts after each epoch, and before/after the whole comparison. */
async function memoryTrace(
  architecture: string,
  shape: [number, number, number] | [number],
  model: ModelOptions = {},
  // MCNN costs ~200 MFLOP per sample: the cpu backend gets the smallest run that still shows a trend.
  size: { count: number; batchSize: number; epochs: number } = { count: 8, batchSize: 4, epochs: 3 },
) {
  const regression = shape.length === 1;
  const train = regression ? makeProdRegression({ count: 16, seed: 1 }) : randomImageDataset({ count: size.count, shape: shape as [number, number, number] });
  const validation = regression ? makeProdRegression({ count: 6, seed: 2 }) : randomImageDataset({ count: size.batchSize + 2, shape: shape as [number, number, number], seed: 8 });
  const before = tf.memory().numTensors;
  const perEpoch: number[] = [];
  await runComparison<OptimizerConfig, ModelOptions>({
    spec: {
      seed: 1,
      epochs: size.epochs,
      batchSize: size.batchSize,
      scaling: 'minmax',
      architecture,
      model,
      lossReadEvery: 1,
      evalBatchSize: size.batchSize,
      earlyStopping: { monitor: 'val_loss', patience: 10, minDelta: 0, restoreBestWeights: true },
      runs: [
        { id: 'adam', label: 'adam', optimizer: { name: 'adam' } },
        { id: 'sgd', label: 'sgd', optimizer: { name: 'sgd', hyperparameters: { momentum: 0.9, nesterov: true } } },
      ],
    },
    data: { train, validation, test: validation },
    buildModel: buildRequestedModel,
    createOptimizer: (c) => createOptimizer(c),
    callbacks: { onMemory: (m) => perEpoch.push(m.numTensors) },
  });
  return { before, perEpoch, after: tf.memory().numTensors };
}

describe('the comparison runner leaks no tensors', () => {
  const imageArchitectures = architectureNames.filter((a) => a !== 'dense');
  for (const architecture of imageArchitectures) {
    it(`${architecture}: the tensor count is the same after every epoch, and back to the start at the end`, async () => {
      const small = architecture === 'mcnn' ? { count: 4, batchSize: 2, epochs: 2 } : undefined;
      const { before, perEpoch, after } = await memoryTrace(architecture, [28, 28, 1], architecture === 'mlp' ? { hiddenUnits: [32, 32] } : {}, small);
      expect(perEpoch).toHaveLength(small?.epochs ?? 3);
      expect(new Set(perEpoch).size).toBe(1);
      expect(after).toBe(before);
    });
  }

  it('dense regression with batch norm and dropout: flat too', async () => {
    const { before, perEpoch, after } = await memoryTrace('dense', [2], { batchNorm: true, dropout: 0.2 });
    expect(new Set(perEpoch).size).toBe(1);
    expect(after).toBe(before);
  });

  it('scnn on CIFAR-shaped input: flat too', async () => {
    const { before, perEpoch, after } = await memoryTrace('scnn', [32, 32, 3]);
    expect(new Set(perEpoch).size).toBe(1);
    expect(after).toBe(before);
  });
});
