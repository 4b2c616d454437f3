/** What the engine benchmarks share: random data, batch sizes, and one run through the runner. */
import { CIFAR10_FACTS } from '../engine/data/cifar10';
import type { Dataset } from '../engine/data/types';
import type { ModelOptions } from '../engine/experiment/config';
import { presets } from '../engine/experiment/presets';
import type { TrainableModel } from '../engine/models/types';
import { buildRequestedModel } from '../engine/experiment/run-experiment';
import { createOptimizer, type OptimizerConfig } from '../engine/optimizers/registry';
import { runComparison } from '../engine/training/comparison';
import type { ProbeOptions } from '../engine/training/probes';
import { createRng } from '../lib/rng';

export function randomImages(count: number, shape: [number, number, number]): Dataset {
  const rng = createRng(1);
  const inputs = new Uint8Array(count * shape[0] * shape[1] * shape[2]);
  for (let i = 0; i < inputs.length; i++) inputs[i] = rng.int(256);
  const targets = new Uint8Array(count);
  for (let i = 0; i < count; i++) targets[i] = rng.int(10);
  return { name: 'random', task: 'classification', count, inputShape: shape, inputs, targets, classNames: CIFAR10_FACTS.classNames };
}

/** Batch size per architecture: large enough to be realistic, small enough to finish on a cpu. */
export const benchBatch: Record<string, number> = { fcnn: 200, mlp: 200, scnn: 50, bcnn: 16, mcnn: 4, dense: 32, vae1: 50, vae2: 8 };

/** Benchmark names that are one architecture with options: E1's two VAEs. */
const benchModels: Readonly<Record<string, { architecture: string; options: ModelOptions }>> = {
  vae1: { architecture: 'vae', options: presets['e1-vae1']!.config.model! as ModelOptions },
  vae2: { architecture: 'vae', options: presets['e1-vae2']!.config.model! as ModelOptions },
};

/** A 10-class model named `name` (an architecture, or vae1 / vae2) for `dataset`'s inputs, Keras defaults, seed 1. */
export function benchModel(name: string, dataset: Dataset, id: string): TrainableModel {
  const { architecture, options } = benchModels[name] ?? { architecture: name, options: {} };
  return buildRequestedModel({ architecture, options, inputShape: dataset.inputShape, numClasses: 10, task: 'classification', seed: 1, modelId: id });
}

export const best = (xs: readonly number[]): number => Math.max(...xs);

export interface RunnerCase {
  readonly dataset: Dataset;
  readonly architecture: string;
  readonly optimizerName: OptimizerConfig['name'];
  readonly steps: number;
  readonly model?: ModelOptions;
}

/** Samples per second of one run through the comparison runner, probed or not. */
export async function runnerRate({ dataset, architecture, optimizerName, steps, model = {} }: RunnerCase, probes?: ProbeOptions): Promise<number> {
  let seconds = 0;
  const batchSize = benchBatch[architecture]!;
  await runComparison<OptimizerConfig, ModelOptions>({
    spec: {
      seed: 1,
      epochs: 1,
      batchSize,
      scaling: 'minmax',
      architecture,
      model,
      lossReadEvery: 10,
      evalBatchSize: 500,
      runs: [{ id: 'r', label: 'r', optimizer: { name: optimizerName } }],
    },
    data: { train: dataset },
    buildModel: buildRequestedModel,
    createOptimizer: (c) => createOptimizer(c),
    probes,
    callbacks: { onEpoch: (r) => void (seconds = r.elapsedSeconds) },
  });
  return (steps * batchSize) / seconds;
}

