import { describe, expect, it } from 'vitest';
import type { ProbeSample } from '../engine/training/probe-types';
import { appendProbes, MAX_PROBES_PER_RUN, thinned } from './probe-series';
import type { ComparisonView } from './types';

const sample = (runId: string, step: number): ProbeSample => ({ runId, step, epoch: 1, learningRate: 0.001, input: { min: 0, max: 1, mean: 0.5, std: 0.3 }, layers: [] });

const view: ComparisonView = {
  id: 'c1',
  name: 'c',
  config: { name: 'c', dataset: { name: 'spiral' }, architecture: 'dense', training: { epochs: 1, batchSize: 8 }, runs: [] },
  status: 'running',
  runs: [
    { id: 'a', label: 'a', steps: [], losses: [], epochs: [] },
    { id: 'b', label: 'b', steps: [], losses: [], epochs: [] },
  ],
  startedAt: '2025-01-01T00:00:00Z',
};

describe('probe samples in the view', () => {
  it('go to their own runs; a run that got none keeps its identity', () => {
    const next = appendProbes(view, [sample('a', 1), sample('a', 20)]);
    expect(next.runs[0]!.probes!.map((p) => p.step)).toEqual([1, 20]);
    expect(next.runs[1]).toBe(view.runs[1]);
    expect(appendProbes(view, [])).toBe(view);
  });

  it('stay within the bound, evenly thinned, keeping the first and the latest', () => {
    const steps = Array.from({ length: MAX_PROBES_PER_RUN + 1 }, (_, i) => i + 1);
    const kept = thinned(steps);
    expect(kept.length).toBeLessThanOrEqual(MAX_PROBES_PER_RUN);
    expect(kept[0]).toBe(1);
    expect(kept.at(-1)).toBe(MAX_PROBES_PER_RUN + 1);
    expect(kept[1]! - kept[0]!).toBe(2);
    let grown = view;
    for (const step of steps) grown = appendProbes(grown, [sample('a', step)]);
    expect(grown.runs[0]!.probes!.length).toBeLessThanOrEqual(MAX_PROBES_PER_RUN);
    expect(grown.runs[0]!.probes!.at(-1)!.step).toBe(MAX_PROBES_PER_RUN + 1);
  });
});
