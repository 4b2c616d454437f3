/** The run list beside the charts as data: per run its colour and its latest numbers. */
import type { ComparisonView } from '../../../client/types';
import { runColor } from '../../components/palette';
import { formatValue } from './format';

export interface RunRow {
  readonly id: string;
  readonly label: string;
  readonly color: string;
  /** The latest epoch's numbers, validation first: "val loss 0.312 · val acc 87.1%". */
  readonly metric?: string;
}

type Epoch = ComparisonView['runs'][number]['epochs'][number];

export function latestMetric(epoch: Epoch | undefined): string | undefined {
  if (!epoch) return undefined;
  const loss = `${epoch.valLoss !== undefined ? 'val ' : ''}loss ${formatValue(epoch.valLoss ?? epoch.loss)}`;
  const accuracy = epoch.valAccuracy ?? epoch.accuracy;
  return accuracy === undefined ? loss : `${loss} · ${epoch.valAccuracy !== undefined ? 'val ' : ''}acc ${(accuracy * 100).toFixed(1)}%`;
}

export function runRows(comparison: ComparisonView): RunRow[] {
  return comparison.runs.map((run, i) => ({ id: run.id, label: run.label, color: runColor(i), metric: latestMetric(run.epochs.at(-1)) }));
}
