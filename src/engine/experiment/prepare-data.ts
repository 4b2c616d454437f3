import { hashSeed } from '../../lib/rng';
import { splitTrainValidation, takeSubset } from '../data/split';
import { makeProdRegression, makeSpiral } from '../data/synthetic';
import type { Dataset, TrainTestSplit } from '../data/types';
import type { ComparisonData } from '../training/comparison';
import type { ExperimentPlan } from './config';

const syntheticMakers = {
  prod: (count: number, seed: number) => makeProdRegression({ count, seed }),
  spiral: (count: number, seed: number) => makeSpiral({ count, seed }),
} as const;

export const syntheticDefaults = { prod: 2500, spiral: 1000 } as const;

export function isSyntheticDataset(name: string): name is keyof typeof syntheticMakers {
  return name in syntheticMakers;
}

/** A synthetic set needs no files: train and test are drawn from independent seeds. */
export function makeSyntheticSplit(name: keyof typeof syntheticMakers, count: number, seed: number): TrainTestSplit {
  const make = syntheticMakers[name];
  return {
    train: make(count, hashSeed(seed, name, 'train')),
    test: make(Math.max(1, Math.round(count / 5)), hashSeed(seed, name, 'test')),
  };
}

/**
 * Applies the plan's subset and validation split, seeded, so that every run and every
 * repeat of the experiment sees the same samples.
 */
export function prepareComparisonData(plan: ExperimentPlan, split: TrainTestSplit): ComparisonData {
  const { dataset, spec } = plan;
  let train: Dataset = split.train;
  if (dataset.subset !== undefined && dataset.subset < train.count) {
    train = takeSubset(train, dataset.subset, hashSeed(spec.seed, 'subset'));
  }
  const test =
    dataset.testSubset !== undefined && dataset.testSubset < split.test.count
      ? takeSubset(split.test, dataset.testSubset, hashSeed(spec.seed, 'test-subset'))
      : split.test;
  let validation: Dataset | undefined;
  if (dataset.validation === 'test') {
    validation = test;
  } else if (dataset.validation !== undefined) {
    const parts = splitTrainValidation(train, {
      ...(dataset.validation < 1
        ? { validationFraction: dataset.validation }
        : { validationCount: Math.round(dataset.validation) }),
      seed: hashSeed(spec.seed, 'validation'),
    });
    train = parts.train;
    validation = parts.validation;
  }
  return { train, validation, test };
}
