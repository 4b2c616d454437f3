/**
 * The run list beside the charts as data: per run its colour, where it stands (the
 * progress panel's words and fraction), its speed when known, and its latest metrics.
 */
import type { ComparisonView } from '../../../client/types';
import { runColor } from '../../components/palette';
import { runProgress } from '../progress/progress-model';
import { formatValue } from './format';

export interface RunRow {
  readonly id: string;
  readonly label: string;
  readonly color: string;
  /** "epoch 3 of 10", "finished after 10 of 10 epochs", "diverged at step 12"... */
  readonly status: string;
  /** Of the run's work, in [0, 1]. */
  readonly fraction: number;
  /** Training samples per second, when the caller knows it. */
  readonly samplesPerSecond?: number;
  /** The latest epoch's numbers, validation first: "val loss 0.312 · val acc 87.1%". */
  readonly metric?: string;
}

/** Samples per second by run id: what the client measures while a comparison trains. */
export type RunRates = Readonly<Record<string, number | undefined>>;

type Epoch = ComparisonView['runs'][number]['epochs'][number];

function latestMetric(epoch: Epoch | undefined): string | undefined {
  if (!epoch) return undefined;
  const val = epoch.valLoss !== undefined;
  const loss = `${val ? 'val ' : ''}loss ${formatValue(epoch.valLoss ?? epoch.loss)}`;
  const accuracy = epoch.valAccuracy ?? epoch.accuracy;
  return accuracy === undefined ? loss : `${loss} · ${epoch.valAccuracy !== undefined ? 'val ' : ''}acc ${(accuracy * 100).toFixed(1)}%`;
}

export function runRows(comparison: ComparisonView, rates: RunRates = {}): RunRow[] {
  return comparison.runs.map((run, i) => {
    const progress = runProgress(run, comparison);
    return {
      id: run.id,
      label: run.label,
      color: runColor(i),
      status: progress.text,
      fraction: progress.fraction,
      samplesPerSecond: rates[run.id],
      metric: latestMetric(run.epochs.at(-1)),
    };
  });
}

/** "1.2k samples/s", "850 samples/s". */
export function formatRate(samplesPerSecond: number): string {
  return samplesPerSecond >= 1000 ? `${(samplesPerSecond / 1000).toFixed(1)}k samples/s` : `${Math.round(samplesPerSecond)} samples/s`;
}
