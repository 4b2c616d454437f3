import { describe, expect, it } from 'vitest';
import { createRng } from '../../lib/rng';
import { computeFans, initializers, TRUNCATED_NORMAL_STD_OF_UNIT } from './initializers';

function stats(values: Float32Array): { mean: number; std: number; min: number; max: number } {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const mean = sum / values.length;
  let sq = 0;
  for (const v of values) sq += (v - mean) ** 2;
  return { mean, std: Math.sqrt(sq / values.length), min, max };
}

describe('computeFans (Keras compute_fans)', () => {
  it('uses [in, out] for a dense kernel', () => {
    expect(computeFans([784, 100])).toEqual({ fanIn: 784, fanOut: 100 });
  });

  it('multiplies by the receptive field for a conv kernel', () => {
    expect(computeFans([5, 5, 3, 40])).toEqual({ fanIn: 5 * 5 * 3, fanOut: 5 * 5 * 40 });
  });

  it('uses the length of a vector for both', () => {
    expect(computeFans([7])).toEqual({ fanIn: 7, fanOut: 7 });
  });
});

describe('initializers', () => {
  it('glorot_uniform draws from U[-limit, limit], limit = sqrt(6 / (fanIn + fanOut))', () => {
    const fans = { fanIn: 300, fanOut: 100 };
    const limit = Math.sqrt(6 / 400);
    const s = stats(initializers.glorot_uniform([300, 100], fans, createRng(1)));
    expect(s.max).toBeLessThanOrEqual(limit);
    expect(s.min).toBeGreaterThanOrEqual(-limit);
    expect(s.max).toBeGreaterThan(limit * 0.99);
    expect(s.min).toBeLessThan(-limit * 0.99);
    expect(Math.abs(s.mean)).toBeLessThan(limit * 0.02);
    expect(s.std).toBeCloseTo(limit / Math.sqrt(3), 3);
  });

  it('he_normal has std sqrt(2 / fanIn) after truncation at 2 sigma of the untruncated draw', () => {
    const fans = { fanIn: 200, fanOut: 50 };
    const target = Math.sqrt(2 / 200);
    const sigma = target / TRUNCATED_NORMAL_STD_OF_UNIT;
    const s = stats(initializers.he_normal([200, 500], fans, createRng(2)));
    expect(s.std / target).toBeGreaterThan(0.99);
    expect(s.std / target).toBeLessThan(1.01);
    expect(Math.abs(s.mean)).toBeLessThan(target * 0.02);
    expect(s.max).toBeLessThanOrEqual(2 * sigma + 1e-7);
    expect(s.min).toBeGreaterThanOrEqual(-2 * sigma - 1e-7);
    expect(s.max).toBeGreaterThan(1.95 * sigma);
  });

  it.each([
    ['glorot_normal', Math.sqrt(2 / (120 + 80))],
    ['lecun_normal', Math.sqrt(1 / 120)],
  ] as const)('%s has the Keras standard deviation', (name, target) => {
    const s = stats(initializers[name]([120, 800], { fanIn: 120, fanOut: 80 }, createRng(3)));
    expect(s.std / target).toBeGreaterThan(0.985);
    expect(s.std / target).toBeLessThan(1.015);
  });

  it.each([
    ['he_uniform', Math.sqrt(6 / 120)],
    ['lecun_uniform', Math.sqrt(3 / 120)],
  ] as const)('%s has the Keras limit', (name, limit) => {
    const s = stats(initializers[name]([120, 800], { fanIn: 120, fanOut: 80 }, createRng(4)));
    expect(s.max).toBeLessThanOrEqual(limit);
    expect(s.max).toBeGreaterThan(limit * 0.99);
    expect(s.min).toBeGreaterThanOrEqual(-limit);
  });

  it('zeros and ones are constant', () => {
    expect(Array.from(initializers.zeros([2, 2], { fanIn: 2, fanOut: 2 }, createRng(0)))).toEqual([0, 0, 0, 0]);
    expect(Array.from(initializers.ones([3], { fanIn: 3, fanOut: 3 }, createRng(0)))).toEqual([1, 1, 1]);
  });

  it('is a pure function of the seed', () => {
    const a = initializers.glorot_uniform([10, 10], { fanIn: 10, fanOut: 10 }, createRng(42));
    const b = initializers.glorot_uniform([10, 10], { fanIn: 10, fanOut: 10 }, createRng(42));
    const c = initializers.glorot_uniform([10, 10], { fanIn: 10, fanOut: 10 }, createRng(43));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });
});
