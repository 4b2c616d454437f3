/** Small comparisons for the persistence tests (imported by *.test.ts only). */
import { GALLERY_VERSION, type RunGallery } from '../protocol/gallery';
import type { ExperimentConfigInput } from '../engine/experiment/config';
import type { ProbeSample } from '../engine/training/probe-types';
import type { BatchRecord, ComparisonCheckpoint, EpochRecord, RunCheckpoint, RunResult } from '../engine/training/types';
import type { StoredComparison } from './types';

export const config: ExperimentConfigInput = {
  name: 'two optimizers',
  dataset: { name: 'spiral', count: 200 },
  architecture: 'dense',
  model: { hiddenUnits: [8] },
  training: { epochs: 3, batchSize: 50 },
  runs: [
    { id: 'sgd', label: 'SGD, lr "0.01"', optimizer: { name: 'sgd' } },
    { id: 'adam', label: 'Adam', optimizer: { name: 'adam', hyperparameters: { learning_rate: 0.5 } } },
  ],
};

export const STEPS_PER_EPOCH = 4;

export function makeComparison(overrides: Partial<StoredComparison> = {}): StoredComparison {
  return {
    version: 2,
    id: 'cmp-1',
    name: 'two optimizers',
    createdAt: '2025-03-01T09:00:00.000Z',
    updatedAt: '2025-03-01T09:00:00.000Z',
    status: 'running',
    config,
    dataset: 'spiral',
    backend: { name: 'cpu', float32: true, reason: 'first preference', inWorker: true },
    results: {},
    epochs: [],
    batches: [],
    probes: [],
    ...overrides,
  };
}

/** Epoch `epoch` of both runs; Adam diverges in epoch 2 (NaN loss, infinite validation loss). */
export function epochRecords(epoch: number): EpochRecord[] {
  const diverged = epoch >= 2;
  return [
    { runId: 'sgd', epoch, steps: STEPS_PER_EPOCH, loss: 1 / epoch, accuracy: 0.5 + epoch / 10, valLoss: 1.1 / epoch, valAccuracy: 0.45 + epoch / 10, trainSeconds: 0.25, elapsedSeconds: epoch * 0.6 },
    diverged
      ? { runId: 'adam', epoch, steps: STEPS_PER_EPOCH, loss: Number.NaN, accuracy: 0.1, valLoss: Number.POSITIVE_INFINITY, valAccuracy: 0.1, trainSeconds: 0.3, elapsedSeconds: epoch * 0.6 }
      : { runId: 'adam', epoch, steps: STEPS_PER_EPOCH, loss: 0.7, accuracy: 0.8, valLoss: 0.75, valAccuracy: 0.78, trainSeconds: 0.3, elapsedSeconds: epoch * 0.6 },
  ];
}

/** The batch losses that led to epoch `epoch`, in step order, both runs per step. */
export function batchRecords(epoch: number): BatchRecord[] {
  const records: BatchRecord[] = [];
  for (let i = 1; i <= STEPS_PER_EPOCH; i += 1) {
    const step = (epoch - 1) * STEPS_PER_EPOCH + i;
    records.push({ runId: 'sgd', epoch, step, loss: 2 / step });
    records.push({ runId: 'adam', epoch, step, loss: epoch >= 2 ? (i % 2 === 0 ? Number.NaN : Number.NEGATIVE_INFINITY) : 1 / step });
  }
  return records;
}

/** Both runs' probe samples of epoch `epoch` (one at its first step); Adam's gradient is infinite from epoch 2. */
export function probeSamples(epoch: number): ProbeSample[] {
  const step = (epoch - 1) * STEPS_PER_EPOCH + 1;
  const sample = (runId: string, gradNorm: number, moments: boolean): ProbeSample => ({
    runId,
    step,
    epoch,
    learningRate: runId === 'sgd' ? 0.01 : 0.5,
    input: { min: -1.5, max: 1.5, mean: 0, std: 0.8 },
    layers: [
      { layer: '0_dense', gradNorm, weightNorm: 2, updateRatio: 1e-3, deadShare: 0.25, ...(moments ? { firstMoment: 0.01, secondMoment: 0.02 } : {}) },
      { layer: '1_dense', gradNorm: gradNorm / 2, weightNorm: 1, updateRatio: 2e-3, ...(moments ? { firstMoment: 0.01, secondMoment: 0.02 } : {}) },
    ],
    stepSizes: { counts: runId === 'sgd' ? [0, 42, 0] : [10, 30, 2] },
  });
  return [sample('sgd', 1 / epoch, false), sample('adam', epoch >= 2 ? Number.POSITIVE_INFINITY : 0.5, true)];
}

