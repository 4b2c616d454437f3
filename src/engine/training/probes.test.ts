/**
 * The probes: a probed run is bit-identical to an unprobed one, frees every tensor, and
 * reports what an independent computation on the same weights and batch gives.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Batcher } from '../data/batcher';
import { makeSpiral } from '../data/synthetic';
import type { Dataset } from '../data/types';
import type { ModelOptions } from '../experiment/config';
import { buildRequestedModel } from '../experiment/run-experiment';
import { hashSeed } from '../../lib/rng';
import { createOptimizer, type OptimizerConfig } from '../optimizers/registry';
import { randomImageDataset } from '../../../tests/helpers/datasets';
import { runComparison, type ComparisonResult } from './comparison';
import { STEP_SIZE_BIN_COUNT, stepSizeBinEdge, type ProbeSample } from './probe-types';
import type { BatchRecord, ComparisonSpec, RunSpec } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const spiral = makeSpiral({ count: 96, seed: 3 });

const OPTIMIZERS: readonly OptimizerConfig[] = [
  { name: 'sgd', hyperparameters: { momentum: 0.9 } },
  { name: 'rmsprop', hyperparameters: { centered: true } },
  { name: 'adagrad' },
  { name: 'adadelta', hyperparameters: { learning_rate: 1 } },
  { name: 'adam', hyperparameters: { amsgrad: true } },
  { name: 'adamax' },
  { name: 'nadam' },
  { name: 'adamw' },
  { name: 'lion' },
];

function spec(runs: readonly RunSpec<OptimizerConfig, ModelOptions>[], overrides: Partial<ComparisonSpec<OptimizerConfig, ModelOptions>> = {}): ComparisonSpec<OptimizerConfig, ModelOptions> {
  return {
    seed: 5,
    epochs: 2,
    batchSize: 16,
    scaling: 'none',
    architecture: 'dense',
    model: { hiddenUnits: [8, 8], activation: 'relu' },
    lossReadEvery: 3,
    evalBatchSize: 32,
    runs,
    ...overrides,
  };
}

async function train(s: ComparisonSpec<OptimizerConfig, ModelOptions>, probes: { every: number } | undefined, data: Dataset = spiral) {
  const batches: BatchRecord[] = [];
  const samples: ProbeSample[] = [];
  const result: ComparisonResult = await runComparison<OptimizerConfig, ModelOptions>({
    spec: s,
    data: { train: data },
    buildModel: buildRequestedModel,
    createOptimizer: (config) => createOptimizer(config),
    keepModels: true,
    probes,
    callbacks: { onBatches: (r) => void batches.push(...r), onProbes: (p) => void samples.push(...p) },
  });
  const weights = new Map<string, Float32Array[]>();
  for (const [id, model] of result.models!) {
    weights.set(id, model.allVariables.map((v) => v.dataSync() as Float32Array));
    model.dispose();
  }
  return { batches, samples, weights };
}

const runsOf = (configs: readonly OptimizerConfig[]) => configs.map((optimizer, i) => ({ id: `${optimizer.name}-${i}`, label: optimizer.name, optimizer }));

describe('probed steps', () => {
  it('leave every optimizer’s weights and losses bit-identical to unprobed steps', async () => {
    const s = spec(runsOf(OPTIMIZERS), { epochs: 1 });
    const plain = await train(s, undefined);
    const probed = await train(s, { every: 1 });
    expect(probed.samples.length).toBe(OPTIMIZERS.length * Math.floor(96 / 16));
    expect(probed.batches).toEqual(plain.batches);
    for (const [id, weights] of plain.weights) {
      probed.weights.get(id)!.forEach((values, i) => expect(Array.from(values)).toEqual(Array.from(weights[i]!)));
    }
  });

  it('free every tensor they create', async () => {
    const before = tf.memory().numTensors;
    await train(spec(runsOf([{ name: 'adam' }, { name: 'sgd' }])), { every: 2 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('are taken at the first step and then every `every` steps, with their epoch', async () => {
    const { samples } = await train(spec(runsOf([{ name: 'adam' }])), { every: 4 });
    expect(samples.map((p) => [p.step, p.epoch])).toEqual([
      [1, 1],
      [4, 1],
      [8, 2],
      [12, 2],
    ]);
  });
});

/** The first batch of the comparison and a model with its initial weights, built independently. */
function firstStepByHand(data: Dataset, s: ComparisonSpec<OptimizerConfig, ModelOptions>) {
  const model = buildRequestedModel({
    architecture: s.architecture,
    options: s.model,
    inputShape: data.inputShape,
    numClasses: data.classNames.length,
    task: data.task,
    seed: s.seed,
    modelId: 'by-hand',
  });
  const batcher = new Batcher({ dataset: data, batchSize: s.batchSize as number, seed: hashSeed(s.seed, 'batches'), scaling: s.scaling });
  const batch = batcher.batch(batcher.epochOrder(0), 0);
  return { model, batch, noiseSeed: hashSeed(s.seed, 'noise', `${s.batchSize}|${s.scaling}`, 0) };
}

