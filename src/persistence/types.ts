/**
 * What the lab keeps in IndexedDB. Every record carries a schema version; everything
 * read back (from the database or an imported file) goes through restore/migrate and
 * is validated before the app sees it.
 */
import type { DatasetName, ExperimentConfigInput } from '../engine/experiment/config';
import type { BatchRecord, EpochRecord, RunResult } from '../engine/training/types';
import type { BackendReport } from '../protocol/messages';

export const STORED_COMPARISON_VERSION = 1;

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
}

/** The persistence API the client uses. Writes resolve only once the data is committed. */
export interface ComparisonRepository {
  create(comparison: StoredComparison): Promise<void>;
  /** Appends finished epochs (and the batch losses that led to them). */
  appendRecords(id: string, records: { epochs: readonly EpochRecord[]; batches: readonly BatchRecord[] }): Promise<void>;
  saveRunResult(id: string, result: RunResult): Promise<void>;
  setStatus(id: string, status: ComparisonStatus, error?: string): Promise<void>;
  get(id: string): Promise<StoredComparison | undefined>;
  list(): Promise<readonly ComparisonSummary[]>;
  delete(id: string): Promise<void>;
  /** On start-up: every 'running' or 'paused' comparison becomes 'interrupted'. */
  markInterrupted(): Promise<number>;
  /** Validates fully before writing; a bad file throws an ImportError and writes nothing. */
  importJson(text: string): Promise<StoredComparison>;
  exportJson(id: string): Promise<string>;
}
