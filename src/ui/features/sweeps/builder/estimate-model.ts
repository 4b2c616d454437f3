/**
 * How many runs a sweep makes and how long they should take, in words, from the rate
 * measured here for its dataset, architecture and backend (a calibration, or finished
 * trials' wall time), or none yet. Pure.
 */
import { datasetSizes, estimateSweep, rateKey, type StepRate } from '../../../../engine/sweeps/estimate';
import type { TrialOutcome } from '../../../../engine/sweeps/outcome';
import type { SweepPlan } from '../../../../engine/sweeps/sweep-config';
import { formatDuration } from '../../progress/progress-model';

export interface SweepEstimateView {
  readonly runs: number;
  readonly groups: number;
  readonly rate?: StepRate;
  readonly seconds?: number;
  /** Of `seconds`: evaluation and the groups' setup, where the rate counts them apart. */
  readonly overheadSeconds?: number;
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
  const estimate = estimateSweep({ ...plan, trials }, datasetSizes(plan.basePlan, options.fullTrainCount), rate);
  return { runs: trials.length, groups, rate, seconds: estimate.seconds, overheadSeconds: estimate.overheadSeconds, upperBound: estimate.upperBound, key };
}

/** "about 4 min 10 s (20 s of it evaluation and setup), from a calibration on webgl: 2.10 ms per step at batch 50". */
export function estimateText(view: SweepEstimateView): string {
  if (view.seconds === undefined || !view.rate) return '';
  const bound = view.upperBound ? ' at most (runs that reach the target stop sooner)' : '';
  const overhead = view.overheadSeconds ? ` (${formatDuration(view.overheadSeconds)} of it evaluation and setup)` : '';
  const perStep = view.rate.secondsPerStep * 1000;
  // A rate without costs of its own for evaluation and setup is a finished sweep's wall time, all in.
  const allIn = view.rate.evalSeconds === undefined && view.rate.groupSeconds === undefined;
  const unit = allIn ? 'ms of wall time per step (evaluation and setup included)' : 'ms per step';
  return `about ${formatDuration(view.seconds)}${overhead}${bound}, from ${view.rate.source}: ${perStep < 10 ? perStep.toFixed(2) : perStep.toFixed(1)} ${unit} at batch ${view.rate.batchSize}`;
}
