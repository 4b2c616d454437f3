import { describe, expect, it } from 'vitest';
import { accuracyFromConfusion, confusionMatrix, perClassAccuracy, rowNormalized, smoothSeries, timeToTarget } from '.';

describe('confusion matrix', () => {
  it('counts true class by row and predicted class by column', () => {
    const m = confusionMatrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3);
    expect(m).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 2],
    ]);
    expect(accuracyFromConfusion(m)).toBeCloseTo(4 / 6);
    expect(perClassAccuracy(m)).toEqual([0.5, 1, 2 / 3]);
    expect(rowNormalized(m)[2]).toEqual([1 / 3, 0, 2 / 3]);
  });

  it('rejects out-of-range classes and length mismatches', () => {
    expect(() => confusionMatrix([0, 3], [0, 0], 3)).toThrow(/out of range/);
    expect(() => confusionMatrix([0], [0, 1], 3)).toThrow(/as many predictions/);
  });
});

describe('smoothing', () => {
  it('is bias-corrected: a constant series stays constant from the first point', () => {
    expect(smoothSeries([2, 2, 2], 0.9)).toEqual([2, 2, 2].map((v) => expect.closeTo(v, 12)));
  });

  it('matches a hand-computed EMA', () => {
    const [a, b] = smoothSeries([1, 3], 0.5);
    expect(a).toBeCloseTo(1);
    // biased: 0.5, then 0.25 + 1.5 = 1.75; corrections 0.5 and 0.75
    expect(b).toBeCloseTo(1.75 / 0.75);
  });

  it('skips non-finite values without poisoning later ones', () => {
    const out = smoothSeries([1, Number.NaN, 1], 0.5);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(1);
  });
});

describe('time to target', () => {
  const points = [
    { value: 0.5, at: 1 },
    { value: 0.96, at: 2 },
    { value: 0.97, at: 3 },
  ];
  it('finds the first point that reaches the target', () => {
    expect(timeToTarget(points, 0.97, 'max')).toBe(3);
    expect(timeToTarget(points, 0.6, 'min')).toBe(1);
  });
  it('says not reached as undefined, and never counts NaN', () => {
    expect(timeToTarget(points, 0.99, 'max')).toBeUndefined();
    expect(timeToTarget([{ value: Number.NaN, at: 1 }], 0, 'min')).toBeUndefined();
  });
});
