/** E5's bar charts as data: per run its training time and its final metrics. Pure. */
import type { ResultRow } from '../results/results-model';

export interface RunBar {
  readonly label: string;
  readonly runIndex: number;
  readonly seconds: number;
  /** Accuracy bars for classification, loss bars for regression. */
  readonly test?: number;
  readonly validation?: number;
}

export type BarMetric = 'accuracy' | 'loss';

export function runBars(rows: readonly ResultRow[]): { bars: RunBar[]; metric: BarMetric } {
  const metric: BarMetric = rows.some((row) => row.testAccuracy !== undefined || row.bestValAccuracy !== undefined) ? 'accuracy' : 'loss';
  const finite = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? value : undefined);
  const bars = rows
    .filter((row) => row.epochs > 0)
    .map((row) => ({
      label: row.label,
      runIndex: row.runIndex,
      seconds: row.seconds,
      test: finite(metric === 'accuracy' ? row.testAccuracy : row.testLoss),
      validation: finite(metric === 'accuracy' ? row.bestValAccuracy : row.finalValLoss),
    }));
  return { bars, metric };
}
