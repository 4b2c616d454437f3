/**
 * The results table as data: one row per run with its headline numbers, and which run
 * is best. Pure; the table component only formats.
 */
import type { RunView } from '../../../client/types';
import type { RunStatus, TestedWeights } from '../../../engine/training/types';

import { bestOf } from './best-criteria';

export { bestRun } from './best-criteria';

export interface ResultRow {
  readonly runId: string;
  readonly label: string;
  readonly runIndex: number;
  readonly status: RunStatus | 'running' | 'waiting';
  /** The run measures accuracy (a classifier). */
  readonly hasAccuracy: boolean;
  /** The last epoch with a record: its validation is the "final" one. */
  readonly lastEpoch?: number;
  /** The run's steps at the end of `lastEpoch`. */
  readonly lastEpochStep?: number;
  readonly finalValAccuracy?: number;
  readonly bestValAccuracy?: number;
  /** 1-based epoch of the best validation result (accuracy, or loss for regression). */
  readonly bestEpoch?: number;
  readonly testAccuracy?: number;
  readonly testLoss?: number;
  /** Which weights the test metrics come from (absent in results saved before the lab said). */
  readonly testWeights?: TestedWeights;
  readonly finalLoss?: number;
  readonly finalValLoss?: number;
  /** The lowest validation loss of any epoch (the training loss without a validation set). */
  readonly bestLoss?: number;
  readonly seconds: number;
  readonly epochs: number;
  readonly diverged: boolean;
  readonly divergedAtStep?: number;
}

const finite = (value: number | undefined): value is number => value !== undefined && Number.isFinite(value);

export function resultRow(run: RunView, runIndex: number): ResultRow {
  const last = run.epochs.at(-1);
  const accuracies = run.epochs.map((r) => r.valAccuracy);
  const hasAccuracy = accuracies.some(finite);
  const hasValidation = run.epochs.some((r) => r.valLoss !== undefined);
  const losses = run.epochs.map((r) => (hasValidation ? r.valLoss : r.loss));
  const best = hasAccuracy ? bestOf(accuracies, 'max') : bestOf(losses, 'min');
  const result = run.result;
  const status: ResultRow['status'] = result ? result.status : run.epochs.length || run.steps.length ? 'running' : 'waiting';
  return {
    runId: run.id,
    label: run.label,
    runIndex,
    status,
    hasAccuracy: run.epochs.some((r) => finite(r.accuracy) || finite(r.valAccuracy)) || result?.test?.accuracy !== undefined,
    lastEpoch: last?.epoch,
    lastEpochStep: last?.steps,
    finalValAccuracy: last?.valAccuracy,
    bestValAccuracy: hasAccuracy ? best.value : undefined,
    bestEpoch: result?.bestEpoch ?? (best.index !== undefined ? run.epochs[best.index]!.epoch : undefined),
    testAccuracy: result?.test?.accuracy,
    testLoss: result?.test?.loss,
    testWeights: result?.test?.weights,
    finalLoss: last?.loss,
    finalValLoss: last?.valLoss,
    bestLoss: hasAccuracy ? undefined : bestOf(losses, 'min').value,
    seconds: result?.trainSeconds ?? run.epochs.reduce((sum, r) => sum + r.trainSeconds, 0),
    epochs: result?.epochsCompleted ?? run.epochs.length,
    diverged: result?.status === 'diverged',
    divergedAtStep: result?.divergedAtStep,
  };
}

export function resultRows(runs: readonly RunView[]): ResultRow[] {
  return runs.map(resultRow);
}

/**
 * Where the test and the final validation numbers were taken, when not on the same
 * weights: a run stopped mid-epoch was tested steps after its last validation, and
 * early stopping's restored best epochs before it. Undefined when they agree (or when
 * a result saved before the lab recorded the test's weights cannot say).
 */
export function weightsNotes(row: ResultRow): { test: string; validation: string } | undefined {
  const weights = row.testWeights;
  if (!weights || (weights.epochEnd && weights.epoch === row.lastEpoch)) return undefined;
  const test = weights.restoredBest
    ? `test: weights of epoch ${weights.epoch} (best, restored)`
    : weights.epochEnd
      ? `test: end of epoch ${weights.epoch} (step ${weights.step})`
      : `test: at stop, epoch ${weights.epoch}, step ${weights.step}`;
  const validation = row.lastEpoch === undefined ? 'validation: no epoch finished' : `validation: end of epoch ${row.lastEpoch} (step ${row.lastEpochStep})`;
  return { test, validation };
}
