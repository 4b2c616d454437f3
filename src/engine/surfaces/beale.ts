/**
 * Beale's function (Beale, 1958):
 *
 *   f(x, y) = (1.5 − x + x·y)² + (2.25 − x + x·y²)² + (2.625 − x + x·y³)²
 *
 * With u₁ = 1.5 − x + x·y, u₂ = 2.25 − x + x·y², u₃ = 2.625 − x + x·y³:
 *
 *   ∂f/∂x = 2·u₁·(y − 1) + 2·u₂·(y² − 1) + 2·u₃·(y³ − 1)
 *   ∂f/∂y = 2·u₁·x + 4·u₂·x·y + 6·u₃·x·y²
 *
 * One minimum, f(3, 0.5) = 0, in a flat basin between ridges that climb to 10⁵ at the
 * corners: gradients span many decades, which is where adaptive step sizes pay off.
 */
import type { Surface } from './types';

export const beale: Surface = {
  label: 'Beale',
  formula: 'f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²',
  lesson: 'Flat plateaus beside steep ridges: gradients span many decades, so a fixed step is too big or too small.',
  value: (x, y) => (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2,
  gradient: (x, y) => {
    const u1 = 1.5 - x + x * y;
    const u2 = 2.25 - x + x * y * y;
    const u3 = 2.625 - x + x * y ** 3;
    return [
      2 * u1 * (y - 1) + 2 * u2 * (y * y - 1) + 2 * u3 * (y ** 3 - 1),
      2 * u1 * x + 4 * u2 * x * y + 6 * u3 * x * y * y,
    ];
  },
  minima: [{ x: 3, y: 0.5 }],
  minimumValue: 0,
  criticalPoints: [],
  view: { xMin: -4.5, xMax: 4.5, yMin: -4.5, yMax: 4.5 },
  start: { x: 1, y: 1.5 },
};
