/**
 * The results table as data: one row per run with its headline numbers, and which run
 * is best. Pure; the table component only formats.
 */
import type { RunView } from '../../../client/types';
import type { RunStatus } from '../../../engine/training/types';

export interface ResultRow {
  readonly runId: string;
  readonly label: string;
  readonly runIndex: number;
  readonly status: RunStatus | 'running' | 'waiting';
  readonly finalValAccuracy?: number;
  readonly bestValAccuracy?: number;
  /** 1-based epoch of the best validation result (accuracy, or loss for regression). */
  readonly bestEpoch?: number;
  readonly testAccuracy?: number;
  readonly testLoss?: number;
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

function bestOf(values: readonly (number | undefined)[], mode: 'max' | 'min'): { value?: number; index?: number } {
  let index: number | undefined;
  values.forEach((value, i) => {
    if (!finite(value)) return;
    const current = index === undefined ? undefined : values[index];
    if (current === undefined || (mode === 'max' ? value > current : value < current)) index = i;
  });
  return index === undefined ? {} : { value: values[index], index };
}

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
    finalValAccuracy: last?.valAccuracy,
    bestValAccuracy: hasAccuracy ? best.value : undefined,
    bestEpoch: result?.bestEpoch ?? (best.index !== undefined ? run.epochs[best.index]!.epoch : undefined),
    testAccuracy: result?.test?.accuracy,
    testLoss: result?.test?.loss,
    finalLoss: last?.loss,
    finalValLoss: last?.valLoss,
    bestLoss: hasAccuracy ? undefined : bestOf(losses, 'min').value,
    seconds: result?.trainSeconds ?? run.epochs.reduce((sum, r) => sum + r.trainSeconds, 0),
    epochs: result?.epochsCompleted ?? run.epochs.length,
    diverged: result?.status === 'diverged',
    divergedAtStep: result?.divergedAtStep,
  };
}

/** What "best" was judged on, for the table's caption. */
export type BestCriterion = 'test accuracy' | 'validation accuracy' | 'test loss' | 'validation loss' | 'training loss';

/**
 * The best run: highest test accuracy when runs have one, else highest best validation
 * accuracy, else (regression, a VAE) lowest test loss, else lowest final validation loss,
 * else lowest final training loss.
 * Diverged runs never win; ties go to the earlier run.
 */
export function bestRun(rows: readonly ResultRow[]): { runId: string; criterion: BestCriterion } | undefined {
  const candidates = rows.filter((row) => !row.diverged);
  const criteria: readonly [BestCriterion, (row: ResultRow) => number | undefined, 'max' | 'min'][] = [
    ['test accuracy', (row) => row.testAccuracy, 'max'],
    ['validation accuracy', (row) => row.bestValAccuracy, 'max'],
    ['test loss', (row) => row.testLoss, 'min'],
    ['validation loss', (row) => row.finalValLoss, 'min'],
    ['training loss', (row) => row.finalLoss, 'min'],
  ];
  for (const [criterion, pick, mode] of criteria) {
    const { index } = bestOf(candidates.map(pick), mode);
    if (index !== undefined) return { runId: candidates[index]!.runId, criterion };
  }
  return undefined;
}

export function resultRows(runs: readonly RunView[]): ResultRow[] {
  return runs.map(resultRow);
}
