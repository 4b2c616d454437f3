/**
 * The state React renders, owned by the run store (`useSyncExternalStore`). Built from
 * worker messages and persistence; plain immutable data: each change makes new objects
 * along the changed path so selectors can compare by reference.
 */
import type { DownloadProgress } from '../engine/data/types';
import type { DatasetName, ExperimentConfigInput } from '../engine/experiment/config';
import type { ProbeSample } from '../engine/training/probe-types';
import type { ComparisonProgress, EpochRecord, RunResult } from '../engine/training/types';
import type { RunGallery } from '../protocol/gallery';
import type { BackendReport, DatasetSummary, ErrorPayload } from '../protocol/messages';
import type { ComparisonStatus, ComparisonSummary } from '../persistence/types';

export type DatasetState =
  | { readonly status: 'absent' }
  | { readonly status: 'loading'; readonly progress?: DownloadProgress }
  | { readonly status: 'ready'; readonly summary: DatasetSummary }
  | { readonly status: 'error'; readonly error: ErrorPayload };

export interface RunView {
  readonly id: string;
  readonly label: string;
  /** Per-batch loss, in step order: steps[i] ↔ losses[i]. */
  readonly steps: readonly number[];
  readonly losses: readonly number[];
  readonly epochs: readonly EpochRecord[];
  readonly result?: RunResult;
  /** What the run's probes measured, in step order (thinned when long: client/probe-series.ts). */
  readonly probes?: readonly ProbeSample[];
}

export interface ComparisonView {
  readonly id: string;
  readonly name: string;
  readonly config: ExperimentConfigInput;
  readonly status: ComparisonStatus;
  readonly runs: readonly RunView[];
  readonly progress?: ComparisonProgress;
  readonly backend?: BackendReport;
  readonly startedAt: string;
  readonly error?: ErrorPayload;
  /**
   * The epochs its saved checkpoint covers: when it stopped before the end (interrupted,
   * stopped, failed), resumeComparison goes on from there. Absent without a checkpoint.
   */
  readonly resumableFromEpoch?: number;
  /** Generative runs: each run's latest gallery, by run id (saved, so it survives a reload). */
  readonly galleries?: Readonly<Record<string, RunGallery>>;
  /** The live session's wall clock (absent for a comparison opened from the history). */
  readonly wallClock?: WallClock;
}

/**
 * Wall-clock time of a live comparison, in milliseconds since 1970: `since` is the click on
 * Start (or Resume), `before` the seconds a resumed comparison ran before its checkpoint,
 * `progressAt` when the latest progress arrived, and `seconds` the whole time once it
 * ended (data loading and the final evaluation included).
 */
export interface WallClock {
  readonly since: number;
  readonly before: number;
  readonly progressAt?: number;
  readonly seconds?: number;
}

export interface LabState {
  readonly backend?: BackendReport;
  /** Why the backend is what it is, or why the worker could not start. */
  readonly backendError?: ErrorPayload;
  readonly datasets: Readonly<Record<DatasetName, DatasetState>>;
  readonly history: readonly ComparisonSummary[];
  /** The comparison on screen: running, or opened from history. */
  readonly current?: ComparisonView;
  /**
   * A user-facing problem or note not tied to a field (a failed import, a quota error).
   * It goes when dismissed, when the next comparison starts, or when the comparison it
   * is about (`comparisonId`) is deleted.
   */
  readonly notice?: { readonly kind: 'error' | 'info'; readonly text: string; readonly comparisonId?: string };
}

/** How an import went; 'already-stored' names the history's entry, which nothing changed. */
export type ImportOutcome =
  | { readonly kind: 'imported' | 'failed' }
  | { readonly kind: 'already-stored'; readonly name: string; readonly updatedAt: string };

/** What the UI can ask for. Every method reports failures into LabState, never throws at the UI. */
export interface LabActions {
  loadDataset(name: DatasetName, files?: readonly File[]): void;
  start(config: ExperimentConfigInput): Promise<string>;
  pause(): void;
  resume(): void;
  stopRun(runId: string): void;
  cancel(): void;
  open(comparisonId: string): Promise<void>;
  /**
   * Goes on with a stopped comparison (interrupted, stopped or failed) from its last
   * checkpoint, as the live comparison: records after that epoch are dropped and trained
   * again. Without a checkpoint it says to restart instead.
   */
  resumeComparison(comparisonId: string): Promise<void>;
  /** Starts a new comparison with the same config; the old one stays in the history. */
  restartComparison(comparisonId: string): Promise<void>;
  delete(comparisonId: string): Promise<void>;
  exportJson(comparisonId: string): Promise<string>;
  /**
   * Imports an exported file. One already in the history (the same comparison) is not
   * imported unless `whenStored` says to replace it or keep both: the outcome says so.
   */
  importJson(text: string, whenStored?: 'keep-both' | 'replace'): Promise<ImportOutcome>;
  dismissNotice(): void;
}
