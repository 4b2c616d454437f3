import type * as tf from '@tensorflow/tfjs';
import { ConfigError } from '../../lib/errors';
import type { TrainTestSplit } from '../data/types';
import { buildModel, type ModelSpec } from '../models/architectures';
import type { TrainableModel } from '../models/types';
import { createOptimizer, type OptimizerConfig } from '../optimizers/registry';
import {
  runComparison,
  type CheckpointSpacing,
  type ComparisonResult,
  type ModelRequest,
} from '../training/comparison';
import type { ComparisonController } from '../training/controller';
import type { ProbeOptions } from '../training/probes';
import type { ComparisonCallbacks, ComparisonCheckpoint } from '../training/types';
import type { ExperimentPlan, ModelOptions } from './config';
import { prepareComparisonData } from './prepare-data';

/** Maps the runner's request onto the architecture registry's typed options object. */
export function buildRequestedModel(request: ModelRequest<ModelOptions>): TrainableModel {
  const { architecture, options, inputShape, numClasses, task, seed, modelId } = request;
  if (task === 'regression' && architecture !== 'dense') {
    throw new ConfigError('bad-architecture', "the 'dense' architecture for a regression set", architecture, 'architecture');
  }
  const common = { ...options, inputShape, seed, modelId };
  // The VAE learns the images themselves: it has no classes, and its target is its input.
  const spec =
    architecture === 'dense'
      ? { architecture, ...common, task, ...(task === 'classification' ? { numClasses } : {}) }
      : architecture === 'vae'
        ? { architecture, ...common }
        : { architecture, ...common, numClasses };
  return buildModel(spec as ModelSpec);
}

export interface ExperimentRunOptions {
  readonly plan: ExperimentPlan;
  readonly split: TrainTestSplit;
  readonly callbacks?: ComparisonCallbacks;
  readonly signal?: AbortSignal;
  readonly controller?: ComparisonController;
  readonly keepModels?: boolean;
  /** Continue from a checkpoint a run of the same plan reported through `callbacks.onCheckpoint`. */
  readonly resumeFrom?: ComparisonCheckpoint;
  /** Measure the runs every `probes.every` steps (callbacks.onProbes); off when absent. */
  readonly probes?: ProbeOptions;
  /** How often epoch ends are checkpointed (see CheckpointSpacing); every epoch when absent. */
  readonly checkpointSpacing?: CheckpointSpacing;
}

/** Prepares the data the plan asks for and runs its comparison with the lab's registries. */
export function runExperiment(options: ExperimentRunOptions): Promise<ComparisonResult> {
  return runComparison<OptimizerConfig, ModelOptions>({
    spec: options.plan.spec,
    data: prepareComparisonData(options.plan, options.split),
    buildModel: buildRequestedModel,
    createOptimizer: (config) => createOptimizer(config) as tf.Optimizer,
    callbacks: options.callbacks,
    signal: options.signal,
    controller: options.controller,
    keepModels: options.keepModels,
    resumeFrom: options.resumeFrom,
    probes: options.probes,
    checkpointSpacing: options.checkpointSpacing,
  });
}
