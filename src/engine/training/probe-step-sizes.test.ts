import { describe, expect, it } from 'vitest';
import { constantStepSizes, sampledStepSizes, stepSizeBin, weightedQuantiles } from './probe-step-sizes';
import { STEP_SIZE_BIN_COUNT, stepSizeBinEdge, stepSizeQuantile } from './probe-types';

describe('step-size summaries', () => {
  it('bins a step by the edges, clipped into the first and last bins', () => {
    for (let i = 0; i < STEP_SIZE_BIN_COUNT; i++) {
      expect(stepSizeBin(stepSizeBinEdge(i))).toBe(i);
      expect(stepSizeBin(stepSizeBinEdge(i, true))).toBe(i);
    }
    expect(stepSizeBin(0)).toBe(0);
    expect(stepSizeBin(1e-30)).toBe(0);
    expect(stepSizeBin(1e9)).toBe(STEP_SIZE_BIN_COUNT - 1);
    expect(stepSizeBin(Number.POSITIVE_INFINITY)).toBe(STEP_SIZE_BIN_COUNT - 1);
    expect(stepSizeBin(Number.NaN)).toBe(STEP_SIZE_BIN_COUNT - 1);
  });

  it('gives a constant step as its every quantile', () => {
    const summary = constantStepSizes(0.01, 500);
    expect(summary.quantiles).toEqual([0.01, 0.01, 0.01]);
    expect(summary.counts.reduce((a, b) => a + b, 0)).toBe(500);
    expect(summary.counts[stepSizeBin(0.01)]).toBe(500);
    for (const q of [0.1, 0.5, 0.9]) expect(stepSizeQuantile(summary, q)).toBe(0.01);
  });

  it('gives weighted quantiles as the smallest value whose cumulative weight reaches q', () => {
    // 1 stands for 10 parameters, 2 and 3 for one each: 1 holds every quantile below 10/12.
    expect(weightedQuantiles([3, 1, 2], [1, 10, 1], [0.1, 0.5, 0.8, 0.9, 1])).toEqual([1, 1, 1, 2, 3]);
    const values = Array.from({ length: 101 }, (_, i) => 100 - i);
    expect(weightedQuantiles(values, values.map(() => 1), [0.1, 0.5, 0.9])).toEqual([10, 50, 90]);
    expect(weightedQuantiles([Number.NaN, 1, 2], [1, 1, 1], [0.5, 1])).toEqual([2, Number.NaN]);
  });

  it('summarises sampled steps: counts weighted and rounded, quantiles exact', () => {
    const summary = sampledStepSizes(Float32Array.from([0.001, 0.001, 0.004]), [2.5, 2.5, 1]);
    expect(summary.counts.reduce((a, b) => a + b, 0)).toBe(6);
    expect(summary.counts[stepSizeBin(0.001)]).toBe(5);
    expect(summary.quantiles).toEqual([Math.fround(0.001), Math.fround(0.001), Math.fround(0.004)]);
  });

  it('reads probes saved without quantiles from their histogram, inside the bin', () => {
    const { counts } = constantStepSizes(0.01, 100);
    const median = stepSizeQuantile({ counts }, 0.5)!;
    expect(median).toBeGreaterThanOrEqual(0.01);
    expect(median).toBeLessThan(0.01 * Math.sqrt(10));
  });

  it('says what it expected of bad input', () => {
    expect(() => weightedQuantiles([1, 2], [1], [0.5])).toThrow('one weight per value: got 2 values and 1 weights');
    expect(() => weightedQuantiles([], [], [0.5])).toThrow('at least one value: got none');
  });
});
