/**
 * What the lab keeps in IndexedDB. Every record carries a schema version; everything
 * read back (from the database or an imported file) goes through restore/migrate and
 * is validated before the app sees it.
 */
import type { DatasetName, ExperimentConfigInput } from '../engine/experiment/config';
import type { ProbeSample } from '../engine/training/probe-types';
import type { BatchRecord, ComparisonCheckpoint, EpochRecord, RunResult } from '../engine/training/types';
import type { RunGallery } from '../protocol/gallery';
import type { BackendReport } from '../protocol/messages';

/** Version 2 added `probes` (restore.ts migrates version 1 records: they have none). */
export const STORED_COMPARISON_VERSION = 2;

/** 'interrupted' is what a 'running' comparison becomes when the tab reloads. */
export type ComparisonStatus = 'running' | 'paused' | 'completed' | 'cancelled' | 'interrupted' | 'failed';

export interface StoredComparison {
  readonly version: typeof STORED_COMPARISON_VERSION;
  readonly id: string;
  readonly name: string;
  readonly createdAt: string; // ISO 8601
  readonly updatedAt: string;
  readonly status: ComparisonStatus;
  readonly config: ExperimentConfigInput;
  readonly dataset: DatasetName;
  /** The backend the runs trained on (never compare across backends: tfjs-notes). */
  readonly backend?: BackendReport;
  /** Finished runs' results, by run id. */
  readonly results: Readonly<Record<string, RunResult>>;
  readonly epochs: readonly EpochRecord[];
  /** Per-batch losses; long series may be stored decimated. */
  readonly batches: readonly BatchRecord[];
  /** What the runs' probes measured (engine/training/probes.ts), every few steps. */
  readonly probes: readonly ProbeSample[];
  readonly error?: string;
}

export interface ComparisonSummary {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly status: ComparisonStatus;
  readonly dataset: DatasetName;
  readonly architecture: string;
  readonly runCount: number;
  readonly epochsDone: number;
  /**
   * Set when a checkpoint is saved: the epochs it covers, so the comparison can go on
   * from there (if it did not finish). list() knows it without reading the checkpoint.
   */
  readonly resumableFromEpoch?: number;
}

/**
 * What an import does when its comparison is stored already: refuse (nothing written),
 * keep both (the file's gets a new id and a numbered name, "name (2)"), or replace the
 * stored one (its records, checkpoint and images go with it).
 */
export type WhenStored = 'refuse' | 'keep-both' | 'replace';

/** The persistence API the client uses. Writes resolve only once the data is committed. */
export interface ComparisonRepository {
  create(comparison: StoredComparison): Promise<void>;
  /** Appends finished epochs (and the batch losses and probe samples that led to them). */
  appendRecords(
    id: string,
    records: { epochs: readonly EpochRecord[]; batches: readonly BatchRecord[]; probes?: readonly ProbeSample[] },
  ): Promise<void>;
  saveRunResult(id: string, result: RunResult): Promise<void>;
  setStatus(id: string, status: ComparisonStatus, error?: string): Promise<void>;
  get(id: string): Promise<StoredComparison | undefined>;
  list(): Promise<readonly ComparisonSummary[]>;
  delete(id: string): Promise<void>;
  /**
   * Keeps `checkpoint` as the comparison's latest (the one before is replaced), in one
   * transaction with the comparison's `resumableFromEpoch`. Validated before writing.
   * Checkpoints are a local means to resume, not part of the comparison's record: they
   * are not in exportJson / importJson, and list() and get() never read them.
   */
  saveCheckpoint(id: string, checkpoint: ComparisonCheckpoint): Promise<void>;
  /** The latest checkpoint, restored and validated (an ImportError if it is malformed); undefined if there is none. */
  getCheckpoint(id: string): Promise<ComparisonCheckpoint | undefined>;
  /** Drops the checkpoint (a finished comparison needs none); delete() drops it too. */
  deleteCheckpoint(id: string): Promise<void>;
  /**
   * Keeps a generative run's latest gallery (the one before is replaced), validated before
   * writing. Like checkpoints, galleries are not in exportJson / importJson; delete()
   * drops them.
   */
  saveGallery(id: string, gallery: RunGallery): Promise<void>;
  /** The latest gallery of each run that has one, by run id, validated (an ImportError if one is malformed). */
  getGalleries(id: string): Promise<Readonly<Record<string, RunGallery>>>;
  /**
   * Before a resume: removes the epochs after `epochsCompleted` and the batch losses and
   * probe samples of those epochs, and the results of every run not in `keepResultsOf`, in one transaction.
   */
  rewind(id: string, to: { readonly epochsCompleted: number; readonly keepResultsOf: readonly string[] }): Promise<void>;
  /** On start-up: every 'running' or 'paused' comparison becomes 'interrupted'. */
  markInterrupted(): Promise<number>;
  /**
   * Validates fully before writing; a bad file throws an ImportError and writes nothing.
   * A file whose comparison is stored already (the same id) is refused with an
   * AlreadyStoredError unless `whenStored` says to keep both or replace the stored one.
   */
  importJson(text: string, options?: { readonly whenStored?: WhenStored }): Promise<StoredComparison>;
  exportJson(id: string): Promise<string>;
}
