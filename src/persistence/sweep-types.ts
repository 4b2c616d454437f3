/**
 * A sweep as the lab keeps it in IndexedDB: its definition, the trials it expanded into
 * (kept as they were, so a later version of the expansion cannot remap them), which
 * comparison trains each lock-step group, and every finished trial's outcome. The group
 * comparisons themselves are ordinary stored comparisons (records, checkpoints, export).
 */
import type { SweepConfigInput } from '../engine/sweeps/sweep-config';
import type { TrialOutcome } from '../engine/sweeps/outcome';
import type { Trial } from '../engine/sweeps/trials';
import type { BackendReport } from '../protocol/messages';
import type { ComparisonStatus } from './types';

export const STORED_SWEEP_VERSION = 1;

/** A group waits, trains in its comparison, or is over (its trials' outcomes are kept). */
export type SweepGroupStatus = 'waiting' | 'running' | 'done';

export interface StoredSweepGroup {
  readonly status: SweepGroupStatus;
  /** The comparison that trains (or trained) this group; set when it starts. */
  readonly comparisonId?: string;
}

export interface StoredSweep {
  readonly version: typeof STORED_SWEEP_VERSION;
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** 'interrupted': it was running when the tab closed; it resumes where it stopped. */
  readonly status: ComparisonStatus;
  readonly config: SweepConfigInput;
  readonly trials: readonly Trial[];
  /** Group i trains trials i·groupSize … (i+1)·groupSize − 1. */
  readonly groups: readonly StoredSweepGroup[];
  readonly outcomes: Readonly<Record<string, TrialOutcome>>;
  readonly backend?: BackendReport;
  readonly error?: string;
}

export interface SweepSummary {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly status: ComparisonStatus;
  readonly trialCount: number;
  readonly finishedCount: number;
}

/** The sweeps' store. Every write is validated first and resolves once committed; every read is restored. */
export interface SweepRepository {
  /** Creates or replaces the whole record (a sweep is one small row). */
  save(sweep: StoredSweep): Promise<void>;
  get(id: string): Promise<StoredSweep | undefined>;
  list(): Promise<readonly SweepSummary[]>;
  delete(id: string): Promise<void>;
  /** On start-up: every 'running' or 'paused' sweep becomes 'interrupted'. */
  markInterrupted(): Promise<number>;
}
