import type { ExperimentConfigInput } from '../engine/experiment/config';
import type { BatchRecord, ComparisonCheckpoint, ComparisonProgress, EpochRecord, RunResult } from '../engine/training/types';
import type { BackendReport } from '../protocol/messages';
import type { BatchLossPoint } from '../protocol/packed-losses';
import { STORED_COMPARISON_VERSION, type ComparisonStatus, type StoredComparison } from '../persistence/types';
import { probesOf } from './probe-series';
import type { ComparisonView, RunView } from './types';

/**
 * Pure functions from records to the views React draws. Every change returns new
 * objects along the changed path only, so a selector on one run sees a new reference
 * exactly when that run changed.
 */

/** A run's id and label as the engine will assign them (parseExperiment's defaults). */
export function runViewsFor(config: ExperimentConfigInput): RunView[] {
  return config.runs.map((run, i) => {
    const optimizer = run.optimizer as { name?: unknown } | undefined;
    const optimizerName = typeof optimizer?.name === 'string' ? optimizer.name : `run ${i + 1}`;
    return { id: run.id ?? `run-${i + 1}`, label: run.label ?? optimizerName, steps: [], losses: [], epochs: [] };
  });
}

export function newComparisonView(options: {
  id: string;
  config: ExperimentConfigInput;
  startedAt: string;
  backend?: BackendReport;
}): ComparisonView {
  return {
    id: options.id,
    name: options.config.name ?? 'experiment',
    config: options.config,
    status: 'running',
    runs: runViewsFor(options.config),
    startedAt: options.startedAt,
    ...(options.backend ? { backend: options.backend } : {}),
  };
}

/** Unpacked triples as batch records; the epoch is filled in by `assignEpochs`. */
export function pointsToRuns(points: readonly BatchLossPoint[], runs: readonly RunView[]): { runId: string; step: number; loss: number }[] {
  return points.flatMap((p) => {
    const run = runs[p.runIndex];
    return run ? [{ runId: run.id, step: p.step, loss: p.loss }] : [];
  });
}

/**
 * Which epoch each batch belongs to, from the runs' finished epochs: an epoch record's
 * `steps` is the run's step count at its end, so step s is in the first epoch that
 * ends at or after s (or the epoch in progress).
 */
export function assignEpochs(points: readonly { runId: string; step: number; loss: number }[], runs: readonly RunView[]): BatchRecord[] {
  const ends = new Map(runs.map((run) => [run.id, run.epochs.map((e) => e.steps)]));
  return points.map((p) => {
    const runEnds = ends.get(p.runId) ?? [];
    const finishedBefore = runEnds.filter((end) => end < p.step).length;
    return { runId: p.runId, epoch: finishedBefore + 1, step: p.step, loss: p.loss };
  });
}

/** Appends one message's records: new arrays only for the runs that got something. */
export function appendRecords(
  view: ComparisonView,
  batches: readonly { runId: string; step: number; loss: number }[],
  epochs: readonly EpochRecord[],
  progress?: ComparisonProgress,
): ComparisonView {
  if (batches.length === 0 && epochs.length === 0 && !progress) return view;
  const runs = view.runs.map((run) => {
    const own = batches.filter((b) => b.runId === run.id);
    const ownEpochs = epochs.filter((e) => e.runId === run.id);
    if (own.length === 0 && ownEpochs.length === 0) return run;
    return {
      ...run,
      steps: own.length > 0 ? [...run.steps, ...own.map((b) => b.step)] : run.steps,
      losses: own.length > 0 ? [...run.losses, ...own.map((b) => b.loss)] : run.losses,
      epochs: ownEpochs.length > 0 ? [...run.epochs, ...ownEpochs] : run.epochs,
    };
  });
  // A progress report alone keeps the runs as they were: what draws them need not redraw.
  const changed = runs.some((run, i) => run !== view.runs[i]);
  return { ...view, runs: changed ? runs : view.runs, ...(progress ? { progress } : {}) };
}

export function withRunResult(view: ComparisonView, result: RunResult): ComparisonView {
  return { ...view, runs: view.runs.map((run) => (run.id === result.runId ? { ...run, result } : run)) };
}

export function withStatus(view: ComparisonView, status: ComparisonStatus, error?: ComparisonView['error']): ComparisonView {
  return { ...view, status, ...(error ? { error } : {}) };
}

