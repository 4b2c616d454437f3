import { describe, expect, it } from 'vitest';
import { drawable, lttb, type Point } from './decimate';

const line = (n: number, f: (i: number) => number): Point[] => Array.from({ length: n }, (_, i) => ({ x: i, y: f(i) }));

describe('lttb', () => {
  it('returns short series unchanged (as a copy)', () => {
    const points = line(5, (i) => i * i);
    const out = lttb(points, 10);
    expect(out).toEqual(points);
    expect(out).not.toBe(points);
  });

  it('keeps exactly `threshold` points, the first and the last among them, in x order', () => {
    const points = line(10_000, (i) => Math.sin(i / 100));
    const out = lttb(points, 500);
    expect(out).toHaveLength(500);
    expect(out[0]).toBe(points[0]);
    expect(out.at(-1)).toBe(points.at(-1));
    for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x);
  });

  it('keeps a single spike that striding would drop', () => {
    const points = line(1000, (i) => (i === 503 ? 100 : 1));
    const out = lttb(points, 50);
    expect(out.some((p) => p.y === 100)).toBe(true);
  });

  it('handles degenerate thresholds', () => {
    const points = line(10, (i) => i);
    expect(lttb(points, 1)).toEqual([points[0]]);
    expect(lttb(points, 2)).toEqual([points[0], points[9]]);
    expect(lttb([], 10)).toEqual([]);
  });

  it('is fast enough for 10 runs x 10,000 points', () => {
    const points = line(10_000, (i) => Math.random() + i);
    const t0 = performance.now();
    for (let r = 0; r < 10; r++) lttb(points, 600);
    expect(performance.now() - t0).toBeLessThan(100);
  });
});

describe('drawable', () => {
  it('drops non-finite values, and non-positive ones on a log axis', () => {
    const points = [
      { x: 0, y: 1 },
      { x: 1, y: Number.NaN },
      { x: 2, y: Number.POSITIVE_INFINITY },
      { x: 3, y: 0 },
    ];
    expect(drawable(points, false)).toEqual([points[0], points[3]]);
    expect(drawable(points, true)).toEqual([points[0]]);
  });
});
