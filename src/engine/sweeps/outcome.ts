/**
 * What a sweep keeps of each trial once its run has ended: how it ended, its time to
 * target, its final metrics and its per-epoch curves (for the all-curves chart), and a
 * regression's test predictions. Built from the run's result and epoch records, so the
 * sweep's views need no comparison records; plain data (IndexedDB keeps it as it is).
 */
import type { EpochRecord, RunResult, RunStatus, StopReason, TargetOutcome } from '../training/types';

export interface FinalMetrics {
  readonly loss?: number;
  readonly accuracy?: number;
  readonly valLoss?: number;
  readonly valAccuracy?: number;
  readonly testLoss?: number;
  readonly testAccuracy?: number;
}

/** Per-epoch values, index 0 = epoch 1. */
export interface TrialCurves {
  readonly loss: readonly number[];
  readonly accuracy?: readonly number[];
  readonly valLoss?: readonly number[];
  readonly valAccuracy?: readonly number[];
}

export interface TrialOutcome {
  /** 'failed': its comparison failed (an error) before the run ended. */
  readonly status: RunStatus | 'failed';
  readonly epochs: number;
  readonly steps: number;
  /** The run's own training seconds (they overlap the other runs' of its lock-step group). */
  readonly seconds: number;
  /**
   * Its share of its group's wall time (setup, evaluation and saving included): the
   * shares of a group's trials add up to the group's time. Absent in sweeps saved
   * before it was kept.
   */
  readonly wallSeconds?: number;
  readonly batchSize: number | 'full';
  readonly target?: TargetOutcome;
  readonly stoppedBy?: StopReason;
  readonly divergedAtStep?: number;
  readonly final: FinalMetrics;
  readonly curves: TrialCurves;
  readonly predictions?: Float32Array;
  readonly error?: string;
}

function series(epochs: readonly EpochRecord[], pick: (record: EpochRecord) => number | undefined): number[] | undefined {
  const values = epochs.map(pick);
  return values.some((value) => value !== undefined) ? values.map((value) => value ?? Number.NaN) : undefined;
}

function compact<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

/**
 * A trial's outcome from its run's result and epoch records (in epoch order). Without a
 * result the run never ended: `failed` says its comparison failed, else it was cancelled.
 */
export function trialOutcome(options: {
  readonly result?: RunResult;
  readonly epochs: readonly EpochRecord[];
  readonly batchSize: number | 'full';
  readonly failure?: string;
}): TrialOutcome {
  const { result, batchSize } = options;
  const epochs = [...options.epochs].sort((a, b) => a.epoch - b.epoch);
  const last = epochs.at(-1);
  const status: TrialOutcome['status'] = result?.status ?? (options.failure !== undefined ? 'failed' : 'cancelled');
  return compact({
    status,
    epochs: result?.epochsCompleted ?? last?.epoch ?? 0,
    steps: last?.steps ?? 0,
    seconds: result?.trainSeconds ?? epochs.reduce((sum, record) => sum + record.trainSeconds, 0),
    batchSize,
    target: result?.target,
    stoppedBy: result?.stoppedBy,
    divergedAtStep: result?.divergedAtStep,
    final: compact({
      loss: last?.loss,
      accuracy: last?.accuracy,
      valLoss: last?.valLoss,
      valAccuracy: last?.valAccuracy,
      testLoss: result?.test?.loss,
      testAccuracy: result?.test?.accuracy,
    }),
    curves: compact({
      loss: epochs.map((record) => record.loss),
      accuracy: series(epochs, (r) => r.accuracy),
      valLoss: series(epochs, (r) => r.valLoss),
      valAccuracy: series(epochs, (r) => r.valAccuracy),
    }),
    predictions: result?.test?.predictions,
    error: status === 'failed' ? options.failure : undefined,
  });
}
