/**
 * Rosenbrock's banana valley (Rosenbrock, 1960), with a = 1, b = 100:
 *
 *   f(x, y)  = (a − x)² + b·(y − x²)²
 *   ∂f/∂x    = −2·(a − x) − 4·b·x·(y − x²)
 *   ∂f/∂y    = 2·b·(y − x²)
 *
 * One minimum, f(1, 1) = 0, at the end of a long curved valley y = x² whose walls are a
 * hundred times steeper than its floor: finding the valley is easy, following it is not.
 */
import type { Surface } from './types';

const A = 1;
const B = 100;

export const rosenbrock: Surface = {
  label: 'Rosenbrock',
  formula: 'f(x, y) = (1 − x)² + 100·(y − x²)²',
  lesson: 'A curved valley with steep walls: every optimizer finds the valley fast, few follow it to the minimum.',
  value: (x, y) => (A - x) ** 2 + B * (y - x * x) ** 2,
  gradient: (x, y) => [-2 * (A - x) - 4 * B * x * (y - x * x), 2 * B * (y - x * x)],
  minima: [{ x: 1, y: 1 }],
  minimumValue: 0,
  criticalPoints: [],
  view: { xMin: -2, xMax: 2, yMin: -1, yMax: 3 },
  start: { x: -0.5, y: 2.5 },
};
