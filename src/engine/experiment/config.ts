import { z } from 'zod';
import { ConfigError } from '../../lib/errors';
import { activationNames, architectureNames, initializerNames, type ArchitectureName } from '../models/catalog';
import { resolveOptimizerConfig, type OptimizerConfig } from '../optimizers/catalog';
import type { ComparisonSpec, RunSpec } from '../training/types';
import { checkVaeFields, vaeModelFields } from './vae-config';
import { stopRuleSchema } from './stop-rule-schema';
import { configErrorFromZod } from './zod-errors';

/**
 * The JSON an experiment is written in (a preset, a file for `npm run experiment`, later
 * a message from the UI). Parsing turns it into a ComparisonSpec or a ConfigError that
 * names the field, what was expected and what was found.
 *
 * Plain data and validation only: this module and everything it imports stay free of
 * `@tensorflow/*`, so the UI's main thread and persistence can parse configs without
 * loading tfjs (tests/unit/tfjs-free-modules.test.ts checks).
 */
export const datasetNames = ['fashion-mnist', 'cifar-10', 'prod', 'spiral'] as const;
export type DatasetName = (typeof datasetNames)[number];

const positiveInt = z.number().int().positive();
const rate = z.number().min(0).lt(1);
const scaling = z.enum(['minmax', 'none', 'standardize']);
const batchSize = z.union([positiveInt, z.literal('full')]);

const dropout = z.union([
  rate,
  z.strictObject({ input: rate.optional(), conv: rate.optional(), hidden: rate.optional(), scale: z.number().min(0).optional() }),
]);

const modelOptions = z.strictObject({
  dropout: dropout.optional(),
  l2: z.number().min(0).optional(),
  batchNorm: z.boolean().optional(),
  kernelInitializer: z.enum(initializerNames as unknown as [string, ...string[]]).optional(),
  hiddenUnits: z.array(positiveInt).optional(),
  activation: z.enum(activationNames as unknown as [string, ...string[]]).optional(),
  ...vaeModelFields,
});
export type ModelOptions = z.infer<typeof modelOptions>;

const earlyStopping = z.strictObject({
  monitor: z.enum(['val_loss', 'val_accuracy', 'loss']).default('val_loss'),
  patience: z.number().int().min(0),
  minDelta: z.number().min(0).default(0),
  restoreBestWeights: z.boolean().default(false),
});

const runSchema = z.strictObject({
  id: z.string().min(1).optional(),
  label: z.string().min(1).optional(),
  optimizer: z.unknown(),
  batchSize: batchSize.optional(),
  scaling: scaling.optional(),
  model: modelOptions.optional(),
  earlyStopping: earlyStopping.nullable().optional(),
  stopRule: stopRuleSchema.nullable().optional(),
});

export const experimentSchema = z.strictObject({
  name: z.string().default('experiment'),
  description: z.string().optional(),
  dataset: z.strictObject({
    name: z.enum(datasetNames),
    /** Train on a seeded random subset of this many training samples. */
    subset: positiveInt.optional(),
    /**
     * Validation data: a fraction in (0, 1) or a count split from the training set, or
     * 'test' to evaluate on the test set each epoch, as Keras's validation_data=(x_test,
     * y_test) did in the reference experiments.
     */
    validation: z.union([z.number().positive(), z.literal('test')]).optional(),
    /** Evaluate on a seeded subset of the test set. */
    testSubset: positiveInt.optional(),
    /** Synthetic sets only: how many points to generate. */
    count: positiveInt.optional(),
  }),
  architecture: z.enum(architectureNames as unknown as [ArchitectureName, ...ArchitectureName[]]),
  model: modelOptions.default({}),
  training: z.strictObject({
    epochs: positiveInt,
    batchSize,
    scaling: scaling.default('minmax'),
    seed: z.number().int().min(0).default(1),
    lossReadEvery: positiveInt.default(10),
    evalBatchSize: positiveInt.default(500),
    earlyStopping: earlyStopping.optional(),
    stopRule: stopRuleSchema.optional(),
  }),
  runs: z.array(runSchema).min(1),
});

export type ExperimentConfigInput = z.input<typeof experimentSchema>;
export type ParsedExperiment = z.output<typeof experimentSchema>;

export interface ExperimentPlan {
  readonly name: string;
  readonly description?: string;
  readonly dataset: ParsedExperiment['dataset'];
  readonly spec: ComparisonSpec<OptimizerConfig, ModelOptions>;
}

/** Validates an experiment config and resolves every run's optimizer against its Keras defaults. */
export function parseExperiment(input: unknown): ExperimentPlan {
  const parsed = experimentSchema.safeParse(input);
  if (!parsed.success) throw configErrorFromZod(parsed.error, input, 'config', 'invalid-config');
  const config = parsed.data;
  checkVaeFields(config);
  const seenIds = new Set<string>();
  const runs: RunSpec<OptimizerConfig, ModelOptions>[] = config.runs.map((run, i) => {
    const optimizer = resolveOptimizerConfig(run.optimizer, `runs[${i}].optimizer`) as OptimizerConfig;
    const id = run.id ?? `run-${i + 1}`;
    if (seenIds.has(id)) throw new ConfigError('duplicate-run-id', 'a unique id per run', `"${id}" twice`, `runs[${i}].id`);
    seenIds.add(id);
    return {
      id,
      label: run.label ?? optimizer.name,
      optimizer,
      batchSize: run.batchSize,
      scaling: run.scaling,
      model: run.model,
      earlyStopping: run.earlyStopping,
      ...(run.stopRule !== undefined ? { stopRule: run.stopRule } : {}),
    };
  });
  const { training } = config;
  return {
    name: config.name,
    description: config.description,
    dataset: config.dataset,
    spec: {
      seed: training.seed,
      epochs: training.epochs,
      batchSize: training.batchSize,
      scaling: training.scaling,
      architecture: config.architecture,
      model: config.model,
      lossReadEvery: training.lossReadEvery,
      evalBatchSize: training.evalBatchSize,
      earlyStopping: training.earlyStopping,
      ...(training.stopRule ? { stopRule: training.stopRule } : {}),
      runs,
    },
  };
}
