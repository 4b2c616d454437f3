/**
 * The optimizer race as data: what to race (a surface, a start, the optimizers) and what
 * each racer looks like after a step. Plain data only, so it crosses the worker
 * boundary as it is.
 */
import type { OptimizerConfig } from '../optimizers/catalog';
import type { Point, SurfaceName } from '../surfaces';

/** At most this many optimizers race at once (one Okabe-Ito colour each). */
export const MAX_RACE_ENTRIES = 8;

export interface RaceEntrySpec {
  readonly id: string;
  readonly optimizer: OptimizerConfig;
}

export interface RaceSetup {
  readonly surface: SurfaceName;
  readonly start: Point;
  readonly entries: readonly RaceEntrySpec[];
}

export type Vec2 = readonly [number, number];

/** One optimizer slot (Keras's name), with the symbol the update rule uses for it. */
export interface SlotValue {
  readonly name: string;
  readonly symbol: string;
  readonly values: Vec2;
}

/**
 * The per-coordinate factor the last update multiplied its direction by, e.g. Adam's
 * α/(√v + ε) applied to m: the optimizer's own step size at this point.
 */
export interface EffectiveStep {
  readonly formula: string;
  /** What the factor multiplies: `g`, `m`, `sign(β₁·m + (1 − β₁)·g)`... */
  readonly appliesTo: string;
  readonly values: Vec2;
}

/** One racer where it stands now. */
export interface RaceEntryState {
  readonly id: string;
  /** Updates taken (the one that diverged included). */
  readonly step: number;
  /** The position and loss after the last finite step. */
  readonly x: number;
  readonly y: number;
  readonly loss: number;
  readonly diverged: boolean;
  /** The update whose result was not finite. */
  readonly divergedAtStep?: number;
  /** ∇f at (x, y). */
  readonly gradient: Vec2;
  /** How far the last update moved the point. */
  readonly lastStep: Vec2;
  /** The learning rate the next update will use (schedules change it). */
  readonly learningRate: number;
  readonly slots: readonly SlotValue[];
  readonly effectiveStep?: EffectiveStep;
  /** Where the optimizer's momentum pushes, on the plane; absent when it keeps none. */
  readonly momentum?: Vec2;
}
