import type * as tf from '@tensorflow/tfjs';

/**
 * One set of examples, kept in the compact form it arrived in. Images stay `Uint8Array`
 * (NHWC, row-major) so that CIFAR-10 train costs 150 MB, not 600 MB; scaling to floats
 * happens per batch on the backend. Synthetic sets are small and already float.
 */
export interface Dataset {
  /** e.g. 'fashion-mnist', 'cifar-10', 'prod', 'spiral'. */
  readonly name: string;
  readonly task: 'classification' | 'regression';
  readonly count: number;
  /** Shape of one input, e.g. [28, 28, 1], [32, 32, 3] or [2]. */
  readonly inputShape: readonly number[];
  /** count * prod(inputShape) values, sample-major. */
  readonly inputs: Uint8Array | Float32Array;
  /** Classification: one class index per sample. Regression: count * targetSize values. */
  readonly targets: Uint8Array | Float32Array;
  /** Classification only; [] for regression. */
  readonly classNames: readonly string[];
}

export interface TrainTestSplit {
  readonly train: Dataset;
  readonly test: Dataset;
}

/** How raw inputs become network inputs, per batch, on the backend. */
export type InputScaling = 'minmax' | 'none' | 'standardize';

/**
 * Per-channel statistics measured on the training set, for 'standardize'. Computed once
 * from the raw values; never derived from validation or test data.
 */
export interface ChannelStats {
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

/** One mini-batch as tensors. The batcher owns them until the caller disposes the batch. */
export interface Batch {
  /** [batchSize, ...inputShape], float32, already scaled. */
  readonly x: tf.Tensor;
  /** Classification: int32 labels [batchSize]. Regression: float32 [batchSize, targetSize]. */
  readonly y: tf.Tensor;
  /** Number of real rows; the rest (evaluation padding only) must be ignored. */
  readonly size: number;
}

/** Reads a named file from somewhere: a folder in Node, a user's picked files, a cache. */
export interface FileSource {
  readonly description: string;
  read(name: string): Promise<Uint8Array>;
  has(name: string): Promise<boolean>;
}

/** Download progress for a progress bar: bytes so far, and the total when known. */
export interface DownloadProgress {
  readonly file: string;
  readonly loadedBytes: number;
  readonly totalBytes: number | undefined;
}
