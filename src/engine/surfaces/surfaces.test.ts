import { describe, expect, it } from 'vitest';
import { createRng } from '../../lib/rng';
import { SURFACE_NAMES, surfaces, type Surface } from './index';

/** Central differences with a step relative to the point: O(h²) error, well under the tolerance. */
function numericGradient(surface: Surface, x: number, y: number): [number, number] {
  const hx = 1e-6 * Math.max(1, Math.abs(x));
  const hy = 1e-6 * Math.max(1, Math.abs(y));
  return [
    (surface.value(x + hx, y) - surface.value(x - hx, y)) / (2 * hx),
    (surface.value(x, y + hy) - surface.value(x, y - hy)) / (2 * hy),
  ];
}

function inside(surface: Surface, point: { x: number; y: number }): boolean {
  const { xMin, xMax, yMin, yMax } = surface.view;
  return point.x >= xMin && point.x <= xMax && point.y >= yMin && point.y <= yMax;
}

describe.each(SURFACE_NAMES)('the %s surface', (name) => {
  const surface = surfaces[name];

  it('has the gradient that finite differences measure, all over its view', () => {
    const rng = createRng(7);
    const { xMin, xMax, yMin, yMax } = surface.view;
    for (let i = 0; i < 200; i++) {
      const x = xMin + (xMax - xMin) * rng.next();
      const y = yMin + (yMax - yMin) * rng.next();
      const [gx, gy] = surface.gradient(x, y);
      const [nx, ny] = numericGradient(surface, x, y);
      const scale = Math.max(1, Math.hypot(nx, ny));
      expect(Math.abs(gx - nx) / scale, `∂f/∂x at (${x}, ${y})`).toBeLessThan(1e-6);
      expect(Math.abs(gy - ny) / scale, `∂f/∂y at (${x}, ${y})`).toBeLessThan(1e-6);
    }
  });

  it('marks minima that are stationary points with the minimum value, inside its view', () => {
    expect(surface.minima.length).toBeGreaterThan(0);
    for (const minimum of surface.minima) {
      expect(inside(surface, minimum)).toBe(true);
      expect(surface.value(minimum.x, minimum.y)).toBeCloseTo(surface.minimumValue, 9);
      const [gx, gy] = surface.gradient(minimum.x, minimum.y);
      expect(Math.hypot(gx, gy)).toBeLessThan(1e-8);
    }
  });

  it('has no point of its view below the minimum value', () => {
    const { xMin, xMax, yMin, yMax } = surface.view;
    let lowest = Infinity;
    for (let i = 0; i <= 400; i++) {
      for (let j = 0; j <= 400; j++) lowest = Math.min(lowest, surface.value(xMin + ((xMax - xMin) * i) / 400, yMin + ((yMax - yMin) * j) / 400));
    }
    expect(lowest).toBeGreaterThanOrEqual(surface.minimumValue - 1e-12);
  });

  it('marks its other critical points where the gradient vanishes, and starts inside its view, off every critical point', () => {
    for (const point of surface.criticalPoints) {
      const [gx, gy] = surface.gradient(point.x, point.y);
      expect(Math.hypot(gx, gy)).toBeLessThan(1e-8);
    }
    expect(inside(surface, surface.start)).toBe(true);
    const [gx, gy] = surface.gradient(surface.start.x, surface.start.y);
    expect(Math.hypot(gx, gy)).toBeGreaterThan(1e-3);
  });
});
