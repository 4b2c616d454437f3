import { describe, expect, it } from 'vitest';
import { heatmap, percentText, shareColor, textColor } from './confusion-model';

describe('confusion heatmap', () => {
  const matrix = [
    [8, 2],
    [1, 9],
  ];

  it('gives counts with row-normalised shares, per-class accuracy and overall accuracy', () => {
    const map = heatmap(matrix);
    expect(map.size).toBe(2);
    expect(map.total).toBe(20);
    expect(map.cells).toContainEqual({ row: 0, column: 1, count: 2, share: 0.2 });
    expect(map.perClass).toEqual([0.8, 0.9]);
    expect(map.accuracy).toBeCloseTo(0.85);
  });

  it('colours from white to blue and keeps text readable', () => {
    expect(shareColor(0)).toBe('rgb(255, 255, 255)');
    expect(shareColor(1)).toBe('rgb(0, 114, 178)');
    expect(textColor(0.9)).toBe('#ffffff');
    expect(textColor(0.05)).toBe('#1a1a1a');
    expect(percentText(0.1234)).toBe('12.3%');
    expect(percentText(1)).toBe('100%');
  });
});
