import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Batcher } from '../../src/engine/data/batcher';
import { loadRealFashionMnist } from '../helpers/fashion-mnist';
import { FASHION_MNIST_CLASS_NAMES } from '../../src/engine/data/fashion-mnist';
import { computeChannelStats } from '../../src/engine/data/split';
import type { Dataset, TrainTestSplit } from '../../src/engine/data/types';


let loading: Promise<TrainTestSplit> | undefined;

function loadOrExplain(): Promise<TrainTestSplit> {
  loading ??= loadRealFashionMnist();
  return loading;
}

function classCounts(ds: Dataset): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const label of ds.targets) counts[label]!++;
  return counts;
}

describe('Fashion-MNIST, the official files', () => {
  it('read and verify against the published sizes and SHA-256', async () => {
    const { train, test } = await loadOrExplain();
    expect(train.count).toBe(60_000);
    expect(test.count).toBe(10_000);
    expect(train.inputShape).toEqual([28, 28, 1]);
    expect(train.inputs.length).toBe(60_000 * 784);
    expect(test.inputs.length).toBe(10_000 * 784);
    expect(train.classNames).toEqual(FASHION_MNIST_CLASS_NAMES);
    // The set is balanced: 6,000 and 1,000 images per class.
    expect(classCounts(train)).toEqual(new Array(10).fill(6000));
    expect(classCounts(test)).toEqual(new Array(10).fill(1000));
    // The first training and test images are both ankle boots.
    expect(train.targets[0]).toBe(9);
    expect(test.targets[0]).toBe(9);
    // Published pixel statistics of the training set: mean 0.2860, std 0.3530 (x 255).
    const stats = computeChannelStats(train);
    expect(stats.mean[0]! / 255).toBeCloseTo(0.286, 3);
    expect(stats.std[0]! / 255).toBeCloseTo(0.353, 3);
  });

  it('batch to [0, 1] floats without leaking tensors', async () => {
    await tf.setBackend('cpu');
    const { train } = await loadOrExplain();
    const batcher = new Batcher({ dataset: train, batchSize: 200, seed: 1, scaling: 'minmax' });
    expect(batcher.batchesPerEpoch).toBe(300);
    const before = tf.memory().numTensors;
    const order = batcher.epochOrder(0);
    for (let b = 0; b < 3; b++) {
      const { x, y } = batcher.batch(order, b);
      expect(x.shape).toEqual([200, 28, 28, 1]);
      const [min, max] = tf.tidy(() => [x.min().dataSync()[0]!, x.max().dataSync()[0]!]);
      expect(min).toBe(0);
      expect(max).toBeLessThanOrEqual(1);
      expect(max).toBeGreaterThan(0.9);
      tf.dispose([x, y]);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
