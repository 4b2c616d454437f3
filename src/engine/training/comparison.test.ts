import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSpiral } from '../data/synthetic';
import type { Batch, Dataset } from '../data/types';
import type { ForwardContext, TrainableModel } from '../models/types';
import { buildRequestedModel } from '../experiment/run-experiment';
import type { ModelOptions } from '../experiment/config';
import { createOptimizer, type OptimizerConfig } from '../optimizers/registry';
import { checkpointDue, runComparison, type ComparisonOptions, type ModelRequest } from './comparison';
import { ComparisonController } from './controller';
import type { BatchRecord, ComparisonSpec, EpochRecord, RunSpec } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const train = makeSpiral({ count: 240, seed: 3 });
const test = makeSpiral({ count: 60, seed: 4 });

const run = (id: string, optimizer: OptimizerConfig, extra: Partial<RunSpec<OptimizerConfig, ModelOptions>> = {}) => ({
  id,
  label: id,
  optimizer,
  ...extra,
});

function spec(overrides: Partial<ComparisonSpec<OptimizerConfig, ModelOptions>> = {}): ComparisonSpec<OptimizerConfig, ModelOptions> {
  return {
    seed: 11,
    epochs: 2,
    batchSize: 24,
    scaling: 'minmax',
    architecture: 'dense',
    model: { hiddenUnits: [16, 16] },
    lossReadEvery: 4,
    evalBatchSize: 50,
    runs: [
      run('sgd', { name: 'sgd', hyperparameters: { learning_rate: 0.1 } }),
      run('adam', { name: 'adam' }),
      run('rmsprop', { name: 'rmsprop' }),
    ],
    ...overrides,
  };
}

interface Call {
  runIndex: number;
  inputSum: number;
  labels: number[];
  noiseSeed: number;
  training: boolean;
}

/** Wraps real models so the test sees every batch each run trains on, in call order. */
function spyingBuilder(calls: Call[]) {
  let built = 0;
  return (request: ModelRequest<ModelOptions>): TrainableModel => {
    const model = buildRequestedModel(request);
    const runIndex = built++;
    const loss = (batch: Batch, ctx: ForwardContext) => {
      if (ctx.training) {
        calls.push({
          runIndex,
          inputSum: batch.x.sum().dataSync()[0]!,
          labels: Array.from(batch.y.dataSync()),
          noiseSeed: ctx.noiseSeed,
          training: ctx.training,
        });
      }
      return model.loss(batch, ctx);
    };
    return Object.assign(Object.create(Object.getPrototypeOf(model)), model, { loss }) as TrainableModel;
  };
}

function options(
  s: ComparisonSpec<OptimizerConfig, ModelOptions>,
  extra: Partial<ComparisonOptions<OptimizerConfig, ModelOptions>> = {},
  data: { train: Dataset; test?: Dataset; validation?: Dataset } = { train, test },
): ComparisonOptions<OptimizerConfig, ModelOptions> {
  return { spec: s, data, buildModel: buildRequestedModel, createOptimizer: (c) => createOptimizer(c), ...extra };
}

