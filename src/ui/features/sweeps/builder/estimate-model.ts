/**
 * How many runs a sweep makes and how long they should take, in words, from the rate
 * measured here for its dataset, architecture and backend (a calibration, or finished
 * trials), or none yet. Pure.
 */
import { estimateSweep, rateKey, trainingSetSize, type StepRate } from '../../../../engine/sweeps/estimate';
import type { TrialOutcome } from '../../../../engine/sweeps/outcome';
import type { SweepPlan } from '../../../../engine/sweeps/sweep-config';
import { formatDuration } from '../../progress/progress-model';

export interface SweepEstimateView {
  readonly runs: number;
  readonly groups: number;
  readonly rate?: StepRate;
  readonly seconds?: number;
  readonly upperBound: boolean;
  readonly key: string;
}

export function sweepEstimate(options: {
  readonly plan: SweepPlan;
  readonly rates: Readonly<Record<string, StepRate>>;
  readonly backend?: string;
  readonly fullTrainCount?: number;
  /** Only the trials without an outcome yet (a running sweep's time left). */
  readonly done?: Readonly<Record<string, TrialOutcome>>;
}): SweepEstimateView {
  const { plan, done } = options;
  const trials = done ? plan.trials.filter((trial) => !done[trial.id]) : plan.trials;
  const key = rateKey(plan.base, options.backend);
  const rate = options.rates[key];
  const groups = Math.ceil(plan.trials.length / plan.groupSize);
  if (!rate) return { runs: trials.length, groups, upperBound: false, key };
  const estimate = estimateSweep({ ...plan, trials }, trainingSetSize(plan.basePlan, options.fullTrainCount), rate);
  return { runs: trials.length, groups, rate, seconds: estimate.seconds, upperBound: estimate.upperBound, key };
}

/** "about 4 min 10 s (at most: …), from a calibration on webgl: 2.1 ms per step at batch 50". */
export function estimateText(view: SweepEstimateView): string {
  if (view.seconds === undefined || !view.rate) return '';
  const bound = view.upperBound ? ' at most (runs that reach the target stop sooner)' : '';
  const perStep = view.rate.secondsPerStep * 1000;
  return `about ${formatDuration(view.seconds)}${bound}, from ${view.rate.source}: ${perStep < 10 ? perStep.toFixed(2) : perStep.toFixed(1)} ms per step at batch ${view.rate.batchSize}`;
}
