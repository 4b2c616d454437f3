/**
 * What ranks a sweep's trials, and the verdict on each: a value, or why there is none.
 * A trial that diverged, failed or did not reach its target has no value: charts show
 * it as a gap or a marked point and tables rank it after every trial with a value,
 * never as a zero.
 */
import type { TrialOutcome } from './outcome';

export const OBJECTIVES = ['time-to-target', 'loss', 'val_loss', 'accuracy', 'val_accuracy', 'test_loss', 'test_accuracy'] as const;
export type Objective = (typeof OBJECTIVES)[number];

export interface ObjectiveInfo {
  readonly label: string;
  readonly mode: 'min' | 'max';
  readonly pick: (outcome: TrialOutcome) => number | undefined;
}

export const OBJECTIVE_INFO: { readonly [K in Objective]: ObjectiveInfo } = {
  'time-to-target': {
    label: 'time to target (s)',
    mode: 'min',
    pick: (o) => (o.target?.outcome === 'reached' ? o.target.seconds : undefined),
  },
  loss: { label: 'final loss', mode: 'min', pick: (o) => o.final.loss },
  val_loss: { label: 'final validation loss', mode: 'min', pick: (o) => o.final.valLoss },
  accuracy: { label: 'final accuracy', mode: 'max', pick: (o) => o.final.accuracy },
  val_accuracy: { label: 'final validation accuracy', mode: 'max', pick: (o) => o.final.valAccuracy },
  test_loss: { label: 'test loss', mode: 'min', pick: (o) => o.final.testLoss },
  test_accuracy: { label: 'test accuracy', mode: 'max', pick: (o) => o.final.testAccuracy },
};

export type Verdict = 'value' | 'not-reached' | 'diverged' | 'failed' | 'pending' | 'no-value';

export interface Judged {
  readonly verdict: Verdict;
  /** Only with verdict 'value': finite. */
  readonly value?: number;
}

export function judge(outcome: TrialOutcome | undefined, objective: Objective): Judged {
  if (!outcome) return { verdict: 'pending' };
  if (outcome.status === 'failed') return { verdict: 'failed' };
  if (outcome.status === 'diverged' || outcome.target?.outcome === 'diverged') return { verdict: 'diverged' };
  const value = OBJECTIVE_INFO[objective].pick(outcome);
  if (value !== undefined && Number.isFinite(value)) return { verdict: 'value', value };
  return { verdict: objective === 'time-to-target' ? 'not-reached' : 'no-value' };
}

export interface RankedTrial extends Judged {
  readonly id: string;
  /** 1-based, among trials with a value; undefined for the others. */
  readonly rank?: number;
  readonly best: boolean;
}

const VERDICT_ORDER: Readonly<Record<Verdict, number>> = { value: 0, 'not-reached': 1, 'no-value': 2, diverged: 3, failed: 4, pending: 5 };

/**
 * Trials best first: those with a value by it (ties keep the trials' order), then those
 * that did not reach the target, closest first (`targetMode`: 'max' when the target is an
 * accuracy, so a higher best is closer), then the rest by verdict.
 */
export function rankTrials(
  ids: readonly string[],
  outcomes: Readonly<Record<string, TrialOutcome>>,
  objective: Objective,
  targetMode: 'min' | 'max' = 'max',
): RankedTrial[] {
  const sign = OBJECTIVE_INFO[objective].mode === 'min' ? 1 : -1;
  const targetSign = targetMode === 'min' ? 1 : -1;
  const closest = (id: string): number | undefined => {
    const target = outcomes[id]?.target;
    return target?.outcome === 'not-reached' ? target.best : undefined;
  };
  const judged = ids.map((id, order) => ({ id, order, ...judge(outcomes[id], objective), closest: closest(id) }));
  judged.sort((a, b) => {
    const byVerdict = VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict];
    if (byVerdict !== 0) return byVerdict;
    if (a.verdict === 'value') return sign * (a.value! - b.value!) || a.order - b.order;
    if (a.closest !== undefined && b.closest !== undefined) return targetSign * (a.closest - b.closest) || a.order - b.order;
    return (a.closest === undefined ? 1 : 0) - (b.closest === undefined ? 1 : 0) || a.order - b.order;
  });
  let rank = 0;
  return judged.map(({ id, verdict, value }) => {
    const ranked = verdict === 'value' ? ++rank : undefined;
    return { id, verdict, ...(value !== undefined ? { value } : {}), ...(ranked !== undefined ? { rank: ranked } : {}), best: ranked === 1 };
  });
}
