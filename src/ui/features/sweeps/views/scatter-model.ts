/**
 * E3's point plots for the "prod" regression: the training points coloured by their
 * target, and the test points coloured by a run's prediction. The points are generated
 * again here from the sweep's seed, exactly as the worker made them (the sets are pure
 * functions of their options), so only the predictions travel. Pure.
 */
import type { ExperimentPlan } from '../../../../engine/experiment/config';
import { makeSyntheticSplit, prepareComparisonData, syntheticDefaults } from '../../../../engine/experiment/prepare-data';
import type { Dataset } from '../../../../engine/data/types';

export interface ScatterPoint {
  readonly x1: number;
  readonly x2: number;
  readonly value: number;
}

/** At most this many points drawn per plot (SVG circles): the rest add no information. */
export const MAX_POINTS = 1000;

function points(dataset: Dataset, values: ArrayLike<number>, limit: number): ScatterPoint[] {
  const count = Math.min(limit, dataset.count, values.length);
  return Array.from({ length: count }, (_, i) => ({ x1: dataset.inputs[2 * i]!, x2: dataset.inputs[2 * i + 1]!, value: values[i]! }));
}

/** The sets a 'prod' sweep trains and tests on, or undefined for another dataset. */
export function prodSets(plan: ExperimentPlan): { train: Dataset; test: Dataset } | undefined {
  if (plan.dataset.name !== 'prod') return undefined;
  const split = makeSyntheticSplit('prod', plan.dataset.count ?? syntheticDefaults.prod, plan.spec.seed);
  const data = prepareComparisonData(plan, split);
  return data.test ? { train: data.train, test: data.test } : undefined;
}

export function targetPoints(train: Dataset): ScatterPoint[] {
  return points(train, train.targets, MAX_POINTS);
}

/** The test points with a run's predictions (which cover the first test samples, in order). */
export function predictionPoints(test: Dataset, predictions: ArrayLike<number>): ScatterPoint[] {
  return points(test, predictions, MAX_POINTS);
}
