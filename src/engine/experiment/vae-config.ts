/**
 * What an experiment config may say about the convolutional VAE, and the checks that
 * zod alone cannot make: its shape options belong to it alone, it needs an image set in
 * [0, 1], and it has no dropout, batch norm or accuracy. Plain data (zod), no tfjs.
 */
import { z } from 'zod';
import { ConfigError } from '../../lib/errors';

const positiveInt = z.number().int().positive();

/** The VAE's fields of the model options (comparison-wide or per run). */
export const vaeModelFields = {
  /** The encoder's two filter counts; the decoder mirrors them. VAE1 [16, 32], VAE2 [32, 64]. */
  filters: z.tuple([positiveInt, positiveInt]).optional(),
  kernelSize: positiveInt.optional(),
  latentDim: positiveInt.optional(),
};

const VAE_FIELDS = Object.keys(vaeModelFields);
/** Options of the other architectures that the VAE does not have. */
const NOT_FOR_VAE = ['dropout', 'batchNorm', 'hiddenUnits', 'activation'] as const;
const IMAGE_SETS = ['fashion-mnist', 'cifar-10'];

type ModelFields = Readonly<Record<string, unknown>> | undefined;

/** The parts of a parsed config these checks read. */
interface ConfigShape {
  readonly architecture: string;
  readonly dataset: { readonly name: string };
  readonly model: ModelFields;
  readonly training: { readonly scaling: string; readonly earlyStopping?: { readonly monitor: string } };
  readonly runs: readonly { readonly model?: ModelFields; readonly scaling?: string; readonly earlyStopping?: { readonly monitor: string } | null }[];
}

/** Throws a ConfigError naming the first field that does not fit the architecture. */
export function checkVaeFields(config: ConfigShape): void {
  const models: [ModelFields, string][] = [[config.model, 'model'], ...config.runs.map((run, i): [ModelFields, string] => [run.model, `runs[${i}].model`])];
  const present = (model: ModelFields, field: string): boolean => model?.[field] !== undefined;
  if (config.architecture !== 'vae') {
    for (const [model, where] of models) {
      const field = VAE_FIELDS.find((name) => present(model, name));
      if (field) throw new ConfigError('bad-model', "architecture 'vae' for this option (only the vae has it)", `"${field}" with architecture "${config.architecture}"`, `${where}.${field}`);
    }
    return;
  }
  if (!IMAGE_SETS.includes(config.dataset.name)) {
    throw new ConfigError('bad-architecture', `an image dataset (${IMAGE_SETS.join(' or ')}) for the vae`, `"${config.dataset.name}"`, 'architecture');
  }
  for (const [model, where] of models) {
    const field = NOT_FOR_VAE.find((name) => present(model, name) && !(name === 'dropout' && model?.[name] === 0) && !(name === 'batchNorm' && model?.[name] === false));
    if (field) throw new ConfigError('bad-model', `no "${field}" for the vae (it has none)`, JSON.stringify(model![field]), `${where}.${field}`);
  }
  const scalings: [string | undefined, string][] = [[config.training.scaling, 'training.scaling'], ...config.runs.map((run, i): [string | undefined, string] => [run.scaling, `runs[${i}].scaling`])];
  for (const [scaling, where] of scalings) {
    if (scaling !== undefined && scaling !== 'minmax') {
      throw new ConfigError('bad-scaling', "'minmax' for the vae (it reconstructs pixels in [0, 1] through a sigmoid)", `"${scaling}"`, where);
    }
  }
  const monitors: [string | undefined, string][] = [
    [config.training.earlyStopping?.monitor, 'training.earlyStopping.monitor'],
    ...config.runs.map((run, i): [string | undefined, string] => [run.earlyStopping?.monitor, `runs[${i}].earlyStopping.monitor`]),
  ];
  for (const [monitor, where] of monitors) {
    if (monitor === 'val_accuracy') throw new ConfigError('bad-early-stopping', "'val_loss' or 'loss' for the vae (it has no accuracy)", '"val_accuracy"', where);
  }
}
