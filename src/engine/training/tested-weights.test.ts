/**
 * Which weights a run's test metrics come from (issue 14: a stopped SGD run showed
 * validation 12.9% but test 22.7%). The validation set here is the test set itself, as
 * in the E1 presets, so a test loss equal to an epoch's validation loss means the same
 * weights, and a different one means other weights.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSpiral } from '../data/synthetic';
import type { ModelOptions } from '../experiment/config';
import { buildRequestedModel } from '../experiment/run-experiment';
import { createOptimizer, type OptimizerConfig } from '../optimizers/registry';
import { runComparison } from './comparison';
import { ComparisonController } from './controller';
import type { BatchRecord, ComparisonCallbacks, ComparisonCheckpoint, ComparisonSpec, EpochRecord, RunResult } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const train = makeSpiral({ count: 240, seed: 3 });
const test = makeSpiral({ count: 60, seed: 4 });
/** 240 samples in batches of 24. */
const STEPS_PER_EPOCH = 10;

function spec(overrides: Partial<ComparisonSpec<OptimizerConfig, ModelOptions>> = {}): ComparisonSpec<OptimizerConfig, ModelOptions> {
  return {
    seed: 11,
    epochs: 3,
    batchSize: 24,
    scaling: 'minmax',
    architecture: 'dense',
    model: { hiddenUnits: [16] },
    lossReadEvery: 4,
    evalBatchSize: 50,
    runs: [{ id: 'sgd', label: 'SGD', optimizer: { name: 'sgd', hyperparameters: { learning_rate: 0.5 } } }],
    ...overrides,
  };
}

interface TrainOptions {
  controller?: ComparisonController;
  onEpoch?: (r: EpochRecord) => void;
  onCheckpoint?: (c: ComparisonCheckpoint) => void;
  resumeFrom?: ComparisonCheckpoint;
}

async function train3(s: ComparisonSpec<OptimizerConfig, ModelOptions>, extra: TrainOptions = {}) {
  const epochs: EpochRecord[] = [];
  const batches: BatchRecord[] = [];
  const callbacks: ComparisonCallbacks = {
    onEpoch: (r) => {
      epochs.push(r);
      extra.onEpoch?.(r);
    },
    onBatches: (records) => void batches.push(...records),
    onCheckpoint: extra.onCheckpoint,
  };
  const before = tf.memory().numTensors;
  const result = await runComparison({
    spec: s,
    data: { train, validation: test, test },
    buildModel: buildRequestedModel,
    createOptimizer: (c) => createOptimizer(c),
    callbacks,
    controller: extra.controller,
    resumeFrom: extra.resumeFrom,
  });
  expect(tf.memory().numTensors).toBe(before);
  const run: RunResult = result.runs[0]!;
  return { run, epochs, batches };
}

describe('the weights a run is tested on', () => {
  it('a finished run: the last epoch’s weights, the ones its last validation saw', async () => {
    const { run, epochs } = await train3(spec());
    expect(run.test?.weights).toEqual({ step: 3 * STEPS_PER_EPOCH, epoch: 3, epochEnd: true });
    expect(epochs.at(-1)!.steps).toBe(3 * STEPS_PER_EPOCH);
    expect(run.test!.loss).toBeCloseTo(epochs.at(-1)!.valLoss!, 5);
  });

  it('a run stopped during an epoch: the weights at the stop, steps after its last validation', async () => {
    const controller = new ComparisonController();
    const { run, epochs, batches } = await train3(spec(), { controller, onEpoch: (r) => (r.epoch === 2 ? controller.stopRun('sgd') : undefined) });
    // The stop is honoured at the next read-back: 4 steps into epoch 3.
    const stopStep = 2 * STEPS_PER_EPOCH + 4;
    expect(run.status).toBe('stopped');
    expect(run.epochsCompleted).toBe(2);
    expect(batches.at(-1)!.step).toBe(stopStep);
    expect(run.test?.weights).toEqual({ step: stopStep, epoch: 3, epochEnd: false });
    // Not the weights its last validation saw (end of epoch 2, same data).
    expect(epochs.at(-1)).toMatchObject({ epoch: 2, steps: 2 * STEPS_PER_EPOCH });
    expect(Math.abs(run.test!.loss - epochs.at(-1)!.valLoss!)).toBeGreaterThan(1e-4);
  });

  it('early stopping that restores the best weights: that epoch’s weights, not the last epoch’s', async () => {
    const { run, epochs } = await train3(
      // minDelta this large: only epoch 1 counts as an improvement, and patience 1 stops after epoch 2.
      spec({ earlyStopping: { monitor: 'val_loss', patience: 1, minDelta: 10, restoreBestWeights: true } }),
    );
    expect(run.status).toBe('stopped-early');
    expect(epochs.map((r) => r.epoch)).toEqual([1, 2]);
    expect(run.test?.weights).toEqual({ step: STEPS_PER_EPOCH, epoch: 1, epochEnd: true, restoredBest: true });
    expect(run.test!.loss).toBeCloseTo(epochs[0]!.valLoss!, 5);
    expect(Math.abs(run.test!.loss - epochs[1]!.valLoss!)).toBeGreaterThan(1e-4);
  });

  it('says the same of restored best weights after a resume from a checkpoint taken once the run had stopped', async () => {
    const s = spec({
      epochs: 4,
      earlyStopping: { monitor: 'val_loss', patience: 1, minDelta: 10, restoreBestWeights: true },
      runs: [
        { id: 'sgd', label: 'SGD', optimizer: { name: 'sgd', hyperparameters: { learning_rate: 0.5 } } },
        { id: 'adam', label: 'Adam', optimizer: { name: 'adam' }, earlyStopping: null },
      ],
    });
    let saved: ComparisonCheckpoint | undefined;
    const straight = await train3(s, { onCheckpoint: (c) => void (saved ??= c.runs[0]?.status === 'stopped-early' ? structuredClone(c) : undefined) });
    expect(saved?.epochsCompleted).toBe(2);
    const resumed = await train3(s, { resumeFrom: saved });
    expect(resumed.run.test?.weights).toEqual({ step: STEPS_PER_EPOCH, epoch: 1, epochEnd: true, restoredBest: true });
    expect(resumed.run.test?.weights).toEqual(straight.run.test?.weights);
    expect(resumed.run.test!.loss).toBeCloseTo(straight.run.test!.loss, 5);
  });
});
