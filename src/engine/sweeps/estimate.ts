/**
 * How long a sweep will take, before it starts: every trial's steps times a measured
 * cost per step. In a lock-step group the runs share the backend, so the groups' times
 * add up to the sum of the trials' own times.
 *
 *   steps(trial) = epochs · ⌊train / batch⌋   (epochs capped by the stop rule's limit)
 *   cost(batch)  = c₀ · max(1, batch / b₀)   (c₀ measured at batch b₀: a smaller batch
 *                                            is not assumed cheaper, a larger one costs
 *                                            in proportion)
 *   time(trial)  = min(steps · cost, maxSeconds)
 *
 * Trials that reach their target stop sooner, so with a target this is an upper bound.
 * Evaluation (validation, test) is not counted.
 */
import type { ExperimentConfigInput, ExperimentPlan } from '../experiment/config';
import { syntheticDefaults, isSyntheticDataset } from '../experiment/prepare-data';
import type { SweepPlan } from './sweep-config';
import type { TrialOutcome } from './outcome';

/** A measured cost: seconds per training step of one run at a batch size, and where it came from. */
export interface StepRate {
  readonly secondsPerStep: number;
  readonly batchSize: number;
  /** e.g. 'calibration on webgl', 'this sweep's finished trials'. */
  readonly source: string;
}

export interface SweepEstimate {
  readonly seconds: number;
  readonly steps: number;
  /** Some trials stop at their target, so they may take less. */
  readonly upperBound: boolean;
}

/** Measured rates are kept per dataset, architecture and backend. */
export function rateKey(base: Pick<ExperimentConfigInput, 'dataset' | 'architecture'>, backend: string | undefined): string {
  return `${base.dataset.name}|${base.architecture}|${backend ?? 'unknown backend'}`;
}

/** The official training sets' sizes (reference-experiments.md), for an estimate before the set is loaded. */
export const OFFICIAL_TRAIN_COUNTS = { 'fashion-mnist': 60_000, 'cifar-10': 50_000 } as const;

/** Training samples after the subset and the validation split, from the set's full size. */
export function trainingSetSize(plan: ExperimentPlan, fullTrainCount?: number): number {
  const { dataset } = plan;
  const full = fullTrainCount ?? (isSyntheticDataset(dataset.name) ? (dataset.count ?? syntheticDefaults[dataset.name]) : OFFICIAL_TRAIN_COUNTS[dataset.name]);
  const count = dataset.subset !== undefined ? Math.min(dataset.subset, full) : full;
  const validation = dataset.validation;
  if (validation === undefined || validation === 'test') return count;
  return count - (validation < 1 ? Math.round(validation * count) : Math.round(validation));
}

export function stepCost(rate: StepRate, batchSize: number): number {
  return rate.secondsPerStep * Math.max(1, batchSize / rate.batchSize);
}

export function estimateSweep(plan: SweepPlan, trainCount: number, rate: StepRate): SweepEstimate {
  const { spec } = plan.basePlan;
  const rule = spec.stopRule;
  const epochs = Math.min(spec.epochs, rule?.maxEpochs ?? Number.POSITIVE_INFINITY);
  let seconds = 0;
  let steps = 0;
  for (const trial of plan.trials) {
    const requested = trial.run.batchSize ?? spec.batchSize;
    const batch = requested === 'full' ? trainCount : Math.min(requested, trainCount);
    const trialSteps = epochs * Math.floor(trainCount / Math.max(1, batch));
    steps += trialSteps;
    seconds += Math.min(trialSteps * stepCost(rate, batch), rule?.maxSeconds ?? Number.POSITIVE_INFINITY);
  }
  return { seconds, steps, upperBound: rule?.target !== undefined };
}

/**
 * The cost per step measured by finished trials: the median over trials of the most
 * common batch size (a median, so a trial slowed by the page, or one that compiled the
 * kernels, does not decide it). Undefined when no trial has trained a step.
 */
export function rateFromOutcomes(outcomes: readonly TrialOutcome[], source: string): StepRate | undefined {
  const measured = outcomes.filter((o): o is TrialOutcome & { batchSize: number } => o.steps > 0 && o.seconds > 0 && typeof o.batchSize === 'number');
  if (measured.length === 0) return undefined;
  const counts = new Map<number, number>();
  measured.forEach((o) => counts.set(o.batchSize, (counts.get(o.batchSize) ?? 0) + 1));
  const batchSize = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  const perStep = measured.filter((o) => o.batchSize === batchSize).map((o) => o.seconds / o.steps).sort((a, b) => a - b);
  const middle = perStep.length >> 1;
  const secondsPerStep = perStep.length % 2 ? perStep[middle]! : (perStep[middle - 1]! + perStep[middle]!) / 2;
  return { secondsPerStep, batchSize, source };
}
