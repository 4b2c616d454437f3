import { ConfigError } from '../../lib/errors';
import { createRng, hashSeed, shuffledIndices } from '../../lib/rng';
import { channelCount, inputSize, targetSize } from './dataset-shape';
import type { ChannelStats, Dataset } from './types';

/**
 * A new dataset holding copies of the given rows, in the given order. Arrays keep their
 * type, so a uint8 image set stays uint8.
 */
export function selectRows(dataset: Dataset, rows: ArrayLike<number>): Dataset {
  const inSize = inputSize(dataset);
  const outSize = targetSize(dataset);
  const inputs = new (dataset.inputs.constructor as Uint8ArrayConstructor | Float32ArrayConstructor)(rows.length * inSize);
  const targets = new (dataset.targets.constructor as Uint8ArrayConstructor | Float32ArrayConstructor)(
    rows.length * outSize,
  );
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    inputs.set(dataset.inputs.subarray(row * inSize, (row + 1) * inSize), i * inSize);
    targets.set(dataset.targets.subarray(row * outSize, (row + 1) * outSize), i * outSize);
  }
  return { ...dataset, count: rows.length, inputs, targets };
}

/**
 * `count` rows drawn without replacement, kept in their original order so that a
 * subset of a subset is predictable. The seed alone decides which rows.
 */
function pickRows(total: number, count: number, seed: number, purpose: string): Uint32Array {
  const order = shuffledIndices(total, createRng(hashSeed(purpose, seed)));
  return order.subarray(0, count).sort();
}

export interface ValidationSplitOptions {
  /** Rows to hold out; or give `validationFraction`. */
  readonly validationCount?: number;
  /** In (0, 1), rounded to whole rows: 0.2 of 60,000 is 12,000 (E5's 48,000 / 12,000). */
  readonly validationFraction?: number;
  readonly seed: number;
}

/** Holds out a seeded random part of a training set; both parts are copies. */
export function splitTrainValidation(
  dataset: Dataset,
  options: ValidationSplitOptions,
): { readonly train: Dataset; readonly validation: Dataset } {
  const { validationCount, validationFraction } = options;
  let held: number;
  if (validationCount !== undefined) {
    held = validationCount;
  } else if (validationFraction !== undefined) {
    if (!(validationFraction > 0 && validationFraction < 1)) {
      throw new ConfigError('bad-split', 'a validation fraction between 0 and 1', String(validationFraction), 'validationFraction');
    }
    held = Math.round(validationFraction * dataset.count);
  } else {
    throw new ConfigError('bad-split', 'validationCount or validationFraction', 'neither', 'validation');
  }
  if (!Number.isInteger(held) || held < 1 || held > dataset.count - 1) {
    throw new ConfigError(
      'bad-split',
      `a validation size from 1 to ${dataset.count - 1} rows`,
      `${held} rows`,
      validationCount !== undefined ? 'validationCount' : 'validationFraction',
    );
  }
  const order = shuffledIndices(dataset.count, createRng(hashSeed('validation-split', options.seed)));
  const validationRows = order.slice(0, held).sort();
  const trainRows = order.slice(held).sort();
  return { train: selectRows(dataset, trainRows), validation: selectRows(dataset, validationRows) };
}

/** A seeded random subset of `count` rows (copies), for quick runs and CNN tests. */
export function takeSubset(dataset: Dataset, count: number, seed: number): Dataset {
  if (!Number.isInteger(count) || count < 1 || count > dataset.count) {
    throw new ConfigError('bad-subset', `a subset size from 1 to ${dataset.count}`, String(count), 'subset');
  }
  if (count === dataset.count) return selectRows(dataset, Uint32Array.from({ length: count }, (_, i) => i));
  return selectRows(dataset, pickRows(dataset.count, count, seed, 'subset'));
}

/**
 * Per-channel mean and population standard deviation (numpy's default, ddof 0) of the
 * raw values, in raw units (0–255 for images). Sums run in float64 over the compact
 * array, one pass, so no float copy of the dataset is made.
 */
export function computeChannelStats(dataset: Dataset): ChannelStats {
  const channels = channelCount(dataset);
  const sums = new Float64Array(channels);
  const squares = new Float64Array(channels);
  const values = dataset.inputs;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const c = i % channels;
    sums[c]! += v;
    squares[c]! += v * v;
  }
  const perChannel = values.length / channels;
  const mean = Array.from(sums, (s) => (perChannel > 0 ? s / perChannel : 0));
  const std = Array.from(squares, (sq, c) => {
    if (perChannel === 0) return 0;
    const m = mean[c]!;
    return Math.sqrt(Math.max(0, sq / perChannel - m * m));
  });
  return { mean, std };
}
