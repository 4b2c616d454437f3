import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '../../lib/errors';
import type { ChannelStats, InputScaling } from './types';

/**
 * Turns a raw batch into network inputs, on the backend. The raw tensor's dtype says
 * what the values are: int32 holds image pixels in their stored units (0–255, from a
 * uint8 dataset); float32 holds features already on their own scale (synthetic sets).
 *
 * Each scaler returns a new tensor and leaves `raw` to its owner; channels are the
 * last axis, so per-channel statistics broadcast over NHWC and flat inputs alike.
 */
export type InputScaler = (raw: tf.Tensor, stats?: ChannelStats) => tf.Tensor;

/** The largest uint8 value: min-max scaling of pixels assumes the full 0–255 range. */
const PIXEL_MAX = 255;

/** A constant channel (std 0) is centred but not divided: it carries no signal anyway. */
function safeStd(std: readonly number[]): number[] {
  return std.map((s) => (s > 0 && Number.isFinite(s) ? s : 1));
}

function checkStats(raw: tf.Tensor, stats: ChannelStats | undefined): ChannelStats {
  if (!stats) {
    throw new ConfigError(
      'missing-stats',
      'per-channel mean and std of the training set',
      'no statistics',
      'scaling: standardize',
    );
  }
  const channels = raw.shape[raw.shape.length - 1] ?? 1;
  if (stats.mean.length !== channels || stats.std.length !== channels) {
    throw new ConfigError(
      'bad-stats',
      `${channels} channel means and stds`,
      `${stats.mean.length} means and ${stats.std.length} stds`,
      'scaling: standardize',
    );
  }
  return stats;
}

export const inputScalers: Readonly<Record<InputScaling, InputScaler>> = {
  /**
   * x / 255 for pixels, mapping them to [0, 1] as the reference experiments did. Float
   * features pass unchanged: they have no fixed range to divide by, and the synthetic
   * sets are generated within a few units of 0.
   */
  minmax: (raw) =>
    tf.tidy(() => (raw.dtype === 'float32' ? raw.clone() : tf.div(tf.cast(raw, 'float32'), PIXEL_MAX))),

  /** Raw values as float32: pixels stay 0–255, which reproduces experiment E2's failure. */
  none: (raw) => tf.tidy(() => tf.cast(raw, 'float32')),

  /** (x − mean_c) / std_c per channel c, with statistics from the training set. */
  standardize: (raw, stats) => {
    const { mean, std } = checkStats(raw, stats);
    return tf.tidy(() => tf.div(tf.sub(tf.cast(raw, 'float32'), tf.tensor1d([...mean])), tf.tensor1d(safeStd(std))));
  },
};

export function scaleInputs(scaling: InputScaling, raw: tf.Tensor, stats?: ChannelStats): tf.Tensor {
  const scaler = inputScalers[scaling];
  if (!scaler) {
    throw new ConfigError('unknown-scaling', `one of ${Object.keys(inputScalers).join(', ')}`, String(scaling), 'scaling');
  }
  return scaler(raw, stats);
}
