/** Stop rules in real (tiny) comparisons: reached, not reached, diverged, the time limit, predictions, resume. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseExperiment, type ExperimentConfigInput } from '../experiment/config';
import { makeSyntheticSplit } from '../experiment/prepare-data';
import { runExperiment } from '../experiment/run-experiment';
import type { ComparisonCheckpoint, EpochRecord, RunResult } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const spiral = makeSyntheticSplit('spiral', 300, 2);

function config(runs: ExperimentConfigInput['runs'], stopRule: NonNullable<ExperimentConfigInput['training']['stopRule']>, epochs = 6): ExperimentConfigInput {
  return {
    name: 'stop-rule',
    dataset: { name: 'spiral', count: 300 },
    architecture: 'dense',
    model: { hiddenUnits: [32, 32] },
    training: { epochs, batchSize: 20, scaling: 'none', seed: 5, lossReadEvery: 3, evalBatchSize: 100, stopRule },
    runs,
  };
}

async function run(input: ExperimentConfigInput, options: { resumeFrom?: ComparisonCheckpoint; split?: typeof spiral } = {}) {
  const epochs: EpochRecord[] = [];
  const checkpoints: ComparisonCheckpoint[] = [];
  const before = tf.memory().numTensors;
  const result = await runExperiment({
    plan: parseExperiment(input),
    split: options.split ?? spiral,
    resumeFrom: options.resumeFrom,
    callbacks: { onEpoch: (record) => void epochs.push(record), onCheckpoint: (c) => void checkpoints.push(c) },
  });
  expect(tf.memory().numTensors).toBe(before);
  const byId = (id: string): RunResult => result.runs.find((r) => r.runId === id)!;
  return { byId, epochs, checkpoints };
}

const fast = { id: 'fast', optimizer: { name: 'adam', hyperparameters: { learning_rate: 0.02 } } } as const;
const slow = { id: 'slow', optimizer: { name: 'sgd', hyperparameters: { learning_rate: 1e-6 } } } as const;

describe('a stop rule with a train-accuracy target', () => {
  it('stops a run at the epoch it reaches the target and records when; a run that never gets there trains on and says so', async () => {
    const { byId, epochs } = await run(config([fast, slow], { target: { metric: 'accuracy', value: 0.6 } }, 8));
    const reached = byId('fast');
    expect(reached.status).toBe('stopped-early');
    expect(reached.stoppedBy).toBe('target');
    expect(reached.target).toMatchObject({ outcome: 'reached', epoch: reached.epochsCompleted });
    const record = epochs.find((e) => e.runId === 'fast' && e.epoch === reached.epochsCompleted)!;
    expect(reached.target).toEqual({ outcome: 'reached', seconds: expect.any(Number), step: record.steps, epoch: record.epoch, value: record.accuracy });
    expect(record.accuracy).toBeGreaterThanOrEqual(0.6);
    const seconds = epochs.filter((e) => e.runId === 'fast').reduce((sum, e) => sum + e.trainSeconds, 0);
    expect((reached.target as { seconds: number }).seconds).toBeCloseTo(seconds, 6);
    expect(epochs.filter((e) => e.runId === 'fast').every((e) => e.epoch <= reached.epochsCompleted)).toBe(true);
    
    const never = byId('slow');
    expect(never.status).toBe('completed');
    expect(never.epochsCompleted).toBe(8);
    expect(never.target).toEqual({ outcome: 'not-reached', best: Math.max(...epochs.filter((e) => e.runId === 'slow').map((e) => e.accuracy!)) });
  });

  it('says "diverged" for a run whose loss stops being finite', async () => {
    const { byId } = await run(config([{ id: 'huge', optimizer: { name: 'sgd', hyperparameters: { learning_rate: 1e30 } } }], { target: { metric: 'accuracy', value: 0.8 } }, 2));
    const result = byId('huge');
    expect(result.status).toBe('diverged');
    expect(result.target).toEqual({ outcome: 'diverged', step: result.divergedAtStep });
  });

  it('keeps what a run reached across a checkpoint and a resume', async () => {
    const input = config([fast, slow], { target: { metric: 'accuracy', value: 0.6 } }, 8);
    const whole = await run(input);
    const reachedAt = whole.byId('fast').epochsCompleted;
    const checkpoint = whole.checkpoints[reachedAt - 1]!;
    expect(checkpoint.runs.find((r) => r.runId === 'fast')?.stopRule?.reached?.epoch).toBe(reachedAt);
    const resumed = await run(input, { resumeFrom: checkpoint });
    expect(resumed.byId('fast').target).toEqual(whole.byId('fast').target);
    expect(resumed.byId('fast').stoppedBy).toBe('target');
  });
});

describe('the time and epoch limits', () => {
  it('end a run at the first read-back past its time, tested on the weights it has', async () => {
    const { byId, epochs } = await run(config([fast], { target: { metric: 'accuracy', value: 1.01 }, maxSeconds: 1e-6 }, 3));
    const result = byId('fast');
    expect(result.status).toBe('stopped-early');
    expect(result.stoppedBy).toBe('time-limit');
    expect(result.target).toMatchObject({ outcome: 'not-reached' });
    expect(result.test?.loss).toEqual(expect.any(Number));
    expect(epochs).toEqual([]);
  });

  it('end a run after its epoch limit, as completed, while a run without the rule goes on', async () => {
    const { byId } = await run(config([fast, { ...slow, stopRule: null }], { maxEpochs: 2 }, 4));
    expect(byId('fast')).toMatchObject({ status: 'completed', stoppedBy: 'epoch-limit', epochsCompleted: 2 });
    expect(byId('fast').target).toBeUndefined();
    expect(byId('slow')).toMatchObject({ status: 'completed', epochsCompleted: 4 });
    expect(byId('slow').stoppedBy).toBeUndefined();
  });
});

describe('a loss target on the regression set', () => {
  it('is checked at read-backs, and the result carries the test predictions', async () => {
    const prod = makeSyntheticSplit('prod', 400, 3);
    const input: ExperimentConfigInput = {
      name: 'prod',
      dataset: { name: 'prod', count: 400 },
      architecture: 'dense',
      model: { hiddenUnits: [16, 16] },
      training: { epochs: 20, batchSize: 20, scaling: 'none', seed: 5, lossReadEvery: 5, stopRule: { target: { metric: 'loss', value: 0.01 } } },
      runs: [{ id: 'adam', optimizer: { name: 'adam', hyperparameters: { learning_rate: 0.01 } } }],
    };
    const { byId } = await run(input, { split: prod });
    const result = byId('adam');
    expect(result.target).toMatchObject({ outcome: 'reached' });
    expect((result.target as { value: number }).value).toBeLessThanOrEqual(0.01);
    expect((result.target as { step: number }).step % 5).toBe(0);
    expect(result.test?.predictions).toBeInstanceOf(Float32Array);
    expect(result.test?.predictions).toHaveLength(prod.test.count);
  });
});
