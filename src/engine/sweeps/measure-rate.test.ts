/** The calibration run on the cpu backend: what it measures, and that it leaves no tensor behind. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSyntheticSplit } from '../experiment/prepare-data';
import { calibrationConfig } from './calibration';
import { measureStepRate } from './measure-rate';
import { parseSweep } from './sweep-config';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const plan = parseSweep({
  base: {
    name: 'b',
    dataset: { name: 'spiral', count: 400 },
    architecture: 'dense',
    model: { hiddenUnits: [8] },
    training: { epochs: 3, batchSize: 10, scaling: 'none', evalBatchSize: 50 },
    runs: [{ optimizer: { name: 'sgd' } }],
  },
  grid: [{ param: 'learning_rate', values: { kind: 'list', values: [0.1, 0.01] } }],
});

describe('measuring a calibration', () => {
  it('gives a cost per step, one evaluation of an evaluation batch, and the rest as a group’s setup', async () => {
    const split = makeSyntheticSplit('spiral', 400, 1);
    const before = tf.memory().numTensors;
    const ticks = [0, 60_000];
    // The outer clock: the run took 60 s in all, far more than its steps and evaluations.
    const rate = await measureStepRate(calibrationConfig(plan, 400), split, undefined, () => ticks.shift()!);
    expect(tf.memory().numTensors).toBe(before);
    expect(rate.batchSize).toBe(10);
    expect(rate.secondsPerStep).toBeGreaterThan(0);
    expect(rate.evalSamples).toBe(50);
    expect(rate.evalSeconds).toBeGreaterThan(0);
    // 2 epochs of 20 steps and an evaluation each, then the test: the rest of the 60 s is setup.
    const steady = 2 * (20 * rate.secondsPerStep + rate.evalSeconds) + rate.evalSeconds;
    expect(rate.groupSeconds).toBeCloseTo(60 - steady, 6);
  });
});
