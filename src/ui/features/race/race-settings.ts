/**
 * What a race is, as the page edits it: the surface, the start, one optimizer form per
 * racer (the comparison editor's RunForm, so the same editor serves), the arrows shown
 * for each, and how it is presented. `raceSetup` turns it into what the worker steps,
 * once every field is valid.
 */
import type { OptimizerConfig } from '../../../engine/optimizers/catalog';
import type { RaceSetup } from '../../../engine/race/types';
import { surfaces, type Point, type SurfaceName } from '../../../engine/surfaces';
import type { Catalog } from '../../catalog/catalog';
import { runToForm, type RunForm, type Specs } from '../config/form-model';
import { runOptimizerConfig, type FieldErrors } from '../config/form-to-config';
import { optimizerErrors } from '../config/validate';
import { LINEUPS } from './lineups';

export interface Arrows {
  readonly gradient: boolean;
  readonly momentum: boolean;
}

export const NO_ARROWS: Arrows = { gradient: false, momentum: false };

export interface RaceSettings {
  readonly surface: SurfaceName;
  readonly start: Point;
  readonly runs: readonly RunForm[];
  /** By run key; a run without an entry shows no arrows. */
  readonly arrows: Readonly<Record<string, Arrows>>;
  /** Steps per second. */
  readonly speed: number;
  readonly playing: boolean;
  /** Large type, high contrast, thick lines. */
  readonly projector: boolean;
  /** The controls and the set-up are on screen (hidden for a demo). */
  readonly controls: boolean;
}

/** The choices of the speed control, in steps per second. */
export const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000] as const;

export function nearestSpeed(speed: number): number {
  return SPEEDS.reduce((best, s) => (Math.abs(Math.log(s / speed)) < Math.abs(Math.log(best / speed)) ? s : best), SPEEDS[0] as number);
}

/**
 * The surface's own start and its suggested optimizers, presentation as given. Only the
 * presentation is read from `keep`, by name: the picker passes the whole settings, whose
 * other fields (the old surface first) must not win over the new surface's.
 */
export function surfaceDefaults(specs: Specs, surface: SurfaceName, keep: Pick<RaceSettings, 'projector' | 'controls'>): RaceSettings {
  const lineup = LINEUPS[surface];
  return {
    surface,
    start: surfaces[surface].start,
    runs: lineup.entries.map((entry) => runToForm(specs, entry)),
    arrows: {},
    speed: lineup.speed,
    playing: false,
    projector: keep.projector,
    controls: keep.controls,
  };
}

export function defaultRaceSettings(specs: Specs): RaceSettings {
  return surfaceDefaults(specs, 'elongated-bowl', { projector: false, controls: true });
}

type Validators = Pick<Catalog, 'optimizerSpecs' | 'resolveOptimizerConfig'>;

/** Every problem of the racers' fields, by the editor's paths (`runs[i].optimizer…`), and the setup once there are none. */
export function raceSetup(catalog: Validators, settings: RaceSettings): { setup?: RaceSetup; errors: FieldErrors } {
  const built = settings.runs.map((run, i) => runOptimizerConfig(catalog.optimizerSpecs, run, i));
  const errors = optimizerErrors(
    catalog,
    built.map((b) => b.optimizer),
    Object.assign({}, ...built.map((b) => b.errors)) as FieldErrors,
  );
  if (Object.keys(errors).length > 0) return { errors };
  // Resolved without complaint above, so each is a valid OptimizerConfig.
  const entries = settings.runs.map((run, i) => ({ id: run.key, optimizer: built[i]!.optimizer as OptimizerConfig }));
  return { setup: { surface: settings.surface, start: settings.start, entries }, errors };
}
