/**
 * What "best" means in the results table: one criterion, the same while runs train and
 * after they finish, chosen by the person (the table's "Best by" select). A criterion
 * whose value a run does not have yet (test metrics, before it finishes) leaves that run
 * out; with no run having it, there is no best yet, rather than a best by something else.
 */
import type { ResultRow } from './results-model';

export type BestCriterionId = 'val-accuracy' | 'best-val-accuracy' | 'test-accuracy' | 'val-loss' | 'test-loss' | 'train-loss';

/** The table's columns a criterion can be read from (the header marks the one judged on). */
export type JudgedColumn = 'final-val-accuracy' | 'best-val-accuracy' | 'test-accuracy' | 'test-loss' | 'final-loss';

interface BestCriterion {
  /** As the select and the caption say it. */
  readonly label: string;
  readonly pick: (row: ResultRow) => number | undefined;
  readonly mode: 'max' | 'min';
  readonly column: JudgedColumn;
  /** What the table must have for the criterion to be offered. */
  readonly needs: { readonly accuracy?: boolean; readonly validation?: boolean };
  /** Known only once a run has finished. */
  readonly atEnd?: boolean;
}

/** In the select's order. */
export const BEST_CRITERIA: Readonly<Record<BestCriterionId, BestCriterion>> = {
  'val-accuracy': {
    label: 'validation accuracy (last epoch)',
    pick: (row) => row.finalValAccuracy,
    mode: 'max',
    column: 'final-val-accuracy',
    needs: { accuracy: true, validation: true },
  },
  'best-val-accuracy': {
    label: 'best validation accuracy (any epoch)',
    pick: (row) => row.bestValAccuracy,
    mode: 'max',
    column: 'best-val-accuracy',
    needs: { accuracy: true, validation: true },
  },
  'test-accuracy': { label: 'test accuracy', pick: (row) => row.testAccuracy, mode: 'max', column: 'test-accuracy', needs: { accuracy: true }, atEnd: true },
  'val-loss': { label: 'validation loss (last epoch)', pick: (row) => row.finalValLoss, mode: 'min', column: 'final-loss', needs: { validation: true } },
  'test-loss': { label: 'test loss', pick: (row) => row.testLoss, mode: 'min', column: 'test-loss', needs: {}, atEnd: true },
  'train-loss': { label: 'training loss (last epoch)', pick: (row) => row.finalLoss, mode: 'min', column: 'final-loss', needs: {} },
};

export const BEST_CRITERION_IDS = Object.keys(BEST_CRITERIA) as BestCriterionId[];

export function isBestCriterionId(value: unknown): value is BestCriterionId {
  return typeof value === 'string' && Object.hasOwn(BEST_CRITERIA, value);
}

/** What a table's runs measure: accuracy (classification) and a validation set. */
export interface TableKind {
  readonly accuracy: boolean;
  readonly validation: boolean;
}

export function criteriaFor(kind: TableKind): BestCriterionId[] {
  return BEST_CRITERION_IDS.filter((id) => {
    const { needs } = BEST_CRITERIA[id];
    return (!needs.accuracy || kind.accuracy) && (!needs.validation || kind.validation);
  });
}

/** Known after every epoch, while training and after: validation accuracy, else validation loss, else the training loss. */
export function defaultCriterion(kind: TableKind): BestCriterionId {
  if (kind.validation) return kind.accuracy ? 'val-accuracy' : 'val-loss';
  return 'train-loss';
}

/** `wanted` where the table offers it, else the table's default. */
export function effectiveCriterion(kind: TableKind, wanted: BestCriterionId | undefined): BestCriterionId {
  return wanted !== undefined && criteriaFor(kind).includes(wanted) ? wanted : defaultCriterion(kind);
}

/** The kind, read from the runs' records (a table that knows its config can say more: see published-model). */
export function kindOfRows(rows: readonly ResultRow[]): TableKind {
  return {
    accuracy: rows.some((row) => row.hasAccuracy),
    validation: rows.some((row) => row.finalValLoss !== undefined),
  };
}

/**
 * The best run by `criterion`. Diverged runs never win; runs without the value are left
 * out; ties go to the earlier run. The table always names its criterion. Without one
 * (a panel that starts on "the best run": the confusion matrix, the VAE gallery), the
 * rows' default criterion is tried first, then the others the rows allow, in order.
 */
export function bestRun(rows: readonly ResultRow[], criterion?: BestCriterionId): { runId: string; criterion: BestCriterionId } | undefined {
  const kind = kindOfRows(rows);
  const tried = criterion ? [criterion] : [defaultCriterion(kind), ...criteriaFor(kind)];
  const candidates = rows.filter((row) => !row.diverged);
  for (const id of tried) {
    const { pick, mode } = BEST_CRITERIA[id];
    const { index } = bestOf(candidates.map(pick), mode);
    if (index !== undefined) return { runId: candidates[index]!.runId, criterion: id };
  }
  return undefined;
}

/** The highest (or lowest) finite value and its index; the first of equals. */
export function bestOf(values: readonly (number | undefined)[], mode: 'max' | 'min'): { value?: number; index?: number } {
  let index: number | undefined;
  values.forEach((value, i) => {
    if (value === undefined || !Number.isFinite(value)) return;
    const current = index === undefined ? undefined : values[index]!;
    if (current === undefined || (mode === 'max' ? value > current : value < current)) index = i;
  });
  return index === undefined ? {} : { value: values[index], index };
}
