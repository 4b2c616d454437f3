import { describe, expect, it } from 'vitest';
import { placeEndLabels } from './end-labels-layout';

const band = { top: 0, bottom: 300, gap: 24 };

describe('placeEndLabels', () => {
  it('leaves labels that do not touch at their lines’ ends', () => {
    const placed = placeEndLabels([{ key: 'a', y: 40 }, { key: 'b', y: 200 }], band);
    expect(placed).toEqual([{ key: 'a', y: 40, anchorY: 40 }, { key: 'b', y: 200, anchorY: 200 }]);
  });

  it('pushes lines that end together apart by a label’s height, in the order of their ends', () => {
    const placed = placeEndLabels([{ key: 'low', y: 101 }, { key: 'high', y: 100 }, { key: 'mid', y: 100.5 }], band);
    expect(placed.map((label) => label.key)).toEqual(['high', 'mid', 'low']);
    for (let i = 1; i < placed.length; i++) expect(placed[i]!.y - placed[i - 1]!.y).toBeGreaterThanOrEqual(band.gap);
  });

  it('keeps every label inside the plot when many lines end at the bottom', () => {
    const ends = Array.from({ length: 7 }, (_, i) => ({ key: String(i), y: 299 - i * 0.1 }));
    const placed = placeEndLabels(ends, band);
    expect(Math.max(...placed.map((label) => label.y))).toBeLessThanOrEqual(band.bottom - band.gap / 2);
    expect(Math.min(...placed.map((label) => label.y))).toBeGreaterThanOrEqual(band.top);
    const ys = placed.map((label) => label.y);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(band.gap - 1e-9);
  });

  it('drops a line with no drawable end', () => {
    expect(placeEndLabels([{ key: 'a', y: Number.NaN }, { key: 'b', y: 10 }], band).map((label) => label.key)).toEqual(['b']);
  });
});
