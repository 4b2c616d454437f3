import { describe, expect, it } from 'vitest';
import { computeChannelStats, splitTrainValidation, takeSubset } from '../../../src/engine/data/split';
import type { Dataset } from '../../../src/engine/data/types';
import { ConfigError } from '../../../src/lib/errors';
import { expectLabError } from '../../helpers/expect-lab-error';

/** 50 samples of 2x2x1 whose every pixel holds the sample's index: rows are traceable. */
function indexed(count = 50): Dataset {
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

const rowsOf = (ds: Dataset) => Array.from({ length: ds.count }, (_, i) => ds.inputs[i * 4]!);

describe('splitTrainValidation', () => {
  it('splits into disjoint parts that cover every row, with matching targets', () => {
    const ds = indexed();
    const { train, validation } = splitTrainValidation(ds, { validationCount: 12, seed: 3 });
    expect(train.count).toBe(38);
    expect(validation.count).toBe(12);
    const all = [...rowsOf(train), ...rowsOf(validation)].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 50 }, (_, i) => i));
    for (const part of [train, validation]) {
      expect(part.inputs).toBeInstanceOf(Uint8Array);
      rowsOf(part).forEach((row, i) => expect(part.targets[i]).toBe(row % 10));
    }
    expect(train.inputShape).toEqual([2, 2, 1]);
  });

  it('is a function of the seed', () => {
    const ds = indexed();
    const a = splitTrainValidation(ds, { validationFraction: 0.2, seed: 7 });
    const b = splitTrainValidation(ds, { validationFraction: 0.2, seed: 7 });
    const c = splitTrainValidation(ds, { validationFraction: 0.2, seed: 8 });
    expect(rowsOf(a.validation)).toEqual(rowsOf(b.validation));
    expect(rowsOf(a.validation)).not.toEqual(rowsOf(c.validation));
    expect(a.validation.count).toBe(10);
  });

  it('copies rows rather than sharing the source arrays', () => {
    const ds = indexed();
    const { train } = splitTrainValidation(ds, { validationCount: 5, seed: 1 });
    expect(train.inputs.buffer).not.toBe(ds.inputs.buffer);
  });

  it('rejects sizes that leave a part empty', async () => {
    const ds = indexed();
    await expectLabError(() => splitTrainValidation(ds, { validationCount: 0, seed: 1 }), ConfigError, 'bad-split');
    await expectLabError(() => splitTrainValidation(ds, { validationCount: 50, seed: 1 }), ConfigError, 'bad-split');
    await expectLabError(() => splitTrainValidation(ds, { validationFraction: 1, seed: 1 }), ConfigError, 'bad-split');
    await expectLabError(() => splitTrainValidation(ds, { seed: 1 }), ConfigError, 'bad-split');
  });
});

describe('takeSubset', () => {
  it('takes distinct seeded rows, deterministically', () => {
    const ds = indexed();
    const a = takeSubset(ds, 20, 4);
    expect(a.count).toBe(20);
    expect(new Set(rowsOf(a)).size).toBe(20);
    expect(rowsOf(takeSubset(ds, 20, 4))).toEqual(rowsOf(a));
    expect(rowsOf(takeSubset(ds, 20, 5))).not.toEqual(rowsOf(a));
  });

  it('rejects a size outside 1..count', async () => {
    await expectLabError(() => takeSubset(indexed(), 51, 1), ConfigError, 'bad-subset');
  });
});

describe('computeChannelStats', () => {
  it('gives per-channel mean and population std in raw units', () => {
    // Two pixels of three channels: R 0 and 255, G 10 and 10, B 1 and 3.
    const ds: Dataset = {
      name: 'rgb',
      task: 'classification',
      count: 1,
      inputShape: [1, 2, 3],
      inputs: Uint8Array.of(0, 10, 1, 255, 10, 3),
      targets: Uint8Array.of(0),
      classNames: ['a'],
    };
    const stats = computeChannelStats(ds);
    expect(stats.mean).toEqual([127.5, 10, 2]);
    expect(stats.std[0]).toBeCloseTo(127.5, 10);
    expect(stats.std[1]).toBe(0);
    expect(stats.std[2]).toBeCloseTo(1, 10);
  });
});
