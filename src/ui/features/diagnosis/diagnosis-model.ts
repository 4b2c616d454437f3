/**
 * The diagnosis of the comparison on screen: the engine's detectors (plain functions,
 * no tfjs) run on each run's records and probe samples. A run whose records did not
 * change keeps its notices without running the detectors again.
 */
import type { ComparisonView, RunView } from '../../../client/types';
import { diagnoseRun, runRecordsFor, type Notice } from '../../../engine/diagnosis';

export interface RunDiagnosis {
  readonly runId: string;
  readonly label: string;
  /** The run's place in the comparison: its colour. */
  readonly runIndex: number;
  readonly notices: readonly Notice[];
}

/** Notices per RunView object: views are immutable, so an unchanged run is the same object. */
const cache = new WeakMap<RunView, readonly Notice[]>();

function noticesOf(comparison: ComparisonView, run: RunView, index: number): readonly Notice[] {
  const cached = cache.get(run);
  if (cached) return cached;
  const notices = index < comparison.config.runs.length ? diagnoseRun(runRecordsFor(comparison.config, index, { ...run, probes: run.probes ?? [] })) : [];
  cache.set(run, notices);
  return notices;
}

/** Every run's notices, in the comparison's order (runs without any included, with none). */
export function diagnoseComparison(comparison: ComparisonView): RunDiagnosis[] {
  return comparison.runs.map((run, runIndex) => ({ runId: run.id, label: run.label, runIndex, notices: noticesOf(comparison, run, runIndex) }));
}
