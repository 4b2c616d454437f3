import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '../../lib/errors';
import { createRng, hashSeed, shuffledIndices } from '../../lib/rng';
import { inputSize, targetSize } from './dataset-shape';
import { scaleInputs } from './scaling';
import type { Batch, ChannelStats, Dataset, InputScaling } from './types';

/**
 * Builds one batch's tensors from the compact arrays: gathers `rows` (padding with
 * row 0 up to `batchSize`), uploads the raw values and scales them on the backend.
 *
 * Each batch gets fresh typed arrays rather than a reused staging buffer: tf.tensor()
 * keeps a reference to the array it is given (the CPU backend reads it in place, WebGL
 * uploads it lazily), so refilling a shared buffer would rewrite earlier batches. The
 * arrays are batch-sized (a few MB at most); the dataset itself is never copied.
 */
function makeBatch(
  dataset: Dataset,
  rows: ArrayLike<number>,
  batchSize: number,
  scaling: InputScaling,
  stats: ChannelStats | undefined,
): Batch {
  const inSize = inputSize(dataset);
  const outSize = targetSize(dataset);
  // Integer pixels go up as int32 so the scaler knows they are in stored units.
  const pixels = dataset.inputs instanceof Uint8Array;
  const xValues = pixels ? new Int32Array(batchSize * inSize) : new Float32Array(batchSize * inSize);
  const classification = dataset.task === 'classification';
  const yValues = classification ? new Int32Array(batchSize) : new Float32Array(batchSize * outSize);
  for (let i = 0; i < batchSize; i++) {
    const row = i < rows.length ? rows[i]! : 0;
    xValues.set(dataset.inputs.subarray(row * inSize, (row + 1) * inSize), i * inSize);
    yValues.set(dataset.targets.subarray(row * outSize, (row + 1) * outSize), i * outSize);
  }
  const xShape = [batchSize, ...dataset.inputShape];
  const raw = tf.tensor(xValues, xShape, pixels ? 'int32' : 'float32');
  let x: tf.Tensor;
  try {
    x = scaleInputs(scaling, raw, stats);
  } finally {
    raw.dispose();
  }
  const y = classification ? tf.tensor1d(yValues, 'int32') : tf.tensor2d(yValues, [batchSize, outSize], 'float32');
  return { x, y, size: Math.min(rows.length, batchSize) };
}

function checkBatchSize(dataset: Dataset, batchSize: number): void {
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > dataset.count) {
    throw new ConfigError(
      'bad-batch-size',
      `a whole batch size from 1 to ${dataset.count} (the number of training samples)`,
      String(batchSize),
      'batchSize',
    );
  }
}

export interface BatcherOptions {
  readonly dataset: Dataset;
  readonly batchSize: number;
  /** With the epoch, decides each epoch's order: equal seeds give every run the same batches. */
  readonly seed: number;
  readonly scaling: InputScaling;
  /** Required for 'standardize'; measured on the training set. */
  readonly stats?: ChannelStats;
}

/**
 * Seeded mini-batches for training. Every run in a comparison that shares the seed sees
 * the same samples in the same order, epoch after epoch.
 */
export class Batcher {
  readonly dataset: Dataset;
  readonly batchSize: number;
  readonly seed: number;
  readonly scaling: InputScaling;
  readonly stats: ChannelStats | undefined;
  /**
   * floor(count / batchSize): the last partial batch is dropped so every batch has the
   * same shape, which lets WebGL reuse its textures and compiled shaders. Epoch orders
   * differ, so no sample is left out for good.
   */
  readonly batchesPerEpoch: number;

  constructor(options: BatcherOptions) {
    checkBatchSize(options.dataset, options.batchSize);
    if (options.scaling === 'standardize' && !options.stats) {
      throw new ConfigError(
        'missing-stats',
        'per-channel mean and std of the training set',
        'no statistics',
        'scaling: standardize',
      );
    }
    this.dataset = options.dataset;
    this.batchSize = options.batchSize;
    this.seed = options.seed;
    this.scaling = options.scaling;
    this.stats = options.stats;
    this.batchesPerEpoch = Math.floor(options.dataset.count / options.batchSize);
  }

  /** A permutation of 0..count-1; a pure function of (seed, epoch). */
  epochOrder(epoch: number): Uint32Array {
    return shuffledIndices(this.dataset.count, createRng(hashSeed('epoch-order', this.seed, epoch)));
  }

  /** Batch `index` of an epoch's order, as new tensors the caller disposes. */
  batch(order: Uint32Array, index: number): Batch {
    if (order.length !== this.dataset.count) {
      throw new ConfigError('bad-order', `an order of ${this.dataset.count} indices`, `${order.length}`, 'batch');
    }
    if (!Number.isInteger(index) || index < 0 || index >= this.batchesPerEpoch) {
      throw new ConfigError('bad-batch-index', `a batch index from 0 to ${this.batchesPerEpoch - 1}`, String(index), 'batch');
    }
    const start = index * this.batchSize;
    return makeBatch(this.dataset, order.subarray(start, start + this.batchSize), this.batchSize, this.scaling, this.stats);
  }
}

/**
 * Every sample once, in dataset order, in fixed-shape batches: the last one is padded
 * by repeating row 0, and its `size` counts only the real rows. Batches are built one
 * at a time as the loop asks; the caller disposes each.
 */
export function* evaluationBatches(
  dataset: Dataset,
  batchSize: number,
  scaling: InputScaling,
  stats?: ChannelStats,
): Generator<Batch, void, undefined> {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new ConfigError('bad-batch-size', 'a whole batch size of at least 1', String(batchSize), 'batchSize');
  }
  const rows = new Uint32Array(batchSize);
  for (let start = 0; start < dataset.count; start += batchSize) {
    const real = Math.min(batchSize, dataset.count - start);
    for (let i = 0; i < real; i++) rows[i] = start + i;
    yield makeBatch(dataset, rows.subarray(0, real), batchSize, scaling, stats);
  }
}
