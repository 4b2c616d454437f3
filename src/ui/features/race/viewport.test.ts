import { describe, expect, it } from 'vitest';
import { fitViewport, roundToView, toPixel, toPlane } from './viewport';

const view = { xMin: -10, xMax: 10, yMin: -5, yMax: 5 };

describe('the viewport', () => {
  it('keeps the view’s aspect and fits the box it is given', () => {
    expect(fitViewport(view, 800, 1000)).toEqual({ view, width: 800, height: 400 });
    expect(fitViewport(view, 800, 300)).toEqual({ view, width: 600, height: 300 });
  });

  it('puts y up on the plane and down on screen, and maps back exactly', () => {
    const viewport = fitViewport(view, 800, 1000);
    expect(toPixel(viewport, -10, 5)).toEqual([0, 0]);
    expect(toPixel(viewport, 10, -5)).toEqual([800, 400]);
    expect(toPixel(viewport, 0, 0)).toEqual([400, 200]);
    const [x, y] = toPlane(viewport, ...toPixel(viewport, 3.25, -1.5));
    expect(x).toBeCloseTo(3.25, 12);
    expect(y).toBeCloseTo(-1.5, 12);
  });

  it('rounds a clicked coordinate to a thousandth of the view', () => {
    expect(roundToView(1.23456, 20)).toBe(1.23);
    expect(roundToView(-0.123456, 4)).toBe(-0.123);
  });
});
