import { describe, expect, it } from 'vitest';
import { calibrationConfig } from './calibration';
import { datasetSizes, estimateSweep, rateFromOutcomes, shareWallTime, stepCost, trainingSetSize } from './estimate';
import { trialOutcome, type TrialOutcome } from './outcome';
import { parseSweep, type SweepConfigInput } from './sweep-config';

const sweep = (training: Record<string, unknown>, dataset: Record<string, unknown> = { name: 'prod', count: 1000 }, groupSize = 3): SweepConfigInput => ({
  base: { name: 'b', dataset, architecture: 'dense', training: { epochs: 10, batchSize: 50, ...training }, runs: [{ optimizer: { name: 'sgd' } }] },
  grid: [{ param: 'batchSize', values: { kind: 'list', values: [25, 50, 100] } }],
  groupSize,
});
const rate = { secondsPerStep: 0.01, batchSize: 50, source: 'a calibration on webgl' };
const trainOnly = { train: 1000, validation: 0, test: 0 };

describe('the time estimate', () => {
  it('adds every trial’s steps at its batch size: a larger batch costs in proportion, a smaller one no less per step', () => {
    const plan = parseSweep(sweep({}));
    // 10 epochs of 1000 points: 400 steps at 25, 200 at 50, 100 at 100.
    const estimate = estimateSweep(plan, trainOnly, rate);
    expect(estimate.steps).toBe(400 + 200 + 100);
    expect(estimate.seconds).toBeCloseTo(400 * 0.01 + 200 * 0.01 + 100 * 0.02, 9);
    expect(estimate.overheadSeconds).toBe(0);
    expect(estimate.upperBound).toBe(false);
    expect(stepCost(rate, 200)).toBeCloseTo(0.04, 12);
  });

  it('caps each trial at the stop rule’s limits, and calls itself an upper bound with a target', () => {
    const plan = parseSweep(sweep({ stopRule: { target: { metric: 'loss', value: 0.01 }, maxSeconds: 1.5, maxEpochs: 5 } }));
    // 5 epochs: 200, 100 and 50 steps, 2 s, 1 s and 1 s; the first capped at 1.5 s.
    const estimate = estimateSweep(plan, trainOnly, rate);
    expect(estimate.seconds).toBeCloseTo(1.5 + 1 + 1, 9);
    expect(estimate.upperBound).toBe(true);
  });

  it('adds what a calibration measured beside the steps: each epoch’s validation, the test, and every group’s setup', () => {
    const plan = parseSweep(sweep({}, { name: 'prod', count: 1000 }, 2));
    const calibrated = { ...rate, evalSeconds: 0.1, evalSamples: 100, groupSeconds: 2 };
    // Per trial: 10 validations of 200 samples (0.2 s each) and a test of 50 (no cheaper than 100: 0.1 s).
    const estimate = estimateSweep(plan, { train: 1000, validation: 200, test: 50 }, calibrated);
    const evaluation = 3 * (10 * 0.2 + 0.1);
    const setup = 2 * 2;
    expect(estimate.overheadSeconds).toBeCloseTo(evaluation + setup, 9);
    expect(estimate.seconds).toBeCloseTo(8 + evaluation + setup, 9);
  });

  it('counts the training, validation and test sets after the subsets and the validation split', () => {
    expect(trainingSetSize(parseSweep(sweep({}, { name: 'prod', count: 1000, validation: 0.2 })).basePlan)).toBe(800);
    expect(datasetSizes(parseSweep(sweep({}, { name: 'prod', count: 1000, validation: 0.2 })).basePlan)).toEqual({ train: 800, validation: 200, test: 200 });
    expect(datasetSizes(parseSweep(sweep({}, { name: 'fashion-mnist', subset: 2000, validation: 'test', testSubset: 500 })).basePlan)).toEqual({ train: 2000, validation: 500, test: 500 });
    expect(datasetSizes(parseSweep(sweep({}, { name: 'fashion-mnist', validation: 12000 })).basePlan)).toEqual({ train: 48000, validation: 12000, test: 10000 });
  });
});

