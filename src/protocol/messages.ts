/**
 * The one module both sides of the worker boundary import. Every message carries the
 * protocol version, so a stale worker (an old service-worker cache, a half-updated tab)
 * is detected instead of misread. Plain data only: no class instances, no tensors.
 */
import type { DownloadProgress } from '../engine/data/types';
import type { DatasetName, ExperimentConfigInput } from '../engine/experiment/config';
import type { BackendInfo } from '../engine/training/backend';
import type { ProbeSample } from '../engine/training/probe-types';
import type { ComparisonCheckpoint, ComparisonProgress, EpochRecord, RunResult } from '../engine/training/types';
import type { RunGallery } from './gallery';

/**
 * Version 2: 'start' may carry a checkpoint to resume from, and the worker sends a
 * 'checkpoint' after every epoch. A version-1 worker would ignore `resume` and train
 * from the beginning, so the version says the two sides cannot be mixed.
 * Version 3: the worker sends a VAE run's 'gallery' after every epoch (./gallery.ts),
 * which a version-2 page would take for an unknown message.
 * Version 4: the page may ask for a 'calibrate' (a sweep's cost per step) and the worker
 * answers with a 'calibration', which a version-3 worker would refuse as unknown.
 * Version 5: a 'records' message's progress comes after every run step, fractional
 * ticks, and names the phase with what each phase cost (engine ComparisonProgress),
 * which a version-4 page would read as a tick count only.
 */
export const PROTOCOL_VERSION = 5;

/** A LabError (or any error) flattened for postMessage. */
export interface ErrorPayload {
  readonly code: string;
  readonly message: string;
  readonly expected?: string;
  readonly found?: string;
  readonly where?: string;
}

/** Where the worker should get a real dataset from. */
export type DatasetSource =
  /** Cache first, then the official sources (or the same-origin routes / public/data). */
  | { readonly kind: 'auto' }
  /** Files the user picked or dropped: the official .gz / .tar.gz / .bin files. */
  | { readonly kind: 'files'; readonly files: readonly File[] };

export interface DatasetSummary {
  readonly name: DatasetName;
  readonly trainCount: number;
  readonly testCount: number;
  readonly inputShape: readonly number[];
  readonly classNames: readonly string[];
  /** 'cache', 'network', 'files' or 'generated'. */
  readonly origin: string;
}

/**
 * Per-batch losses packed for transfer: one Float64Array of [runIndex, step, loss] triples
 * (runIndex into the comparison's runs), so thousands of points cost one buffer, not objects.
 */
export interface PackedBatchLosses {
  readonly triples: Float64Array;
}

export type BackendReport = BackendInfo & {
  /** True when training runs in the worker; false when it fell back to the main thread. */
  readonly inWorker: boolean;
};

// ---- UI → worker ------------------------------------------------------------------

export type ToWorker =
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'init'; readonly backends: readonly string[] }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'load-dataset'; readonly requestId: string; readonly name: DatasetName; readonly source: DatasetSource }
  | {
      readonly v: typeof PROTOCOL_VERSION;
      readonly type: 'start';
      readonly comparisonId: string;
      readonly config: ExperimentConfigInput;
      /** Continue from this checkpoint (one the worker sent for the same config) instead of from epoch 0. */
      readonly resume?: ComparisonCheckpoint;
    }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'pause'; readonly comparisonId: string }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'resume'; readonly comparisonId: string }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'stop-run'; readonly comparisonId: string; readonly runId: string }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'cancel'; readonly comparisonId: string }
  /** Train a short calibration config (engine/sweeps/calibration.ts) and answer with its cost per step. */
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'calibrate'; readonly requestId: string; readonly config: ExperimentConfigInput };

// ---- worker → UI ------------------------------------------------------------------

export type FromWorker =
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'ready'; readonly backend: BackendReport }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'dataset-progress'; readonly requestId: string; readonly progress: DownloadProgress }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'dataset-ready'; readonly requestId: string; readonly summary: DatasetSummary }
  | {
      readonly v: typeof PROTOCOL_VERSION;
      readonly type: 'records';
      readonly comparisonId: string;
      readonly batches: PackedBatchLosses;
      readonly epochs: readonly EpochRecord[];
      readonly progress?: ComparisonProgress;
      /** Probe samples taken since the last message (a page that does not read them may ignore them). */
      readonly probes?: readonly ProbeSample[];
    }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'run-end'; readonly comparisonId: string; readonly result: RunResult }
  /**
   * After every finished epoch, once that epoch's records have been posted: the state to
   * resume from. Its Float32Array buffers are transferred, not copied (the worker has no
   * further use for them).
   */
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'checkpoint'; readonly comparisonId: string; readonly checkpoint: ComparisonCheckpoint }
  /**
   * A generative run's images after an epoch (and at the end, for a run stopped mid-epoch),
   * after that epoch's records. The pixel buffers are transferred, not copied.
   */
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'gallery'; readonly comparisonId: string; readonly gallery: RunGallery }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'done'; readonly comparisonId: string; readonly elapsedSeconds: number }
  /**
   * The answer to 'calibrate': one run's seconds per training step at a batch size, on this
   * backend, and (from workers that measure them) one evaluation's seconds over its samples
   * and a group's fixed seconds (engine/sweeps/measure-rate.ts).
   */
  | {
      readonly v: typeof PROTOCOL_VERSION;
      readonly type: 'calibration';
      readonly requestId: string;
      readonly secondsPerStep: number;
      readonly batchSize: number;
      readonly evalSeconds?: number;
      readonly evalSamples?: number;
      readonly groupSeconds?: number;
      readonly backend: string;
    }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'error'; readonly requestId?: string; readonly comparisonId?: string; readonly error: ErrorPayload };

export type ToWorkerType = ToWorker['type'];
export type FromWorkerType = FromWorker['type'];
