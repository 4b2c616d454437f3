import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Batch, Dataset } from '../data/types';
import type { ModelOptions } from '../experiment/config';
import { buildRequestedModel } from '../experiment/run-experiment';
import type { ForwardContext, TrainableModel } from '../models/types';
import { createVaeGalleryMaker } from '../models/vae-gallery';
import { VaeModel } from '../models/vae';
import { createOptimizer, type OptimizerConfig } from '../optimizers/registry';
import { createRng } from '../../lib/rng';
import { runComparison, type ComparisonOptions, type ModelRequest } from './comparison';
import type { ComparisonSpec, EpochRecord, ModelsSnapshot, RunResult } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** 8x8 grey pictures: a bright square somewhere on a dark ground, so there is something to learn. */
function pictures(count: number, seed: number): Dataset {
  const rng = createRng(seed);
  const inputs = new Uint8Array(count * 64);
  for (let i = 0; i < count; i++) {
    const [r, c] = [rng.int(5), rng.int(5)];
    for (let y = r; y < r + 4; y++) for (let x = c; x < c + 4; x++) inputs[i * 64 + y * 8 + x] = 200 + rng.int(56);
  }
  return { name: 'squares', task: 'classification', count, inputShape: [8, 8, 1], inputs, targets: new Uint8Array(count), classNames: ['square', 'none'] };
}

const train = pictures(96, 1);
const test = pictures(20, 2);
const tiny: ModelOptions = { filters: [4, 8], kernelSize: 3, latentDim: 2 };

function spec(runs: ComparisonSpec<OptimizerConfig, ModelOptions>['runs'], epochs = 2): ComparisonSpec<OptimizerConfig, ModelOptions> {
  return { seed: 5, epochs, batchSize: 16, scaling: 'minmax', architecture: 'vae', model: tiny, lossReadEvery: 3, evalBatchSize: 20, runs };
}

const adam = (id: string, model?: ModelOptions) => ({ id, label: id, optimizer: { name: 'adam', hyperparameters: { learning_rate: 0.01 } } as OptimizerConfig, ...(model ? { model } : {}) });

function options(
  s: ComparisonSpec<OptimizerConfig, ModelOptions>,
  extra: Partial<ComparisonOptions<OptimizerConfig, ModelOptions>> = {},
): ComparisonOptions<OptimizerConfig, ModelOptions> {
  return { spec: s, data: { train, validation: test, test }, buildModel: buildRequestedModel, createOptimizer: (c) => createOptimizer(c), ...extra };
}

const weightsOf = (model: TrainableModel) => model.allVariables.map((v) => Array.from(v.dataSync()));

describe('VAE comparisons', () => {
  it('record the loss and its two parts per epoch, for training and validation, and no accuracy', async () => {
    const epochs: EpochRecord[] = [];
    const result = await runComparison(options(spec([adam('a')]), { callbacks: { onEpoch: (r) => void epochs.push(r) } }));
    expect(epochs).toHaveLength(2);
    for (const record of epochs) {
      expect(record.accuracy).toBeUndefined();
      expect(record.valAccuracy).toBeUndefined();
      expect(record.kl).toBeGreaterThanOrEqual(0);
      expect(record.reconstruction! + record.kl!).toBeCloseTo(record.loss, 3);
      expect(record.valReconstruction! + record.valKl!).toBeCloseTo(record.valLoss!, 3);
    }
    const test: RunResult['test'] = result.runs[0]!.test!;
    expect(test.confusion).toBeUndefined();
    expect(test.accuracy).toBeUndefined();
    expect(test.reconstruction! + test.kl!).toBeCloseTo(test.loss, 3);
  });

  it('give every run the same sampling noise at a step: two runs of one optimizer stay identical', async () => {
    const noise: number[][] = [[], []];
    let built = 0;
    const spying = (request: ModelRequest<ModelOptions>): TrainableModel => {
      const model = buildRequestedModel(request);
      const seen = noise[built++]!;
      const loss = (batch: Batch, ctx: ForwardContext) => {
        if (ctx.training) seen.push(ctx.noiseSeed);
        return model.loss(batch, ctx);
      };
      return Object.assign(Object.create(Object.getPrototypeOf(model)), model, { loss }) as TrainableModel;
    };
    const epochs: EpochRecord[] = [];
    const result = await runComparison(options(spec([adam('a'), adam('b')]), { buildModel: spying, keepModels: true, callbacks: { onEpoch: (r) => void epochs.push(r) } }));
    expect(noise[0]).toHaveLength(12);
    expect(new Set(noise[0]).size).toBe(12);
    expect(noise[1]).toEqual(noise[0]);
    const [a, b] = [...result.models!.values()];
    expect(weightsOf(b!)).toEqual(weightsOf(a!));
    const strip = (r: EpochRecord) => ({ ...r, runId: '', trainSeconds: 0, elapsedSeconds: 0 });
    expect(epochs.filter((r) => r.runId === 'b').map(strip)).toEqual(epochs.filter((r) => r.runId === 'a').map(strip));
    result.models!.forEach((m) => m.dispose());
  });

  it('hold VAEs of two sizes: each run starts from the weights of the first run of its own shape', async () => {
    const wide: ModelOptions = { filters: [6, 8], kernelSize: 3, latentDim: 3 };
    const still = { learning_rate: 0 };
    const run = (id: string, model: ModelOptions) => ({ id, label: id, optimizer: { name: 'sgd', hyperparameters: still } as OptimizerConfig, model });
    // A builder that would give every run its own initial weights, were they not copied.
    let index = 0;
    const ownSeed = (request: ModelRequest<ModelOptions>) => buildRequestedModel({ ...request, seed: request.seed + 100 * index++ });
    const result = await runComparison(options(spec([run('small-1', tiny), run('wide-1', wide), run('small-2', tiny), run('wide-2', wide)], 1), { buildModel: ownSeed, keepModels: true }));
    const models = result.models!;
    expect(weightsOf(models.get('small-2')!)).toEqual(weightsOf(models.get('small-1')!));
    expect(weightsOf(models.get('wide-2')!)).toEqual(weightsOf(models.get('wide-1')!));
    expect((models.get('wide-1') as VaeModel).latentDim).toBe(3);
    models.forEach((m) => m.dispose());
  });

  it('show the models after every epoch and at the end, and stay leak-free with galleries decoded there', async () => {
    const snapshots: Omit<ModelsSnapshot, 'runs'>[] = [];
    const memory: number[] = [];
    const maker = createVaeGalleryMaker({ source: test, seed: 5 });
    const decoded: number[] = [];
    await runComparison(
      options(spec([adam('a'), adam('b', { ...tiny, latentDim: 3 })], 3), {
        callbacks: {
          onModels: async (snapshot) => {
            snapshots.push({ epoch: snapshot.epoch, final: snapshot.final });
            for (const run of snapshot.runs) {
              expect(run.model).toBeInstanceOf(VaeModel);
              const gallery = await maker.decode(run.model as VaeModel);
              decoded.push(gallery.latentWalk.rows);
            }
          },
          onMemory: (m) => void memory.push(m.numTensors),
        },
      }),
    );
    expect(snapshots).toEqual([
      { epoch: 1, final: false },
      { epoch: 2, final: false },
      { epoch: 3, final: false },
      { epoch: 3, final: true },
    ]);
    expect(decoded).toEqual([2, 3, 2, 3, 2, 3, 2, 3]);
    expect(new Set(memory).size).toBe(1);
  });
});
