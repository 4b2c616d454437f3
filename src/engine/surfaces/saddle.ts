/**
 * A saddle with a floor:
 *
 *   f(x, y) = x² − y² + y⁴/4
 *   ∂f/∂x   = 2·x
 *   ∂f/∂y   = −2·y + y³
 *
 * Near the origin this is the textbook saddle x² − y²: a minimum along x, a maximum
 * along y, a gradient that vanishes at (0, 0). The y⁴/4 term gives it two minima,
 * f(0, ±√2) = −1, so losses stay bounded and a log colour scale has a bottom. Starting
 * just off y = 0, plain gradient descent lingers at the saddle (the push along y is
 * proportional to y itself); methods that rescale small gradients leave it sooner.
 */
import type { Surface } from './types';

export const saddle: Surface = {
  label: 'Saddle',
  formula: 'f(x, y) = x² − y² + y⁴/4',
  lesson: 'A saddle point: the gradient vanishes at the origin, and leaving it depends on how an optimizer treats tiny gradients.',
  value: (x, y) => x * x - y * y + y ** 4 / 4,
  gradient: (x, y) => [2 * x, -2 * y + y ** 3],
  minima: [
    { x: 0, y: Math.SQRT2 },
    { x: 0, y: -Math.SQRT2 },
  ],
  minimumValue: -1,
  criticalPoints: [{ kind: 'saddle', x: 0, y: 0 }],
  view: { xMin: -2.5, xMax: 2.5, yMin: -2.5, yMax: 2.5 },
  start: { x: -2, y: 0.01 },
};
