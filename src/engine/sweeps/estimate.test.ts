import { describe, expect, it } from 'vitest';
import { calibrationConfig } from './calibration';
import { estimateSweep, rateFromOutcomes, stepCost, trainingSetSize } from './estimate';
import { trialOutcome } from './outcome';
import { parseSweep, type SweepConfigInput } from './sweep-config';

const sweep = (training: Record<string, unknown>, dataset: Record<string, unknown> = { name: 'prod', count: 1000 }): SweepConfigInput => ({
  base: { name: 'b', dataset, architecture: 'dense', training: { epochs: 10, batchSize: 50, ...training }, runs: [{ optimizer: { name: 'sgd' } }] },
  grid: [{ param: 'batchSize', values: { kind: 'list', values: [25, 50, 100] } }],
});
const rate = { secondsPerStep: 0.01, batchSize: 50, source: 'a calibration on webgl' };

describe('the time estimate', () => {
  it('adds every trial’s steps at its batch size: a larger batch costs in proportion, a smaller one no less per step', () => {
    const plan = parseSweep(sweep({}));
    // 10 epochs of 1000 points: 400 steps at 25, 200 at 50, 100 at 100.
    const estimate = estimateSweep(plan, 1000, rate);
    expect(estimate.steps).toBe(400 + 200 + 100);
    expect(estimate.seconds).toBeCloseTo(400 * 0.01 + 200 * 0.01 + 100 * 0.02, 9);
    expect(estimate.upperBound).toBe(false);
    expect(stepCost(rate, 200)).toBeCloseTo(0.04, 12);
  });

  it('caps each trial at the stop rule’s limits, and calls itself an upper bound with a target', () => {
    const plan = parseSweep(sweep({ stopRule: { target: { metric: 'loss', value: 0.01 }, maxSeconds: 1.5, maxEpochs: 5 } }));
    // 5 epochs: 200, 100 and 50 steps, 2 s, 1 s and 1 s; the first capped at 1.5 s.
    const estimate = estimateSweep(plan, 1000, rate);
    expect(estimate.seconds).toBeCloseTo(1.5 + 1 + 1, 9);
    expect(estimate.upperBound).toBe(true);
  });

  it('counts the training set after the subset and the validation split', () => {
    expect(trainingSetSize(parseSweep(sweep({}, { name: 'prod', count: 1000, validation: 0.2 })).basePlan)).toBe(800);
    expect(trainingSetSize(parseSweep(sweep({}, { name: 'fashion-mnist', subset: 2000, validation: 'test' })).basePlan)).toBe(2000);
    expect(trainingSetSize(parseSweep(sweep({}, { name: 'fashion-mnist', validation: 12000 })).basePlan)).toBe(48000);
  });
});

describe('a rate measured by finished trials', () => {
  const done = (seconds: number, steps: number, batchSize: number) =>
    trialOutcome({ result: { runId: 'x', label: 'x', status: 'completed', epochsCompleted: 1, trainSeconds: seconds }, epochs: [{ runId: 'x', epoch: 1, steps, loss: 1, trainSeconds: seconds, elapsedSeconds: seconds }], batchSize });

  it('is the median cost per step of the most common batch size', () => {
    const measured = rateFromOutcomes([done(1, 100, 50), done(3, 100, 50), done(2, 100, 50), done(50, 10, 16)], 'finished trials');
    expect(measured).toEqual({ secondsPerStep: 0.02, batchSize: 50, source: 'finished trials' });
  });

  it('is unknown until a trial has trained', () => {
    expect(rateFromOutcomes([done(0, 0, 50)], 'x')).toBeUndefined();
  });
});

describe('the calibration run', () => {
  it('is the first trial alone, two short epochs on a subset, without validation, stop rule or early stopping', () => {
    const plan = parseSweep({ ...sweep({ stopRule: { maxSeconds: 5 }, earlyStopping: { patience: 2 } }, { name: 'prod', count: 1000, validation: 0.2 }) });
    const config = calibrationConfig(plan, 800);
    expect(config.runs).toEqual([{ optimizer: { name: 'sgd' }, batchSize: 25, id: 'calibration', label: 'calibration' }]);
    expect(config.dataset).toEqual({ name: 'prod', count: 1000, subset: 500, testSubset: 1 });
    expect(config.training).toEqual({ epochs: 2, batchSize: 50, lossReadEvery: 20 });
  });
});
