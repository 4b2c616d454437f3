/**
 * A whole sweep in one process (Node: `npm run experiment`, `npm run bench:sweep`,
 * tests): its groups one after another, each a comparison of at most `groupSize` runs
 * in lock-step, so memory stays that of one group. The browser lab runs the same groups
 * through its store instead, one saved comparison each.
 */
import type { TrainTestSplit } from '../data/types';
import { parseExperiment } from '../experiment/config';
import { runExperiment } from '../experiment/run-experiment';
import type { ComparisonCallbacks, EpochRecord } from '../training/types';
import { trialOutcome, type TrialOutcome } from './outcome';
import { groupConfigs, type SweepPlan, type TrialGroup } from './sweep-config';

export interface SweepRunOptions {
  readonly plan: SweepPlan;
  readonly split: TrainTestSplit;
  readonly signal?: AbortSignal;
  readonly onGroupStart?: (group: TrialGroup, groups: number) => void;
  readonly onTrialEnd?: (trialId: string, outcome: TrialOutcome) => void;
  /** Passed to every group's comparison (progress bars). */
  readonly callbacks?: Pick<ComparisonCallbacks, 'onProgress'>;
}

export interface SweepRunResult {
  readonly outcomes: Readonly<Record<string, TrialOutcome>>;
  readonly seconds: number;
}

export async function runSweep(options: SweepRunOptions): Promise<SweepRunResult> {
  const { plan, split, signal } = options;
  const started = performance.now();
  const outcomes: Record<string, TrialOutcome> = {};
  const groups = groupConfigs(plan);
  for (const group of groups) {
    if (signal?.aborted) break;
    options.onGroupStart?.(group, groups.length);
    const groupPlan = parseExperiment(group.config);
    const epochs = new Map<string, EpochRecord[]>();
    await runExperiment({
      plan: groupPlan,
      split,
      signal,
      callbacks: {
        ...options.callbacks,
        onEpoch: (record) => void (epochs.get(record.runId) ?? epochs.set(record.runId, []).get(record.runId)!).push(record),
        onRunEnd: (result) => {
          const run = groupPlan.spec.runs.find((r) => r.id === result.runId)!;
          const outcome = trialOutcome({ result, epochs: epochs.get(result.runId) ?? [], batchSize: run.batchSize ?? groupPlan.spec.batchSize });
          outcomes[result.runId] = outcome;
          options.onTrialEnd?.(result.runId, outcome);
        },
      },
    });
  }
  return { outcomes, seconds: (performance.now() - started) / 1000 };
}
