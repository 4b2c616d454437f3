/**
 * The elongated bowl: an ill-conditioned quadratic, a hundred times steeper across
 * (y) than along (x), with its axes on the coordinate axes so "across" and "along" are
 * plain to see:
 *
 *   f(x, y) = (a·x² + b·y²) / 2,   a = 0.04, b = 4
 *   ∂f/∂x   = a·x
 *   ∂f/∂y   = b·y
 *
 * Gradient descent with learning rate lr multiplies y by (1 − lr·b) and x by (1 − lr·a)
 * each step: it is stable only for lr < 2/b = 0.5, zigzags across the valley for
 * lr > 1/b = 0.25, and at any stable lr crawls along it (x shrinks by at most 4% a step).
 * Momentum keeps the consistent push along x and cancels the alternating one across.
 */
import type { Surface } from './types';

const A = 0.04;
const B = 4;

export const elongatedBowl: Surface = {
  label: 'Elongated bowl',
  formula: 'f(x, y) = (0.04·x² + 4·y²) / 2',
  lesson: 'An ill-conditioned quadratic: plain gradient descent zigzags across the valley and crawls along it; momentum runs along it.',
  value: (x, y) => (A * x * x + B * y * y) / 2,
  gradient: (x, y) => [A * x, B * y],
  minima: [{ x: 0, y: 0 }],
  minimumValue: 0,
  criticalPoints: [],
  view: { xMin: -10, xMax: 10, yMin: -5, yMax: 5 },
  start: { x: -9, y: 2 },
};
