/** The sweeps' store as React and the page see it: its state, its actions, what it is made from. */
import type { StepRate } from '../../engine/sweeps/estimate';
import type { SweepConfigInput, SweepPlan } from '../../engine/sweeps/sweep-config';
import type { StoredSweep, SweepRepository, SweepSummary } from '../../persistence/sweep-types';
import type { LabStore } from '../lab-store';
import type { TrainingConnection } from '../worker-client';

export interface SweepView {
  readonly sweep: StoredSweep;
  readonly plan: SweepPlan;
}

export interface SweepState {
  readonly sweeps: readonly SweepSummary[];
  /** The sweep on screen. */
  readonly current?: SweepView;
  /** The sweep whose group is training now. */
  readonly runningId?: string;
  /** Measured costs per step, by rateKey (dataset, architecture, backend). */
  readonly rates: Readonly<Record<string, StepRate>>;
  readonly calibrating: boolean;
  readonly notice?: { readonly kind: 'error' | 'info'; readonly text: string };
}

export interface SweepActions {
  start(config: SweepConfigInput): Promise<string>;
  open(id: string): Promise<void>;
  /** Goes on with an interrupted, stopped or failed sweep. */
  resume(id: string): Promise<void>;
  /** Stops the running sweep (its group's comparison is stopped; resume goes on later). */
  stop(): void;
  delete(id: string): Promise<void>;
  /** A short run of the sweep's first trial, to measure the cost per step here. */
  calibrate(config: SweepConfigInput): Promise<void>;
  /** Puts the comparison that trained this trial (with its group) on the lab's screen. */
  openTrial(trialId: string): Promise<boolean>;
  dismissNotice(): void;
}

export interface SweepStore {
  getState(): SweepState;
  subscribe(listener: () => void): () => void;
  readonly actions: SweepActions;
  readonly ready: Promise<void>;
  /** Resolves once every step queued so far is done. */
  settled(): Promise<void>;
  dispose(): void;
}

export interface SweepStoreDeps {
  readonly repository: SweepRepository;
  readonly lab: Pick<LabStore, 'getState' | 'actions' | 'ready' | 'onComparisonEnd'>;
  /** For calibrations; without it, estimates come from finished sweeps only. */
  readonly connection?: TrainingConnection;
  readonly now?: () => Date;
  /** Milliseconds, for the groups' wall times (performance.now by default). */
  readonly clock?: () => number;
  readonly createId?: () => string;
}

