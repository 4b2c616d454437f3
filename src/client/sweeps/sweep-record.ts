/**
 * Pure steps on a stored sweep: a new record for a plan, its groups' comparison configs
 * from its own (stored) trials, a finished group's outcomes from that comparison's view,
 * and which group trains next. Each returns a new record; nothing here saves.
 */
import type { ExperimentConfigInput } from '../../engine/experiment/config';
import { groupConfigs, type SweepConfigInput, type SweepPlan, type TrialGroup } from '../../engine/sweeps/sweep-config';
import { trialOutcome, type TrialOutcome } from '../../engine/sweeps/outcome';
import type { BackendReport } from '../../protocol/messages';
import { STORED_SWEEP_VERSION, type StoredSweep, type StoredSweepGroup } from '../../persistence/sweep-types';
import type { ComparisonView } from '../types';

export function newStoredSweep(options: { id: string; plan: SweepPlan; config: SweepConfigInput; now: string; backend?: BackendReport }): StoredSweep {
  const { plan } = options;
  return {
    version: STORED_SWEEP_VERSION,
    id: options.id,
    name: plan.name,
    createdAt: options.now,
    updatedAt: options.now,
    status: 'running',
    config: options.config,
    trials: plan.trials,
    groups: Array.from({ length: Math.ceil(plan.trials.length / plan.groupSize) }, () => ({ status: 'waiting' as const })),
    outcomes: {},
    ...(options.backend ? { backend: options.backend } : {}),
  };
}

/** The sweep's groups, built from the trials it stored (not a fresh expansion). */
export function groupsOf(sweep: StoredSweep, plan: SweepPlan): TrialGroup[] {
  return groupConfigs({ name: sweep.name, base: plan.base, trials: sweep.trials, groupSize: plan.groupSize });
}

/** The first group that is not done, or undefined when the sweep is complete. */
export function nextGroup(sweep: StoredSweep): number | undefined {
  const index = sweep.groups.findIndex((group) => group.status !== 'done');
  return index === -1 ? undefined : index;
}

export function withGroup(sweep: StoredSweep, index: number, group: StoredSweepGroup): StoredSweep {
  return { ...sweep, groups: sweep.groups.map((g, i) => (i === index ? group : g)) };
}

/** Where each trial of a group stands once its comparison ended, by trial id. */
export function outcomesOf(view: ComparisonView, config: ExperimentConfigInput, failure?: string): Record<string, TrialOutcome> {
  const outcomes: Record<string, TrialOutcome> = {};
  config.runs.forEach((run) => {
    const runView = view.runs.find((r) => r.id === run.id);
    if (!runView || !run.id) return;
    outcomes[run.id] = trialOutcome({ result: runView.result, epochs: runView.epochs, batchSize: run.batchSize ?? config.training.batchSize, failure });
  });
  return outcomes;
}

/** The group a trial trains in. */
export function groupOfTrial(sweep: StoredSweep, plan: SweepPlan, trialId: string): number | undefined {
  const index = sweep.trials.findIndex((trial) => trial.id === trialId);
  return index === -1 ? undefined : Math.floor(index / plan.groupSize);
}
