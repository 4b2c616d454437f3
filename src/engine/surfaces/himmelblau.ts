/**
 * Himmelblau's function (Himmelblau, 1972):
 *
 *   f(x, y) = (x² + y − 11)² + (x + y² − 7)²
 *   ∂f/∂x   = 4·x·(x² + y − 11) + 2·(x + y² − 7)
 *   ∂f/∂y   = 2·(x² + y − 11) + 4·y·(x + y² − 7)
 *
 * Four minima, all with f = 0: (3, 2) exactly, the other three roots of the two squares
 * to the printed digits. A local maximum near (−0.2708, −0.9230): starting beside it,
 * optimizers with different dynamics end in different basins.
 */
import type { Surface } from './types';

export const himmelblau: Surface = {
  label: 'Himmelblau',
  formula: 'f(x, y) = (x² + y − 11)² + (x + y² − 7)²',
  lesson: 'Four equally good minima: from the same start, different dynamics end in different basins.',
  value: (x, y) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
  gradient: (x, y) => {
    const u = x * x + y - 11;
    const v = x + y * y - 7;
    return [4 * x * u + 2 * v, 2 * u + 4 * y * v];
  },
  minima: [
    { x: 3, y: 2 },
    { x: -2.805118086952745, y: 3.131312518250573 },
    { x: -3.779310253377747, y: -3.283185991286170 },
    { x: 3.584428340330492, y: -1.848126526964404 },
  ],
  minimumValue: 0,
  criticalPoints: [{ kind: 'maximum', x: -0.2708445906673476, y: -0.9230385564799813 }],
  view: { xMin: -5, xMax: 5, yMin: -5, yMax: 5 },
  start: { x: -0.3, y: -0.7 },
};
