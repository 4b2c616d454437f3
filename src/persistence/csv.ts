/**
 * Tidy CSV (RFC 4180) of a comparison's records, for pandas, R or a spreadsheet: one row
 * per run per epoch (with the loss's parts for a VAE), and one per run per recorded step. Lines end in CRLF; a field with a
 * comma, a quote or a line break is quoted, quotes doubled. A missing value (no validation
 * set, say) is an empty cell; a non-finite loss is written NaN, Infinity or -Infinity.
 */
import { parseExperiment } from '../engine/experiment/config';
import type { StoredComparison } from './types';

export const EPOCH_COLUMNS = [
  'run_id',
  'run_label',
  'epoch',
  'loss',
  'accuracy',
  'val_loss',
  'val_accuracy',
  'train_seconds',
  'elapsed_seconds',
] as const;

/** A generative comparison's epochs (the VAE) also carry the loss's two parts, after val_accuracy. */
export const LOSS_PART_COLUMNS = ['reconstruction', 'kl', 'val_reconstruction', 'val_kl'] as const;

export const BATCH_COLUMNS = ['run_id', 'run_label', 'epoch', 'step', 'loss'] as const;

type Cell = string | number | undefined;

export function comparisonToCsv(comparison: StoredComparison): { epochs: string; batches: string } {
  const runs = runOrder(comparison);
  const label = (runId: string) => runs.get(runId)?.label ?? runId;
  const place = (runId: string) => runs.get(runId)?.place ?? runs.size;
  const byRunThen = <T extends { runId: string }>(key: (record: T) => number) => (a: T, b: T) =>
    place(a.runId) - place(b.runId) || (a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0) || key(a) - key(b);

  const withParts = comparison.epochs.some((r) => r.reconstruction !== undefined || r.kl !== undefined);
  const epochColumns = withParts ? [...EPOCH_COLUMNS.slice(0, 7), ...LOSS_PART_COLUMNS, ...EPOCH_COLUMNS.slice(7)] : EPOCH_COLUMNS;
  const epochRows = [...comparison.epochs]
    .sort(byRunThen((record) => record.epoch))
    .map((r) => [
      r.runId,
      label(r.runId),
      r.epoch,
      r.loss,
      r.accuracy,
      r.valLoss,
      r.valAccuracy,
      ...(withParts ? [r.reconstruction, r.kl, r.valReconstruction, r.valKl] : []),
      r.trainSeconds,
      r.elapsedSeconds,
    ]);
  const batchRows = [...comparison.batches]
    .sort(byRunThen((record) => record.step))
    .map((r) => [r.runId, label(r.runId), r.epoch, r.step, r.loss]);
  return { epochs: toCsv(epochColumns, epochRows), batches: toCsv(BATCH_COLUMNS, batchRows) };
}

/** Each run's label and place in the config: a finished run's label, else the config's. */
function runOrder(comparison: StoredComparison): Map<string, { label: string; place: number }> {
  const runs = new Map<string, { label: string; place: number }>();
  let configRuns: readonly { id: string; label: string }[];
  try {
    configRuns = parseExperiment(comparison.config).spec.runs;
  } catch {
    configRuns = []; // restore has validated it; a CSV is still worth writing if not
  }
  configRuns.forEach((run, place) => runs.set(run.id, { label: comparison.results[run.id]?.label ?? run.label, place }));
  for (const result of Object.values(comparison.results)) {
    if (!runs.has(result.runId)) runs.set(result.runId, { label: result.label, place: runs.size });
  }
  return runs;
}

/** RFC 4180 text: the header, then one CRLF-ended line per row. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => `${row.map(cell).join(',')}\r\n`).join('');
}

/** One RFC 4180 field. */
export function cell(value: Cell): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
