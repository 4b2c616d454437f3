import type { Dataset } from './types';

/** Values per sample in `inputs`. */
export function inputSize(dataset: Dataset): number {
  return dataset.inputShape.reduce((a, b) => a * b, 1);
}

/** Values per sample in `targets`: 1 for a class index, the output width for regression. */
export function targetSize(dataset: Dataset): number {
  return dataset.count === 0 ? 1 : dataset.targets.length / dataset.count;
}

/** Channels are the last axis (NHWC images; features for flat inputs). */
export function channelCount(dataset: Dataset): number {
  return dataset.inputShape[dataset.inputShape.length - 1] ?? 1;
}
