import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { inputScalers } from '../../../src/engine/data/scaling';
import { ConfigError } from '../../../src/lib/errors';
import { expectLabError } from '../../helpers/expect-lab-error';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Runs a scaler on a fresh raw tensor and returns its values, leaking nothing. */
function scaled(name: keyof typeof inputScalers, raw: () => tf.Tensor, stats?: { mean: number[]; std: number[] }) {
  const before = tf.memory().numTensors;
  const input = raw();
  const out = inputScalers[name](input, stats);
  expect(out).not.toBe(input);
  input.dispose();
  const values = { dtype: out.dtype, shape: out.shape, data: Array.from(out.dataSync()) };
  out.dispose();
  expect(tf.memory().numTensors).toBe(before);
  return values;
}

const pixels = () => tf.tensor([0, 51, 255, 102], [1, 2, 2], 'int32');
const features = () => tf.tensor([-1.5, 0.25], [1, 2], 'float32');

describe('inputScalers', () => {
  it('minmax divides pixels by 255', () => {
    const out = scaled('minmax', pixels);
    expect(out.dtype).toBe('float32');
    expect(out.shape).toEqual([1, 2, 2]);
    expect(out.data).toEqual([0, 0.2, 1, 0.4].map((v) => Math.fround(v)));
  });

  it('minmax leaves float features unchanged', () => {
    expect(scaled('minmax', features).data).toEqual([-1.5, 0.25]);
  });

  it('none keeps raw pixel values as float32', () => {
    const out = scaled('none', pixels);
    expect(out.dtype).toBe('float32');
    expect(out.data).toEqual([0, 51, 255, 102]);
  });

  it('standardize subtracts the mean and divides by the std per channel', () => {
    // Channels are the last axis: [0, 51] is one pixel's two channels.
    const out = scaled('standardize', pixels, { mean: [100, 50], std: [50, 2] });
    expect(out.data).toEqual([-2, 0.5, 3.1, 26].map((v) => Math.fround(v)));
  });

  it('standardize leaves a constant channel centred, not infinite', () => {
    const out = scaled('standardize', pixels, { mean: [0, 10], std: [1, 0] });
    expect(out.data.every(Number.isFinite)).toBe(true);
  });

  it('standardize needs statistics of the right length', async () => {
    const raw = pixels();
    await expectLabError(() => inputScalers.standardize(raw), ConfigError, 'missing-stats');
    await expectLabError(() => inputScalers.standardize(raw, { mean: [1], std: [1] }), ConfigError, 'bad-stats');
    raw.dispose();
  });
});