/** A stored comparison (from IndexedDB or an import) as a view. */
export function viewFromStored(stored: StoredComparison): ComparisonView {
  const runs = runViewsFor(stored.config).map((run) => {
    const batches = stored.batches.filter((b) => b.runId === run.id).sort((a, b) => a.step - b.step);
    const result = stored.results[run.id];
    const probes = probesOf(run.id, stored.probes);
    return {
      ...run,
      label: result?.label ?? run.label,
      steps: batches.map((b) => b.step),
      losses: batches.map((b) => b.loss),
      epochs: stored.epochs.filter((e) => e.runId === run.id).sort((a, b) => a.epoch - b.epoch),
      ...(result ? { result } : {}),
      ...(probes.length > 0 ? { probes } : {}),
    };
  });
  return {
    id: stored.id,
    name: stored.name,
    config: stored.config,
    status: stored.status,
    runs,
    startedAt: stored.createdAt,
    ...(stored.backend ? { backend: stored.backend } : {}),
    ...(stored.error ? { error: { code: stored.status === 'failed' ? 'failed' : 'stored-error', message: stored.error } } : {}),
  };
}

/**
 * A view as a stored comparison, with the records it holds: its epochs, its batch losses
 * (their epochs as `assignEpochs` gives them, as they were saved), its runs' results and
 * the probe samples it shows (thinned when long: the repository keeps them all). For a
 * new comparison that is the empty record to create; for one on screen, what its CSV
 * files are written from.
 */
export function storedFromView(view: ComparisonView, now: string): StoredComparison {
  const points = view.runs.flatMap((run) => run.steps.map((step, i) => ({ runId: run.id, step, loss: run.losses[i]! })));
  return {
    version: STORED_COMPARISON_VERSION,
    id: view.id,
    name: view.name,
    createdAt: view.startedAt,
    updatedAt: now,
    status: view.status,
    config: view.config,
    dataset: view.config.dataset.name,
    ...(view.backend ? { backend: view.backend } : {}),
    results: Object.fromEntries(view.runs.flatMap((run) => (run.result ? [[run.id, run.result]] : []))),
    epochs: view.runs.flatMap((run) => run.epochs),
    batches: assignEpochs(points, view.runs),
    probes: view.runs.flatMap((run) => run.probes ?? []),
    ...(view.error ? { error: view.error.message } : {}),
  };
}

/** A comparison that stopped before its end, and can go on from its checkpoint. */
const RESUMABLE: ReadonlySet<ComparisonStatus> = new Set(['interrupted', 'cancelled', 'failed']);

/**
 * The epoch a comparison (a view or a history summary) can be resumed from, or
 * undefined when it cannot: it is running or finished, or it has no checkpoint yet.
 */
export function resumableEpoch(comparison: { readonly status: ComparisonStatus; readonly resumableFromEpoch?: number }): number | undefined {
  return RESUMABLE.has(comparison.status) ? comparison.resumableFromEpoch : undefined;
}

export function canBeResumed(status: ComparisonStatus): boolean {
  return RESUMABLE.has(status);
}

/** Runs whose result stands at the checkpoint (they had ended); the others train on. */
export function endedRuns(checkpoint: ComparisonCheckpoint): string[] {
  return checkpoint.runs.filter((run) => run.status !== 'running').map((run) => run.runId);
}

/**
 * A stored comparison taken back to its checkpoint, as the repository's `rewind` leaves
 * it: the epochs the checkpoint covers and their batch losses, the results of runs that
 * had ended by then, running again, without the error that stopped it.
 */
export function rewoundToCheckpoint(stored: StoredComparison, checkpoint: ComparisonCheckpoint): StoredComparison {
  const upTo = checkpoint.epochsCompleted;
  const ended = new Set(endedRuns(checkpoint));
  const { error: _error, ...rest } = stored;
  return {
    ...rest,
    status: 'running',
    epochs: stored.epochs.filter((record) => record.epoch <= upTo),
    batches: stored.batches.filter((record) => record.epoch <= upTo),
    probes: stored.probes.filter((sample) => sample.epoch <= upTo),
    results: Object.fromEntries(Object.entries(stored.results).filter(([runId]) => ended.has(runId))),
  };
}
