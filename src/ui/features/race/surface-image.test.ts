import { describe, expect, it } from 'vitest';
import { SURFACE_NAMES, surfaces } from '../../../engine/surfaces';
import { surfacePixels } from './surface-image';

const W = 120;
const H = 90;
const brightness = (pixels: Uint8ClampedArray, i: number) => pixels[4 * i]! + pixels[4 * i + 1]! + pixels[4 * i + 2]!;

describe.each(SURFACE_NAMES)('the %s surface as pixels', (name) => {
  const surface = surfaces[name];
  const pixels = surfacePixels(surface, W, H, { highContrast: false });
  const values = Array.from({ length: W * H }, (_, i) => {
    const { xMin, xMax, yMin, yMax } = surface.view;
    return surface.value(xMin + (((i % W) + 0.5) / W) * (xMax - xMin), yMax - ((Math.floor(i / W) + 0.5) / H) * (yMax - yMin));
  });

  it('is opaque, lightest where the loss is lowest and darkest where it is highest', () => {
    for (let i = 0; i < W * H; i++) expect(pixels[4 * i + 3]).toBe(255);
    // Means over the lowest 0.5% and the highest 2% of the loss (a single pixel may sit on a contour line).
    const order = values.map((value, i) => ({ value, i })).sort((a, b) => a.value - b.value);
    const mean = (part: typeof order) => part.reduce((sum, p) => sum + brightness(pixels, p.i), 0) / part.length;
    expect(mean(order.slice(0, Math.ceil(0.005 * order.length)))).toBeGreaterThan(mean(order.slice(-Math.ceil(0.02 * order.length))) + 150);
  });

  it('grows darker with the loss (contour lines aside)', () => {
    // Without contour pixels (darker by design), brightness falls as the loss rises.
    const order = values.map((value, i) => ({ value, i })).sort((a, b) => a.value - b.value);
    let rises = 0;
    let pairs = 0;
    for (let k = 1; k < order.length; k += 7) {
      const a = brightness(pixels, order[k - 1]!.i);
      const b = brightness(pixels, order[k]!.i);
      pairs++;
      if (b > a + 40) rises++;
    }
    expect(rises / pairs).toBeLessThan(0.2);
  });

  it('is darker in projector mode', () => {
    const high = surfacePixels(surface, W, H, { highContrast: true });
    const sum = (p: Uint8ClampedArray) => p.reduce((total, v, i) => (i % 4 === 3 ? total : total + v), 0);
    expect(sum(high)).toBeLessThan(sum(pixels));
  });
});
