/**
 * How long a sweep will take: every trial's steps times a measured cost per step, its
 * evaluations, and each lock-step group's fixed cost. In a group the runs share the
 * backend, so a group's wall time is the sum of its trials' own times plus its setup.
 *
 *   steps(trial) = epochs · ⌊train / batch⌋   (epochs capped by the stop rule's limit)
 *   cost(batch)  = c₀ · max(1, batch / b₀)   (c₀ measured at batch b₀: a smaller batch
 *                                            is not assumed cheaper, a larger one costs
 *                                            in proportion)
 *   eval(n)      = e₀ · max(1, n / n₀)        (e₀ seconds measured evaluating n₀ samples)
 *   time(trial)  = min(steps · cost, maxSeconds) + epochs · eval(validation) + eval(test)
 *   time(sweep)  = Σ time(trial) + groups · g   (g: a group's setup and warm-up)
 *
 * Trials that reach their target stop sooner, so with a target this is an upper bound.
 * A rate measured by a finished sweep (`rateFromOutcomes`) is wall time per step with
 * everything folded in, so it has no e₀ or g of its own.
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
  /** One evaluation's seconds (validation or test) over `evalSamples` samples. */
  readonly evalSeconds?: number;
  readonly evalSamples?: number;
  /** Each lock-step group's fixed seconds: building models, compiling kernels, a first slow epoch. */
  readonly groupSeconds?: number;
}

export interface SweepEstimate {
  readonly seconds: number;
  readonly steps: number;
  /** Of `seconds`: evaluation and the groups' setup. */
  readonly overheadSeconds: number;
  /** Some trials stop at their target, so they may take less. */
  readonly upperBound: boolean;
}

/** Measured rates are kept per dataset, architecture and backend. */
export function rateKey(base: Pick<ExperimentConfigInput, 'dataset' | 'architecture'>, backend: string | undefined): string {
  return `${base.dataset.name}|${base.architecture}|${backend ?? 'unknown backend'}`;
}

/** The official training sets' sizes (reference-experiments.md), for an estimate before the set is loaded. */
export const OFFICIAL_TRAIN_COUNTS = { 'fashion-mnist': 60_000, 'cifar-10': 50_000 } as const;
export const OFFICIAL_TEST_COUNTS = { 'fashion-mnist': 10_000, 'cifar-10': 10_000 } as const;

export interface DatasetSizes {
  readonly train: number;
  /** Evaluated after every epoch; 0 without validation. */
  readonly validation: number;
  /** Evaluated once, when a run ends. */
  readonly test: number;
}

function fullCounts(name: ExperimentPlan['dataset']['name'], count: number | undefined, fullTrainCount: number | undefined): { train: number; test: number } {
  if (!isSyntheticDataset(name)) return { train: fullTrainCount ?? OFFICIAL_TRAIN_COUNTS[name], test: OFFICIAL_TEST_COUNTS[name] };
  const train = fullTrainCount ?? count ?? syntheticDefaults[name];
  // A synthetic set's test set is a fifth of its training set (prepare-data.ts).
  return { train, test: Math.max(1, Math.round(train / 5)) };
}

/** Training, validation and test samples after the subsets and the validation split, from the set's full size. */
export function datasetSizes(plan: ExperimentPlan, fullTrainCount?: number): DatasetSizes {
  const { dataset } = plan;
  const { train: full, test: fullTest } = fullCounts(dataset.name, dataset.count, fullTrainCount);
  const test = Math.min(dataset.testSubset ?? fullTest, fullTest);
  const count = dataset.subset !== undefined ? Math.min(dataset.subset, full) : full;
  const { validation } = dataset;
  if (validation === undefined) return { train: count, validation: 0, test };
  if (validation === 'test') return { train: count, validation: test, test };
  const held = validation < 1 ? Math.round(validation * count) : Math.round(validation);
  return { train: count - held, validation: held, test };
}

/** Training samples after the subset and the validation split. */
export function trainingSetSize(plan: ExperimentPlan, fullTrainCount?: number): number {
  return datasetSizes(plan, fullTrainCount).train;
}

export function stepCost(rate: StepRate, batchSize: number): number {
  return rate.secondsPerStep * Math.max(1, batchSize / rate.batchSize);
}

/** Seconds to evaluate `samples` samples once; 0 without a measured evaluation. */
export function evaluationCost(rate: StepRate, samples: number): number {
  if (samples <= 0 || rate.evalSeconds === undefined) return 0;
  return rate.evalSeconds * Math.max(1, samples / Math.max(1, rate.evalSamples ?? samples));
}

export function estimateSweep(plan: SweepPlan, sizes: DatasetSizes, rate: StepRate): SweepEstimate {
  const { spec } = plan.basePlan;
  const rule = spec.stopRule;
  const trainCount = sizes.train;
  const epochs = Math.min(spec.epochs, rule?.maxEpochs ?? Number.POSITIVE_INFINITY);
  const evaluation = epochs * evaluationCost(rate, sizes.validation) + evaluationCost(rate, sizes.test);
  const groups = Math.ceil(plan.trials.length / plan.groupSize);
  let training = 0;
  let steps = 0;
  for (const trial of plan.trials) {
    const requested = trial.run.batchSize ?? spec.batchSize;
    const batch = requested === 'full' ? trainCount : Math.min(requested, trainCount);
    const trialSteps = epochs * Math.floor(trainCount / Math.max(1, batch));
    steps += trialSteps;
    training += Math.min(trialSteps * stepCost(rate, batch), rule?.maxSeconds ?? Number.POSITIVE_INFINITY);
  }
  const overheadSeconds = plan.trials.length * evaluation + groups * (rate.groupSeconds ?? 0);
  return { seconds: training + overheadSeconds, steps, overheadSeconds, upperBound: rule?.target !== undefined };
}

/**
 * The wall time per step measured by finished trials: their share of their groups' wall
 * time (setup, evaluation and saving included) over their steps, a step at batch b
 * counted as max(1, b / b₀) steps at the most common batch size b₀. Trials' own training
 * seconds overlap within a group (they wait on one backend together), so summing them
 * would count a group's time once per trial. Undefined when no trial has a wall time.
 */
export function rateFromOutcomes(outcomes: readonly TrialOutcome[], source: string): StepRate | undefined {
  const measured = outcomes.filter((o): o is TrialOutcome & { batchSize: number; wallSeconds: number } => o.steps > 0 && (o.wallSeconds ?? 0) > 0 && typeof o.batchSize === 'number');
  if (measured.length === 0) return undefined;
  const counts = new Map<number, number>();
  measured.forEach((o) => counts.set(o.batchSize, (counts.get(o.batchSize) ?? 0) + 1));
  const batchSize = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  const wall = measured.reduce((sum, o) => sum + o.wallSeconds, 0);
  const units = measured.reduce((sum, o) => sum + o.steps * Math.max(1, o.batchSize / batchSize), 0);
  return { secondsPerStep: wall / units, batchSize, source };
}

/**
 * A group's wall time shared among its trials, in proportion to their own training
 * seconds (equally if none has any): the shares add up to the group's wall time.
 */
export function shareWallTime<T extends Pick<TrialOutcome, 'seconds'>>(outcomes: Readonly<Record<string, T>>, wallSeconds: number): Record<string, T & { wallSeconds: number }> {
  const entries = Object.entries(outcomes);
  const own = entries.reduce((sum, [, o]) => sum + o.seconds, 0);
  return Object.fromEntries(entries.map(([id, o]) => [id, { ...o, wallSeconds: wallSeconds * (own > 0 ? o.seconds / own : 1 / entries.length) }]));
}