export const sgdResult: RunResult = {
  runId: 'sgd',
  label: 'SGD, lr "0.01"',
  status: 'completed',
  epochsCompleted: 3,
  bestEpoch: 3,
  test: { loss: 0.4, accuracy: 0.85, confusion: [[40, 10], [5, 45]] },
  trainSeconds: 0.75,
};

export const adamResult: RunResult = {
  runId: 'adam',
  label: 'Adam',
  status: 'diverged',
  divergedAtStep: 5,
  epochsCompleted: 2,
  test: { loss: Number.NaN, accuracy: 0.5 },
  trainSeconds: 0.6,
};

/** A finished comparison with everything filled in, non-finite losses included. */
export function finishedComparison(overrides: Partial<StoredComparison> = {}): StoredComparison {
  return makeComparison({
    status: 'completed',
    updatedAt: '2025-03-01T09:05:00.000Z',
    results: { sgd: sgdResult, adam: adamResult },
    epochs: [1, 2, 3].flatMap(epochRecords),
    batches: [1, 2, 3].flatMap(batchRecords),
    probes: [1, 2, 3].flatMap(probeSamples),
    ...overrides,
  });
}

/**
 * A checkpoint of both runs after `epochsCompleted` epochs: SGD (no slots) still running,
 * Adam (m and v per variable) diverged in epoch 2 once `epochsCompleted` >= 2.
 */
export function makeCheckpoint(epochsCompleted = 1): ComparisonCheckpoint {
  const weights = (seed: number) => [new Float32Array([seed, -seed, 0.5]), new Float32Array([seed / 10])];
  const run = (runId: string, seed: number, overrides: Partial<RunCheckpoint> = {}): RunCheckpoint => ({
    runId,
    status: 'running',
    step: epochsCompleted * STEPS_PER_EPOCH,
    epochsCompleted,
    totalSeconds: epochsCompleted * 0.25,
    monitor: { best: Number.NaN, bestEpoch: undefined, wait: 0 },
    weights: weights(seed),
    optimizer: { iterations: epochsCompleted * STEPS_PER_EPOCH, slots: [null, null] },
    ...overrides,
  });
  const diverged = epochsCompleted >= 2;
  return {
    version: 1,
    epochsCompleted,
    elapsedSeconds: epochsCompleted * 0.6,
    runs: [
      run('sgd', epochsCompleted, { monitor: { best: 1 / epochsCompleted, bestEpoch: epochsCompleted, wait: 0 }, bestWeights: weights(epochsCompleted) }),
      run('adam', 2 * epochsCompleted, {
        ...(diverged ? { status: 'diverged', divergedAtStep: 5, epochsCompleted: 2 } : {}),
        optimizer: {
          iterations: epochsCompleted * STEPS_PER_EPOCH,
          slots: [
            { m: new Float32Array([0.1, 0.2, Number.NaN]), v: new Float32Array([0.01, 0.02, 0.03]) },
            { m: new Float32Array([0.5]), v: new Float32Array([Number.POSITIVE_INFINITY]) },
          ],
        },
      }),
    ],
  };
}

/** A small gallery of a VAE run: 2x2 grey images, distinct pixel values per grid. */
export function makeGallery(runId = 'adam', epoch = 1): RunGallery {
  const grid = (rows: number, columns: number, start: number) => ({ rows, columns, pixels: Uint8Array.from({ length: rows * columns * 4 }, (_, i) => (start + i) % 256) });
  return {
    version: GALLERY_VERSION,
    runId,
    epoch,
    step: epoch * STEPS_PER_EPOCH,
    imageShape: [2, 2, 1],
    reconstructions: grid(2, 3, epoch),
    latentWalk: grid(2, 5, 50),
    walkValues: [-3, -1.5, 0, 1.5, 3],
    samples: grid(1, 4, 100),
  };
}
