import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Batcher, evaluationBatches } from '../../../src/engine/data/batcher';
import { makeProdRegression } from '../../../src/engine/data/synthetic';
import type { Dataset } from '../../../src/engine/data/types';
import { ConfigError } from '../../../src/lib/errors';
import { expectLabError } from '../../helpers/expect-lab-error';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** 23 images of 2x2x1 whose pixels all hold the sample index, label = index % 10. */
function indexed(count = 23): Dataset {
  const inputs = new Uint8Array(count * 4);
  for (let n = 0; n < count; n++) inputs.fill(n, n * 4, n * 4 + 4);
  return {
    name: 'indexed',
    task: 'classification',
    count,
    inputShape: [2, 2, 1],
    inputs,
    targets: Uint8Array.from({ length: count }, (_, n) => n % 10),
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  };
}

/** Sample index of each row of a batch built with scaling 'none'. */
function rowsOf(x: tf.Tensor): number[] {
  const values = x.dataSync();
  return Array.from({ length: x.shape[0]! }, (_, i) => values[i * 4]!);
}

describe('Batcher', () => {
  const make = (seed = 1, batchSize = 5) =>
    new Batcher({ dataset: indexed(), batchSize, seed, scaling: 'none' });

  it('drops the last partial batch', () => {
    expect(make(1, 5).batchesPerEpoch).toBe(4);
    expect(make(1, 23).batchesPerEpoch).toBe(1);
    expect(make(1, 1).batchesPerEpoch).toBe(23);
  });

  it('makes fixed-shape batches with matching labels', () => {
    const batcher = make();
    const order = batcher.epochOrder(0);
    for (let b = 0; b < batcher.batchesPerEpoch; b++) {
      const { x, y, size } = batcher.batch(order, b);
      expect(x.shape).toEqual([5, 2, 2, 1]);
      expect(x.dtype).toBe('float32');
      expect(y.shape).toEqual([5]);
      expect(y.dtype).toBe('int32');
      expect(size).toBe(5);
      const rows = rowsOf(x);
      expect(rows).toEqual(Array.from(order.subarray(b * 5, b * 5 + 5)));
      expect(Array.from(y.dataSync())).toEqual(rows.map((r) => r % 10));
      x.dispose();
      y.dispose();
    }
  });

  it('uses every index once per epoch except the dropped remainder', () => {
    const batcher = make();
    const seen: number[] = [];
    const order = batcher.epochOrder(3);
    for (let b = 0; b < batcher.batchesPerEpoch; b++) {
      const { x, y } = batcher.batch(order, b);
      seen.push(...rowsOf(x));
      tf.dispose([x, y]);
    }
    expect(seen).toHaveLength(20);
    expect(new Set(seen).size).toBe(20);
    const dropped = Array.from(order.subarray(20));
    expect([...seen, ...dropped].sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, i) => i));
  });

  it('orders are a function of seed and epoch', () => {
    expect(make(1).epochOrder(2)).toEqual(make(1).epochOrder(2));
    expect(make(1).epochOrder(2)).not.toEqual(make(1).epochOrder(3));
    expect(make(1).epochOrder(2)).not.toEqual(make(2).epochOrder(2));
  });

  it('keeps earlier batches intact when later ones are built', () => {
    const batcher = make();
    const order = batcher.epochOrder(0);
    const first = batcher.batch(order, 0);
    const second = batcher.batch(order, 1);
    expect(rowsOf(first.x)).toEqual(Array.from(order.subarray(0, 5)));
    expect(rowsOf(second.x)).toEqual(Array.from(order.subarray(5, 10)));
    tf.dispose([first.x, first.y, second.x, second.y]);
  });

  it('scales on the way: minmax gives pixels / 255', () => {
    const batcher = new Batcher({ dataset: indexed(), batchSize: 4, seed: 9, scaling: 'minmax' });
    const order = batcher.epochOrder(0);
    const { x, y } = batcher.batch(order, 0);
    const values = x.dataSync();
    expect(values[0]).toBeCloseTo(order[0]! / 255, 6);
    tf.dispose([x, y]);
  });

  it('gives regression targets as float32 [batch, 1]', () => {
    const dataset = makeProdRegression({ count: 30, seed: 1 });
    const batcher = new Batcher({ dataset, batchSize: 8, seed: 1, scaling: 'minmax' });
    const order = batcher.epochOrder(0);
    const { x, y } = batcher.batch(order, 1);
    expect(x.shape).toEqual([8, 2]);
    expect(y.shape).toEqual([8, 1]);
    expect(y.dtype).toBe('float32');
    const row = order[8]!;
    expect(x.dataSync()[0]).toBe(dataset.inputs[row * 2]);
    expect(y.dataSync()[0]).toBe(dataset.targets[row]);
    tf.dispose([x, y]);
  });

  it('rejects batch sizes outside 1..count and bad indices', async () => {
    const dataset = indexed();
    for (const batchSize of [0, 24, 2.5]) {
      await expectLabError(
        () => new Batcher({ dataset, batchSize, seed: 1, scaling: 'none' }),
        ConfigError,
        'bad-batch-size',
      );
    }
    const batcher = make();
    await expectLabError(() => batcher.batch(batcher.epochOrder(0), 4), ConfigError, 'bad-batch-index');
    await expectLabError(
      () => new Batcher({ dataset, batchSize: 5, seed: 1, scaling: 'standardize' }),
      ConfigError,
      'missing-stats',
    );
  });

  it('leaves no tensors behind once the caller disposes the batches', () => {
    const batcher = new Batcher({
      dataset: indexed(),
      batchSize: 5,
      seed: 1,
      scaling: 'standardize',
      stats: { mean: [10], std: [5] },
    });
    const before = tf.memory().numTensors;
    for (let epoch = 0; epoch < 3; epoch++) {
      const order = batcher.epochOrder(epoch);
      for (let b = 0; b < batcher.batchesPerEpoch; b++) {
        const { x, y } = batcher.batch(order, b);
        tf.dispose([x, y]);
      }
      expect(tf.memory().numTensors).toBe(before);
    }
  });
});

describe('evaluationBatches', () => {
  it('covers every sample once, padding the last batch with row 0', () => {
    const before = tf.memory().numTensors;
    const seen: number[] = [];
    const sizes: number[] = [];
    for (const { x, y, size } of evaluationBatches(indexed(), 5, 'none')) {
      expect(x.shape).toEqual([5, 2, 2, 1]);
      expect(y.shape).toEqual([5]);
      const rows = rowsOf(x);
      seen.push(...rows.slice(0, size));
      sizes.push(size);
      if (size < 5) expect(rows.slice(size)).toEqual([0, 0]);
      tf.dispose([x, y]);
    }
    expect(sizes).toEqual([5, 5, 5, 5, 3]);
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('pads a set smaller than one batch', () => {
    const batches = [...evaluationBatches(indexed(3), 8, 'minmax')];
    expect(batches).toHaveLength(1);
    expect(batches[0]!.size).toBe(3);
    expect(batches[0]!.x.shape).toEqual([8, 2, 2, 1]);
    tf.dispose(batches.flatMap((b) => [b.x, b.y]));
  });
});
