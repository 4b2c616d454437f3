/**
 * The race's loss surfaces by name. Free of tfjs (tests/unit/tfjs-free-modules.test.ts):
 * the page draws them, the race worker steps the optimizers on them.
 */
import { beale } from './beale';
import { elongatedBowl } from './elongated-bowl';
import { himmelblau } from './himmelblau';
import { rosenbrock } from './rosenbrock';
import { saddle } from './saddle';
import type { Surface } from './types';

export type { CriticalPoint, Point, Surface, ViewBox } from './types';

export const SURFACE_NAMES = ['elongated-bowl', 'rosenbrock', 'beale', 'himmelblau', 'saddle'] as const;

export type SurfaceName = (typeof SURFACE_NAMES)[number];

export const surfaces: { readonly [K in SurfaceName]: Surface } = {
  'elongated-bowl': elongatedBowl,
  rosenbrock,
  beale,
  himmelblau,
  saddle,
};

export function isSurfaceName(value: unknown): value is SurfaceName {
  return typeof value === 'string' && (SURFACE_NAMES as readonly string[]).includes(value);
}