const norm = (values: ArrayLike<number>) => Math.sqrt(Array.from(values).reduce((sum, v) => sum + v * v, 0));

describe('what a probe reports', () => {
  const images = randomImageDataset({ count: 32, shape: [4, 4, 1], seed: 2 });
  const imageSpec = (optimizer: OptimizerConfig, scaling: 'none' | 'minmax') =>
    spec([{ id: 'r', label: 'r', optimizer }], { epochs: 1, batchSize: 8, scaling, model: { hiddenUnits: [6], activation: 'relu' } });

  it('gives the batch’s value range and spread as the network saw it', async () => {
    for (const scaling of ['none', 'minmax'] as const) {
      const s = imageSpec({ name: 'sgd' }, scaling);
      const { samples } = await train(s, { every: 100 }, images);
      const { model, batch } = firstStepByHand(images, s);
      const x = Array.from(batch.x.dataSync());
      const mean = x.reduce((a, b) => a + b, 0) / x.length;
      const std = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length);
      const { input } = samples[0]!;
      expect(input.min).toBe(Math.min(...x));
      expect(input.max).toBe(Math.max(...x));
      expect(input.mean).toBeCloseTo(mean, 3);
      expect(input.std).toBeCloseTo(std, 3);
      expect(input.max).toBeGreaterThan(scaling === 'none' ? 200 : 0.8);
      model.dispose();
      tf.dispose([batch.x, batch.y]);
    }
  });

  it('gives each layer’s gradient norm, weight norm and update ratio as computed by hand', async () => {
    // One batch per epoch, one epoch: the probe's step is the run's only step.
    const eight = randomImageDataset({ count: 8, shape: [4, 4, 1], seed: 2 });
    const s = imageSpec({ name: 'adam' }, 'minmax');
    const { samples, weights } = await train(s, { every: 100 }, eight);
    const { model, batch, noiseSeed } = firstStepByHand(eight, s);
    const variables = model.trainableVariables as tf.Variable[];
    const { grads, value } = tf.variableGrads(() => model.loss(batch, { training: true, noiseSeed }).loss, variables);
    const after = weights.get('r')!;
    const probe = samples[0]!;
    expect(probe.layers.map((l) => l.layer)).toEqual(['1_dense', '2_dense']);
    probe.layers.forEach((layer, i) => {
      const [kernel, bias] = [variables[2 * i]!, variables[2 * i + 1]!];
      const gradNorm = norm([...grads[kernel.name]!.dataSync(), ...grads[bias.name]!.dataSync()]);
      const before = [...kernel.dataSync(), ...bias.dataSync()];
      const now = [...after[2 * i]!, ...after[2 * i + 1]!];
      expect(layer.gradNorm).toBeCloseTo(gradNorm, 5);
      expect(layer.weightNorm).toBeCloseTo(norm(now), 5);
      expect(layer.updateRatio).toBeCloseTo(norm(now.map((w, j) => w - before[j]!)) / norm(before), 5);
      // Adam's first step: |m| = 0.1 |g|, √v = √0.001 |g| on average over the layer.
      const g = [...grads[kernel.name]!.dataSync(), ...grads[bias.name]!.dataSync()];
      expect(layer.firstMoment).toBeCloseTo((0.1 * g.reduce((a, b) => a + Math.abs(b), 0)) / g.length, 6);
      expect(layer.secondMoment).toBeCloseTo((Math.sqrt(0.001) * g.reduce((a, b) => a + Math.abs(b), 0)) / g.length, 6);
    });
    tf.dispose([value, grads, batch.x, batch.y]);
    model.dispose();
  });

  it('puts every parameter in the bin of the learning rate for SGD, and Adagrad’s below lr / √0.1', async () => {
    const parameters = 16 * 6 + 6 + 6 * 10 + 10;
    const sgd = (await train(imageSpec({ name: 'sgd', hyperparameters: { learning_rate: 0.01 } }, 'minmax'), { every: 100 }, images)).samples[0]!;
    const bin = Array.from({ length: STEP_SIZE_BIN_COUNT }, (_, i) => i).find((i) => stepSizeBinEdge(i) <= 0.01 && 0.01 < stepSizeBinEdge(i + 1))!;
    expect(sgd.learningRate).toBe(0.01);
    expect(sgd.stepSizes!.counts[bin]).toBe(parameters);
    expect(sgd.stepSizes!.counts.reduce((a, b) => a + b, 0)).toBe(parameters);

    const adagrad = (await train(imageSpec({ name: 'adagrad' }, 'minmax'), { every: 100 }, images)).samples[0]!;
    const counts = adagrad.stepSizes!.counts;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(parameters);
    const ceiling = 0.001 / Math.sqrt(0.1);
    counts.forEach((count, i) => {
      if (stepSizeBinEdge(i) > ceiling) expect(count).toBe(0);
    });
  });

  it('gives the exact step-size quantiles: lr for SGD, Adagrad’s lr / √(0.1 + g² + ε) of the gradient by hand', async () => {
    const sgd = (await train(imageSpec({ name: 'sgd', hyperparameters: { learning_rate: 0.01 } }, 'minmax'), { every: 100 }, images)).samples[0]!;
    expect(sgd.stepSizes!.quantiles).toEqual([0.01, 0.01, 0.01]);

    // One batch, one step: the probe's accumulator is 0.1 + g² of the first batch.
    const eight = randomImageDataset({ count: 8, shape: [4, 4, 1], seed: 2 });
    const s = imageSpec({ name: 'adagrad' }, 'minmax');
    const adagrad = (await train(s, { every: 100 }, eight)).samples[0]!;
    const { model, batch, noiseSeed } = firstStepByHand(eight, s);
    const variables = model.trainableVariables as tf.Variable[];
    const { grads, value } = tf.variableGrads(() => model.loss(batch, { training: true, noiseSeed }).loss, variables);
    const steps = variables.flatMap((v) => Array.from(grads[v.name]!.dataSync(), (g) => 0.001 / Math.sqrt(0.1 + g * g + 1e-7))).sort((a, b) => a - b);
    const byHand = [0.1, 0.5, 0.9].map((q) => steps[Math.ceil(q * steps.length) - 1]!);
    adagrad.stepSizes!.quantiles!.forEach((quantile, i) => expect(quantile).toBeCloseTo(byHand[i]!, 7));
    expect(new Set(byHand).size).toBe(3);
    tf.dispose([value, grads, batch.x, batch.y]);
    model.dispose();
  });

  it('samples a large variable, each sampled parameter standing for its share: the counts still add up', async () => {
    const large = randomImageDataset({ count: 16, shape: [28, 28, 1], seed: 3 });
    const s = spec([{ id: 'r', label: 'r', optimizer: { name: 'adagrad' } }], { epochs: 1, batchSize: 8, scaling: 'minmax', model: { hiddenUnits: [8], activation: 'relu' } });
    const counts = (await train(s, { every: 100 }, large)).samples[0]!.stepSizes!.counts;
    const parameters = 784 * 8 + 8 + 8 * 10 + 10; // the kernel (6,272) is sampled: 4,096 positions
    expect(Math.abs(counts.reduce((a, b) => a + b, 0) - parameters)).toBeLessThanOrEqual(STEP_SIZE_BIN_COUNT);
    counts.forEach((count, i) => {
      if (stepSizeBinEdge(i) > 0.001 / Math.sqrt(0.1)) expect(count).toBe(0);
    });
  });

  it('reports a ReLU layer whose units never fire as all dead, and a healthy one as not', async () => {
    // Non-negative inputs through all-ones kernels with a large negative input shift: every unit is 0.
    const negative: Dataset = { ...spiral, inputs: spiral.inputs.map((v) => -Math.abs(v) - 1) as Float32Array };
    const deadSpec = spec([{ id: 'r', label: 'r', optimizer: { name: 'sgd' } }], { epochs: 1, model: { hiddenUnits: [8], activation: 'relu', kernelInitializer: 'ones' } });
    const dead = (await train(deadSpec, { every: 100 }, negative)).samples[0]!;
    expect(dead.layers[0]!.deadShare).toBe(1);
    const healthy = (await train(spec([{ id: 'r', label: 'r', optimizer: { name: 'sgd' } }], { epochs: 1 }), { every: 100 })).samples[0]!;
    expect(healthy.layers[0]!.deadShare).toBeLessThan(0.5);
    // The output layer has no activation: no dead share.
    expect(healthy.layers.at(-1)!.deadShare).toBeUndefined();
  });
});
