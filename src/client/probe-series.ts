/**
 * Probe samples in the views React draws, bounded: a run keeps at most MAX_PROBES_PER_RUN
 * samples, and when a new one would pass that, every other older sample goes (the first
 * and the latest stay), so a long run keeps an even, coarser picture of its whole history.
 * IndexedDB keeps every sample; only the view is thinned.
 */
import type { ProbeSample } from '../engine/training/probe-types';
import type { ComparisonView, RunView } from './types';

export const MAX_PROBES_PER_RUN = 400;

/** `samples` thinned to at most `max`: every other one dropped, first and last kept, until they fit. */
export function thinned<T>(samples: readonly T[], max = MAX_PROBES_PER_RUN): readonly T[] {
  let kept = samples;
  while (kept.length > max && max >= 2) {
    const last = kept.at(-1)!;
    kept = [...kept.filter((_, i) => i % 2 === 0 && i !== kept.length - 1), last];
  }
  return kept;
}

function withSamples(run: RunView, samples: readonly ProbeSample[]): RunView {
  return samples.length === 0 ? run : { ...run, probes: thinned([...(run.probes ?? []), ...samples]) };
}

/** Adds probe samples to their runs: new objects only for the runs that got some. */
export function appendProbes(view: ComparisonView, samples: readonly ProbeSample[]): ComparisonView {
  if (samples.length === 0) return view;
  return { ...view, runs: view.runs.map((run) => withSamples(run, samples.filter((s) => s.runId === run.id))) };
}

/** Probe samples for each run of a view built from stored records (sorted by step). */
export function probesOf(runId: string, samples: readonly ProbeSample[]): readonly ProbeSample[] {
  return thinned(samples.filter((s) => s.runId === runId).sort((a, b) => a.step - b.step));
}
