/**
 * The trials table's rows, best first (rankTrials): each trial's varied values, how it
 * ended and its numbers, as the text a person reads. Pure.
 */
import { targetMode } from '../../../../engine/training/stop-rule';
import type { StopRuleSpec } from '../../../../engine/training/types';
import { OBJECTIVE_INFO, rankTrials, type Objective, type RankedTrial } from '../../../../engine/sweeps/objective';
import type { TrialOutcome } from '../../../../engine/sweeps/outcome';
import type { Trial } from '../../../../engine/sweeps/trials';
import { formatValue } from '../../live-charts/format';
import { trialValue, valueTextOf } from './sweep-model';

export interface TrialRow extends RankedTrial {
  readonly trial: Trial;
  readonly outcome?: TrialOutcome;
  /** The varied values, in the sweep's order. */
  readonly values: readonly string[];
  /** "12.3 s (epoch 4)", "not reached (best 0.93)", "diverged at step 17", "waiting". */
  readonly result: string;
}

const seconds = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} s`;

export function resultText(ranked: RankedTrial, outcome: TrialOutcome | undefined, objective: Objective): string {
  switch (ranked.verdict) {
    case 'pending':
      return 'waiting';
    case 'failed':
      return 'failed';
    case 'diverged': {
      const step = outcome?.divergedAtStep ?? (outcome?.target?.outcome === 'diverged' ? outcome.target.step : undefined);
      return step !== undefined ? `diverged at step ${step}` : 'diverged';
    }
    case 'not-reached': {
      const best = outcome?.target?.outcome === 'not-reached' ? outcome.target.best : undefined;
      const why = outcome?.stoppedBy === 'time-limit' ? 'time limit' : 'epochs used up';
      return `not reached (${why}${best !== undefined ? `, best ${formatValue(best)}` : ''})`;
    }
    case 'no-value':
      return `no ${OBJECTIVE_INFO[objective].label}`;
    case 'value':
      if (objective === 'time-to-target' && outcome?.target?.outcome === 'reached') return `${seconds(ranked.value!)} (epoch ${outcome.target.epoch}, step ${outcome.target.step})`;
      return formatValue(ranked.value);
  }
}

export function trialRows(options: {
  readonly trials: readonly Trial[];
  readonly params: readonly string[];
  readonly outcomes: Readonly<Record<string, TrialOutcome>>;
  readonly objective: Objective;
  readonly stopRule?: StopRuleSpec;
}): TrialRow[] {
  const { trials, params, outcomes, objective } = options;
  const metric = options.stopRule?.target?.metric;
  const ranked = rankTrials(trials.map((t) => t.id), outcomes, objective, metric ? targetMode(metric) : 'max');
  const byId = new Map(trials.map((trial) => [trial.id, trial]));
  return ranked.map((rank) => {
    const trial = byId.get(rank.id)!;
    const outcome = outcomes[rank.id];
    return {
      ...rank,
      trial,
      ...(outcome ? { outcome } : {}),
      values: params.map((param) => {
        const value = trialValue(trial, param);
        return value === undefined ? '–' : valueTextOf(param, value);
      }),
      result: resultText(rank, outcome, objective),
    };
  });
}