describe('comparison runner: fairness', () => {
  it('starts every run from identical weights', async () => {
    const still = spec({
      epochs: 1,
      runs: ['sgd', 'adam', 'rmsprop'].map((name) =>
        run(name, { name, hyperparameters: { learning_rate: 0 } } as OptimizerConfig),
      ),
    });
    const result = await runComparison(options(still, { keepModels: true }));
    const models = [...result.models!.values()];
    const weights = models.map((m) => m.allVariables.map((v) => Array.from(v.dataSync())));
    expect(weights[1]).toEqual(weights[0]);
    expect(weights[2]).toEqual(weights[0]);
    // and they are the seed's weights, not zeros or a copy of nothing
    const fresh = buildRequestedModel({
      architecture: 'dense',
      options: { hiddenUnits: [16, 16] },
      inputShape: train.inputShape,
      numClasses: 2,
      task: 'classification',
      seed: 11,
      modelId: 'fresh',
    });
    expect(weights[0]).toEqual(fresh.allVariables.map((v) => Array.from(v.dataSync())));
    expect(weights[0]![0]!.some((w) => w !== 0)).toBe(true);
    fresh.dispose();
    models.forEach((m) => m.dispose());
  });

  it('feeds every run the same batches in the same order, in lock-step, with the same noise', async () => {
    const calls: Call[] = [];
    await runComparison(options(spec(), { buildModel: spyingBuilder(calls) }));
    const stepsPerEpoch = Math.floor(train.count / 24);
    expect(calls).toHaveLength(3 * 2 * stepsPerEpoch);
    // lock-step: runs take turns, one batch for all
    expect(calls.map((c) => c.runIndex)).toEqual(calls.map((_, i) => i % 3));
    const perRun = [0, 1, 2].map((r) => calls.filter((c) => c.runIndex === r));
    for (const key of ['inputSum', 'labels', 'noiseSeed'] as const) {
      expect(perRun[1]!.map((c) => c[key])).toEqual(perRun[0]!.map((c) => c[key]));
      expect(perRun[2]!.map((c) => c[key])).toEqual(perRun[0]!.map((c) => c[key]));
    }
    // the order differs between epochs, and the noise seed changes every step
    const epoch1 = perRun[0]!.slice(0, stepsPerEpoch).map((c) => c.labels.join());
    const epoch2 = perRun[0]!.slice(stepsPerEpoch).map((c) => c.labels.join());
    expect(epoch2).not.toEqual(epoch1);
    expect(new Set(perRun[0]!.map((c) => c.noiseSeed)).size).toBe(perRun[0]!.length);
  });

  it('is deterministic for a seed', async () => {
    const losses = async (seed: number) => {
      const records: BatchRecord[] = [];
      await runComparison(options(spec({ seed }), { callbacks: { onBatches: (r) => records.push(...r) } }));
      return records.map((r) => `${r.runId}:${r.step}:${r.loss}`);
    };
    const first = await losses(5);
    expect(await losses(5)).toEqual(first);
    expect(await losses(6)).not.toEqual(first);
  });

  it('advances runs with other batch sizes in proportion, so epochs end together', async () => {
    const calls: Call[] = [];
    const epochs: EpochRecord[] = [];
    const s = spec({
      epochs: 1,
      runs: [
        run('small', { name: 'sgd' }, { batchSize: 12 }),
        run('large', { name: 'sgd' }, { batchSize: 48 }),
        run('full', { name: 'sgd' }, { batchSize: 'full' }),
      ],
    });
    await runComparison(options(s, { buildModel: spyingBuilder(calls), callbacks: { onEpoch: (r) => void epochs.push(r) } }));
    const count = (r: number) => calls.filter((c) => c.runIndex === r).length;
    expect([count(0), count(1), count(2)]).toEqual([20, 5, 1]);
    // the large batch's steps are spread over the small batch's, not bunched at the end
    const firstLarge = calls.findIndex((c) => c.runIndex === 1);
    expect(firstLarge).toBeLessThan(calls.length / 3);
    expect(epochs.map((e) => e.steps)).toEqual([20, 5, 1]);
  });
});