/** A finished trial whose own training seconds are `seconds`. */
const done = (seconds: number, steps: number, batchSize: number) =>
  trialOutcome({ result: { runId: 'x', label: 'x', status: 'completed', epochsCompleted: 1, trainSeconds: seconds }, epochs: [{ runId: 'x', epoch: 1, steps, loss: 1, trainSeconds: seconds, elapsedSeconds: seconds }], batchSize });

describe('a rate measured by a finished sweep', () => {
  // Two groups of two trials in lock-step: each trial's own seconds overlap its partner's
  // (both wait on one backend), so they add up to nearly twice each group's wall time.
  const groups: { wall: number; trials: Record<string, TrialOutcome> }[] = [
    { wall: 10, trials: { t1: done(9.5, 100, 50), t2: done(9, 100, 50) } },
    { wall: 12, trials: { t3: done(11, 100, 50), t4: done(11.5, 100, 50) } },
  ];
  const outcomes = groups.flatMap((g) => Object.values(shareWallTime(g.trials, g.wall)));

  it('shares each group’s wall time among its trials, in proportion to their own seconds', () => {
    const shares = shareWallTime(groups[0]!.trials, 10);
    expect(shares.t1!.wallSeconds + shares.t2!.wallSeconds).toBeCloseTo(10, 12);
    expect(shares.t1!.wallSeconds / shares.t2!.wallSeconds).toBeCloseTo(9.5 / 9, 12);
    expect(shareWallTime({ a: done(0, 0, 50), b: done(0, 0, 50) }, 4).a!.wallSeconds).toBe(2);
  });

  it('estimates the same sweep at its wall time, not at the sum of the overlapping trial times', () => {
    const measured = rateFromOutcomes(outcomes, 'finished trials')!;
    expect(measured).toEqual({ secondsPerStep: 22 / 400, batchSize: 50, source: 'finished trials' });
    const plan = parseSweep({ ...sweep({ epochs: 1, batchSize: 50 }, { name: 'prod', count: 5000 }, 2), grid: [{ param: 'learning_rate', values: { kind: 'list', values: [0.1, 0.01, 0.001, 0.0001] } }] });
    const estimate = estimateSweep(plan, { train: 5000, validation: 0, test: 0 }, measured);
    const overlapping = outcomes.reduce((sum, o) => sum + o.seconds, 0);
    expect(estimate.seconds).toBeCloseTo(10 + 12, 9);
    expect(overlapping).toBeGreaterThan(1.8 * estimate.seconds);
  });

  it('counts a larger batch’s step in proportion, at the most common batch size', () => {
    const mixed = [...outcomes, ...Object.values(shareWallTime({ t5: done(3, 10, 200) }, 4))];
    expect(rateFromOutcomes(mixed, 'x')!.secondsPerStep).toBeCloseTo((22 + 4) / (400 + 10 * 4), 12);
  });

  it('is unknown until a trial has trained, and from trials saved without a wall time', () => {
    expect(rateFromOutcomes(Object.values(shareWallTime({ a: done(0, 0, 50) }, 0)), 'x')).toBeUndefined();
    expect(rateFromOutcomes([done(2, 100, 50)], 'x')).toBeUndefined();
  });
});

describe('the calibration run', () => {
  it('is the first trial alone, two short epochs on a subset, each evaluated on one evaluation batch of the test set, without stop rule or early stopping', () => {
    const plan = parseSweep({ ...sweep({ stopRule: { maxSeconds: 5 }, earlyStopping: { patience: 2 } }, { name: 'prod', count: 1000, validation: 0.2 }) });
    const config = calibrationConfig(plan, 800);
    expect(config.runs).toEqual([{ optimizer: { name: 'sgd' }, batchSize: 25, id: 'calibration', label: 'calibration' }]);
    expect(config.dataset).toEqual({ name: 'prod', count: 1000, subset: 500, validation: 'test', testSubset: 500 });
    // Losses read back every 10 steps, the sweep's default cadence, within the 20 steps of an epoch.
    expect(config.training).toEqual({ epochs: 2, batchSize: 50, lossReadEvery: 10 });
    expect(calibrationConfig(parseSweep(sweep({ lossReadEvery: 50 })), 800).training.lossReadEvery).toBe(20);
  });
});
