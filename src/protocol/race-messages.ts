/**
 * The messages between the page and the race worker, which steps the optimizer race on
 * a 2-D surface (src/worker/race-host.ts). Separate from the training protocol: the
 * race needs neither the training worker nor a dataset. Every message carries the race
 * protocol's version; plain data only, and each frame's points travel as one
 * transferred Float32Array.
 */
import type { RaceEntryState, RaceSetup } from '../engine/race/types';
import type { ErrorPayload } from './messages';

export type { ErrorPayload } from './messages';

export const RACE_PROTOCOL_VERSION = 1;

/** A race stops by itself after this many lock-steps (a trail is then 10,001 points). */
export const RACE_MAX_STEPS = 10_000;

/** The fastest a race may be asked to step. */
export const RACE_MAX_STEPS_PER_SECOND = 5_000;

/** Frames while playing come at most this often, however fast the race steps. */
export const RACE_FRAME_INTERVAL_MS = 1000 / 30;

type V = { readonly v: typeof RACE_PROTOCOL_VERSION };

// ---- page → race worker -------------------------------------------------------------

export type ToRaceWorker = V &
  (
    | {
        /**
         * A new race at its start, paused. `generation` numbers the race (the page picks
         * it), so frames of an older race still in flight are recognised and dropped.
         */
        readonly type: 'configure';
        readonly generation: number;
        readonly setup: RaceSetup;
      }
    | { readonly type: 'play' }
    | { readonly type: 'pause' }
    /** `count` lock-steps now, then paused. */
    | { readonly type: 'step'; readonly count: number }
    | { readonly type: 'speed'; readonly stepsPerSecond: number }
  );

// ---- race worker → page -------------------------------------------------------------

export interface RaceFrame {
  readonly generation: number;
  /** Lock-steps so far. */
  readonly step: number;
  readonly playing: boolean;
  /** Every racer diverged, or the race reached RACE_MAX_STEPS. */
  readonly finished: boolean;
  /** New trail points per racer, in setup order. */
  readonly counts: readonly number[];
  /** The new points, racer by racer: (x, y, loss) triples, counts[0] of racer 0 first. */
  readonly points: Float32Array;
  readonly states: readonly RaceEntryState[];
}

export type FromRaceWorker = V &
  (
    | { readonly type: 'ready'; readonly backend: string }
    | ({ readonly type: 'frame' } & RaceFrame)
    | { readonly type: 'error'; readonly generation?: number; readonly error: ErrorPayload }
  );

export type ToRaceWorkerType = ToRaceWorker['type'];
export type FromRaceWorkerType = FromRaceWorker['type'];