describe('comparison runner: records and outcomes', () => {
  it('streams batch losses in groups and epoch records with validation and test metrics', async () => {
    const batches: BatchRecord[][] = [];
    const epochs: EpochRecord[] = [];
    const validation = makeSpiral({ count: 40, seed: 9 });
    const result = await runComparison(
      options(spec(), { callbacks: { onBatches: (r) => batches.push([...r]), onEpoch: (r) => void epochs.push(r) } }, { train, validation, test }),
    );
    // 10 steps per epoch read every 4: groups of 4, 4, 2 per epoch, 3 runs each
    expect(batches.map((g) => g.length)).toEqual([12, 12, 6, 12, 12, 6]);
    expect(epochs).toHaveLength(6);
    for (const e of epochs) {
      expect(e.loss).toBeGreaterThan(0);
      expect(e.accuracy).toBeGreaterThanOrEqual(0);
      expect(e.valLoss).toBeGreaterThan(0);
      expect(e.valAccuracy).toBeGreaterThanOrEqual(0);
      expect(e.trainSeconds).toBeGreaterThan(0);
    }
    const sgdEpoch1 = epochs.find((e) => e.runId === 'sgd' && e.epoch === 1)!;
    const sgdLosses = batches.flat().filter((b) => b.runId === 'sgd' && b.epoch === 1).map((b) => b.loss);
    expect(sgdEpoch1.loss).toBeCloseTo(sgdLosses.reduce((a, b) => a + b) / sgdLosses.length, 6);
    for (const r of result.runs) {
      expect(r.status).toBe('completed');
      expect(r.test!.confusion!.flat().reduce((a, b) => a + b)).toBe(test.count);
      expect(r.test!.accuracy).toBeGreaterThanOrEqual(0);
    }
  });

  it('marks a run whose loss is not finite as diverged, and the others finish', async () => {
    const ended: string[] = [];
    const s = spec({
      epochs: 3,
      runs: [
        run('wild', { name: 'sgd', hyperparameters: { learning_rate: 1e30 } }),
        run('calm', { name: 'adam' }),
      ],
    });
    const result = await runComparison(options(s, { callbacks: { onRunEnd: (r) => ended.push(`${r.runId}:${r.status}`) } }));
    const wild = result.runs.find((r) => r.runId === 'wild')!;
    expect(wild.status).toBe('diverged');
    expect(wild.divergedAtStep).toBeGreaterThan(0);
    expect(wild.test).toBeUndefined();
    expect(result.runs.find((r) => r.runId === 'calm')!.status).toBe('completed');
    expect(result.runs.find((r) => r.runId === 'calm')!.epochsCompleted).toBe(3);
    expect(ended).toEqual(['wild:diverged', 'calm:completed']);
  });

  it('cancels through an AbortSignal', async () => {
    const abort = new AbortController();
    const result = await runComparison(
      options(spec({ epochs: 50 }), { signal: abort.signal, callbacks: { onEpoch: (r) => (r.epoch === 2 ? abort.abort() : undefined) } }),
    );
    expect(result.runs.every((r) => r.status === 'cancelled')).toBe(true);
    expect(Math.max(...result.runs.map((r) => r.epochsCompleted))).toBeLessThanOrEqual(3);
  });

  it('pauses and resumes, and stops one run while the others go on', async () => {
    const controller = new ComparisonController();
    const progress: number[] = [];
    const ended: string[] = [];
    let resumedAt = -1;
    controller.pause();
    const pending = runComparison(
      options(spec({ epochs: 2 }), {
        controller,
        callbacks: {
          onProgress: (p) => progress.push(p.tick),
          onRunEnd: (r) => ended.push(`${r.runId}:${r.status}:${r.test ? 'tested' : 'untested'}`),
          onEpoch: (r) => (r.runId === 'sgd' && r.epoch === 1 ? controller.stopRun('sgd') : undefined),
        },
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const whilePaused = progress.length;
    resumedAt = whilePaused;
    controller.resume();
    const result = await pending;
    expect(progress[resumedAt - 1]).toBe(4); // it got to the first read-back point (every 4 ticks) and waited there
    expect(progress.length).toBeGreaterThan(whilePaused);
    expect(result.runs.find((r) => r.runId === 'sgd')).toMatchObject({ status: 'stopped', epochsCompleted: 1 });
    expect(result.runs.find((r) => r.runId === 'adam')).toMatchObject({ status: 'completed', epochsCompleted: 2 });
    // the stopped run is reported when it stops, before the others finish, with its test metrics
    expect(ended[0]).toBe('sgd:stopped:tested');
    expect(result.runs.find((r) => r.runId === 'sgd')!.test).toBeDefined();
    expect(ended).toHaveLength(3);
  });

  it('stops early on a stalled monitor and restores the best weights', async () => {
    const epochs: EpochRecord[] = [];
    const s = spec({
      epochs: 8,
      // a learning rate too large to keep improving: the monitor stalls quickly
      runs: [run('jumpy', { name: 'sgd', hyperparameters: { learning_rate: 3 } })],
      earlyStopping: { monitor: 'loss', patience: 1, minDelta: 10, restoreBestWeights: true },
    });
    const result = await runComparison(options(s, { keepModels: true, callbacks: { onEpoch: (r) => void epochs.push(r) } }));
    const r = result.runs[0]!;
    expect(r.status).toBe('stopped-early');
    expect(r.bestEpoch).toBe(1);
    expect(r.epochsCompleted).toBe(2);
    result.models!.forEach((m) => m.dispose());
  });

  it('rejects a batch size larger than the training set with a clear error', async () => {
    await expect(runComparison(options(spec({ batchSize: 1000 })))).rejects.toThrow(/batch size from 1 to 240/);
  });
});

describe('comparison runner: checkpoints', () => {
  it('resumes from an epoch checkpoint and continues exactly as an uninterrupted run', async () => {
    const s = spec({
      epochs: 4,
      model: { hiddenUnits: [16, 16], dropout: 0.2, batchNorm: true },
      runs: [run('adam', { name: 'adam' }), run('nadam', { name: 'nadam' }), run('sgd', { name: 'sgd', hyperparameters: { momentum: 0.9 } })],
    });
    const lossesOf = (records: BatchRecord[]) => records.map((r) => `${r.runId}:${r.step}:${r.loss}`);

    const straight: BatchRecord[] = [];
    await runComparison(options(s, { callbacks: { onBatches: (r) => straight.push(...r) } }));

    const abort = new AbortController();
    let saved: import('./types').ComparisonCheckpoint | undefined;
    await runComparison(
      options(s, {
        signal: abort.signal,
        callbacks: {
          onCheckpoint: (checkpoint) => {
            if (checkpoint.epochsCompleted === 2) {
              saved = structuredClone(checkpoint);
              abort.abort();
            }
          },
        },
      }),
    );
    expect(saved?.runs).toHaveLength(3);

    const resumed: BatchRecord[] = [];
    const epochs: EpochRecord[] = [];
    const result = await runComparison(
      options(s, { resumeFrom: saved, callbacks: { onBatches: (r) => resumed.push(...r), onEpoch: (r) => void epochs.push(r) } }),
    );
    expect(epochs.map((e) => e.epoch)).toEqual([3, 3, 3, 4, 4, 4]);
    expect(lossesOf(resumed)).toEqual(lossesOf(straight.filter((r) => r.epoch > 2)));
    expect(result.runs.every((r) => r.status === 'completed' && r.epochsCompleted === 4)).toBe(true);
  });

  it('after a resume, reports and tests a run that had stopped early before the checkpoint', async () => {
    const s = spec({
      epochs: 4,
      runs: [
        run('slow', { name: 'sgd', hyperparameters: { learning_rate: 1e-7 } }, { earlyStopping: { monitor: 'loss', patience: 0, minDelta: 1, restoreBestWeights: false } }),
        run('adam', { name: 'adam' }),
      ],
    });
    let saved: import('./types').ComparisonCheckpoint | undefined;
    await runComparison(
      options(s, { callbacks: { onCheckpoint: (c) => void (saved ??= c.runs[0]?.status === 'stopped-early' ? structuredClone(c) : undefined) } }),
    );
    expect(saved?.epochsCompleted).toBeLessThan(4);
    const ended: import('./types').RunResult[] = [];
    const result = await runComparison(options(s, { resumeFrom: saved, callbacks: { onRunEnd: (r) => void ended.push(r) } }));
    expect(ended.map((r) => [r.runId, r.status])).toEqual([
      ['slow', 'stopped-early'],
      ['adam', 'completed'],
    ]);
    expect(result.runs[0]?.test?.accuracy).toEqual(expect.any(Number));
  });

  it('refuses a checkpoint of other runs', async () => {
    let saved: import('./types').ComparisonCheckpoint | undefined;
    await runComparison(options(spec({ epochs: 1 }), { callbacks: { onCheckpoint: (c) => void (saved = c) } }));
    const other = spec({ runs: [run('lion', { name: 'lion' })] });
    await expect(runComparison(options(other, { resumeFrom: saved }))).rejects.toThrow(/a checkpoint of the runs lion/);
  });
});

describe('comparison runner: checkpoint spacing', () => {
  const spacing = { minSeconds: 30, maxShare: 0.02 };

  it('is due every epoch without spacing; with it, minSeconds after the last and within its share', () => {
    expect(checkpointDue(undefined, 1, { endMs: 0, costMs: 0 })).toBe(true);
    expect(checkpointDue(spacing, 29_999, { endMs: 0, costMs: 0 })).toBe(false);
    expect(checkpointDue(spacing, 30_000, { endMs: 0, costMs: 0 })).toBe(true);
    // A 1 s checkpoint waits 50 s (1 s is 2% of 50 s), not 30.
    expect(checkpointDue(spacing, 45_000, { endMs: 0, costMs: 1000 })).toBe(false);
    expect(checkpointDue(spacing, 50_000, { endMs: 0, costMs: 1000 })).toBe(true);
  });

  it('checkpoints the epoch ends that are due: the first at least minSeconds in, then by the same rule', async () => {
    // Each epoch takes 20 s of the clock, each checkpoint 400 ms (under 2% of 30 s).
    let now = 0;
    const taken: number[] = [];
    await runComparison(
      options(spec({ epochs: 6 }), {
        clock: () => now,
        checkpointSpacing: spacing,
        callbacks: {
          onEpoch: (record) => void (record.runId === 'sgd' && (now += 20_000)),
          onCheckpoint: (checkpoint) => {
            taken.push(checkpoint.epochsCompleted);
            now += 400;
          },
        },
      }),
    );
    // Epoch ends at 20, 40, 60.4, 80.4, 100.8, 120.8 s: due at 40 s (30 s in), then 30 s after 40.4 s, and so on.
    expect(taken).toEqual([2, 4, 6]);
  });
});
