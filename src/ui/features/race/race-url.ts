/**
 * The whole race in the URL: `#race=` followed by a small JSON document as base64url
 * (as `#config=` keeps a comparison), so a link opens a ready demo: surface, start,
 * optimizers with their hyperparameters, speed, playing or not, projector mode and
 * hidden controls. `#race` alone opens the default race. Reading one back is untrusted
 * input: a damaged or invalid link comes back as a message, never as an exception.
 *
 * Version 1:
 *   { v: 1, surface: 'rosenbrock', start: [x, y], speed: 200, playing: true,
 *     projector: true, controls: false,
 *     optimizers: [{ label: 'Adam', optimizer: { name: 'adam', hyperparameters: { learning_rate: 0.05 } },
 *                    arrows: ['gradient', 'momentum'] }, ...] }
 */
import { z } from 'zod';
import { MAX_RACE_ENTRIES } from '../../../engine/race/types';
import { SURFACE_NAMES, type SurfaceName } from '../../../engine/surfaces';
import type { Catalog } from '../../catalog/catalog';
import { runToForm, type Specs } from '../config/form-model';
import { runOptimizerConfig } from '../config/form-to-config';
import { fromBase64Url, toBase64Url } from '../url-state/base64url';
import { NO_ARROWS, nearestSpeed, type Arrows, type RaceSettings } from './race-settings';

const KEY = 'race';
const ARROW_KINDS = ['gradient', 'momentum'] as const;

const linkSchema = z
  .object({
    v: z.literal(1),
    surface: z.enum(SURFACE_NAMES),
    start: z.tuple([z.number().finite(), z.number().finite()]),
    optimizers: z
      .array(
        z
          .object({
            label: z.string().max(60).optional(),
            optimizer: z.object({ name: z.string() }).passthrough(),
            arrows: z.array(z.enum(ARROW_KINDS)).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_RACE_ENTRIES),
    speed: z.number().positive().max(5000),
    playing: z.boolean().optional(),
    projector: z.boolean().optional(),
    controls: z.boolean().optional(),
  })
  .strict();

export type RaceLink = z.infer<typeof linkSchema>;

/** The link for these settings; call it only with valid settings (see raceSetup). */
export function settingsToLink(specs: Specs, settings: RaceSettings): RaceLink {
  return {
    v: 1,
    surface: settings.surface,
    start: [settings.start.x, settings.start.y],
    optimizers: settings.runs.map((run, i) => {
      const arrows = settings.arrows[run.key] ?? NO_ARROWS;
      const kinds = ARROW_KINDS.filter((kind) => arrows[kind]);
      return {
        label: run.label,
        optimizer: runOptimizerConfig(specs, run, i).optimizer as RaceLink['optimizers'][number]['optimizer'],
        ...(kinds.length > 0 ? { arrows: kinds } : {}),
      };
    }),
    speed: settings.speed,
    ...(settings.playing ? { playing: true } : {}),
    ...(settings.projector ? { projector: true } : {}),
    ...(settings.controls ? {} : { controls: false }),
  };
}

export function linkToSettings(specs: Specs, link: RaceLink): RaceSettings {
  const runs = link.optimizers.map((entry) => runToForm(specs, { label: entry.label, optimizer: entry.optimizer as never }));
  const arrows: Record<string, Arrows> = {};
  link.optimizers.forEach((entry, i) => {
    if (entry.arrows) arrows[runs[i]!.key] = { gradient: entry.arrows.includes('gradient'), momentum: entry.arrows.includes('momentum') };
  });
  return {
    surface: link.surface as SurfaceName,
    start: { x: link.start[0], y: link.start[1] },
    runs,
    arrows,
    speed: nearestSpeed(link.speed),
    playing: link.playing ?? false,
    projector: link.projector ?? false,
    controls: link.controls ?? true,
  };
}

export function raceToHash(link: RaceLink): string {
  return `#${KEY}=${toBase64Url(JSON.stringify(link))}`;
}

export type RaceHashRead =
  | { readonly kind: 'none' }
  /** `#race` with nothing after it: the default race. */
  | { readonly kind: 'default' }
  | { readonly kind: 'ok'; readonly link: RaceLink }
  | { readonly kind: 'error'; readonly message: string };

const describePath = (path: readonly PropertyKey[]) =>
  path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');

/** Reads `#race=…`; `resolve` is the engine's optimizer resolver (its ConfigError names the field). */
export function readRaceHash(hash: string, resolve: Catalog['resolveOptimizerConfig']): RaceHashRead {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const encoded = params.get(KEY);
  if (encoded === null) return { kind: 'none' };
  if (encoded === '') return { kind: 'default' };
  let document: unknown;
  try {
    document = JSON.parse(fromBase64Url(encoded));
  } catch {
    return { kind: 'error', message: 'The link’s race is damaged (it is not base64url-encoded JSON); maybe it was cut off when copied.' };
  }
  const parsed = linkSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { kind: 'error', message: `The link’s race is not valid: ${describePath(issue.path) || 'race'}: ${issue.message}.` };
  }
  try {
    parsed.data.optimizers.forEach((entry, i) => resolve(entry.optimizer, `optimizers[${i}].optimizer`));
  } catch (error) {
    return { kind: 'error', message: `The link’s race is not valid: ${error instanceof Error ? error.message : String(error)}.` };
  }
  return { kind: 'ok', link: parsed.data };
}
