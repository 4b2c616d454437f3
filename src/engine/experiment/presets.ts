import { VAE_MODELS, type VaeModelName } from '../models/vae-catalog';
import type { ExperimentConfigInput } from './config';

/**
 * The reference experiments (shared/spec/reference-experiments.md) as data. Settings
 * are the published ones; a user (or `npm run experiment -- NAME --epochs 1`) shortens
 * them. Where the source does not say, the choice is written beside it.
 */
export interface Preset {
  readonly title: string;
  readonly config: ExperimentConfigInput;
}

const E1_OPTIMIZERS = ['sgd', 'rmsprop', 'adagrad', 'adadelta', 'adam', 'adamax', 'nadam'] as const;
const E2_OPTIMIZERS = ['adagrad', 'adadelta', 'rmsprop', 'adam', 'nadam'] as const;

const stock = (names: readonly string[]) => names.map((name) => ({ id: name, label: name, optimizer: { name } }));

const e1 = (architecture: 'fcnn' | 'scnn' | 'bcnn' | 'mcnn', label: string): Preset => ({
  title: `E1 ${label}: seven optimizers with Keras stock settings on Fashion-MNIST`,
  config: {
    name: `e1-${architecture}`,
    description:
      'Seven optimizers, stock hyperparameters, 50 epochs, batch 200, pixels scaled to [0, 1]; validation on the test set each epoch, as the reference did.',
    dataset: { name: 'fashion-mnist', validation: 'test' },
    architecture,
    training: { epochs: 50, batchSize: 200, scaling: 'minmax', seed: 1 },
    runs: stock(E1_OPTIMIZERS),
  },
});

type VaeModelOptions = NonNullable<ExperimentConfigInput['model']>;

/** VAE1's or VAE2's model options as config data. */
const vaeModel = (name: VaeModelName): VaeModelOptions => {
  const { filters, kernelSize, latentDim } = VAE_MODELS[name];
  return { filters: [filters[0], filters[1]], kernelSize, latentDim };
};

const VAE_LABELS: Readonly<Record<VaeModelName, string>> = { vae1: 'VAE1', vae2: 'VAE2' };

const E1_VAE = {
  dataset: { name: 'fashion-mnist', validation: 'test' },
  architecture: 'vae',
  training: { epochs: 50, batchSize: 200, scaling: 'minmax', seed: 1 },
} as const satisfies Omit<ExperimentConfigInput, 'runs'>;

const e1Vae = (name: VaeModelName): Preset => ({
  title: `E1 ${VAE_LABELS[name]}: seven optimizers with Keras stock settings on a convolutional VAE, Fashion-MNIST`,
  config: {
    name: `e1-${name}`,
    description: `${VAE_LABELS[name]} (filters ${VAE_MODELS[name].filters.join(' and ')}, kernel ${VAE_MODELS[name].kernelSize}, latent size ${VAE_MODELS[name].latentDim}); loss per image: summed squared reconstruction error plus KL, about 22-26 for good runs in the reference. Seven stock optimizers, 50 epochs, batch 200.`,
    ...E1_VAE,
    model: vaeModel(name),
    runs: stock(E1_OPTIMIZERS),
  },
});

/**
 * The reference trained VAE1 and VAE2 with the same seven optimizers. As one comparison
 * (per-run model options), all fourteen runs step in lock-step on the same batches and
 * noise, and each run of one model starts from the same weights as the others of that
 * model; curves, results and galleries of both models sit side by side.
 */
const e1VaeOneVsTwo: Preset = {
  title: 'E1 VAE1 vs VAE2: seven optimizers on each of the two VAEs, side by side',
  config: {
    name: 'e1-vae1-vs-vae2',
    description: 'The reference setup: VAE1 and VAE2 each with the seven stock optimizers (14 runs), 50 epochs, batch 200, on the same batches and sampling noise.',
    ...E1_VAE,
    runs: (['vae1', 'vae2'] as const).flatMap((model) =>
      E1_OPTIMIZERS.map((name) => ({ id: `${model}-${name}`, label: `${VAE_LABELS[model]} ${name}`, optimizer: { name }, model: vaeModel(model) })),
    ),
  },
};

const e2 = (variant: 'l2' | 'dropout', scaling: 'none' | 'minmax'): Preset => ({
  title: `E2 CIFAR-10 MLP, ${variant === 'l2' ? 'L2 0.01' : 'dropout 0.2/0.5'}, inputs ${scaling === 'none' ? 'NOT scaled (the pitfall)' : 'scaled (the fix)'}`,
  config: {
    name: `e2-${variant}${scaling === 'none' ? '-unscaled' : '-scaled'}`,
    description:
      "Two hidden layers of 1000 ReLU units (he_normal), batch 128, five optimizers with defaults. The original fed raw 0-255 pixels: loss falls while accuracy sits at chance, and with dropout nothing learns. Epochs: 200 in the original.",
    dataset: { name: 'cifar-10', validation: 'test' },
    architecture: 'mlp',
    model: variant === 'l2' ? { l2: 0.01 } : { l2: 0, dropout: { input: 0.2, hidden: 0.5 } },
    training: { epochs: 200, batchSize: 128, scaling, seed: 1 },
    runs: stock(E2_OPTIMIZERS),
  },
});

/**
 * E2 reproduced: E2's network with input scaling off and on, without and with dropout,
 * four runs of one optimizer (Adam, from E2's five) from the same weights, so the
 * unscaled runs sit next to their fix. On CIFAR-10 as in E2; on Fashion-MNIST when
 * CIFAR-10 is not at hand (same network, 28x28x1 inputs). Measured here on Fashion-MNIST
 * (2 epochs of 3,000 images): the unscaled runs train with a loss hundreds of times
 * larger and gradients a hundred times larger, and the lab names the cause for them.
 * 10 epochs (E2 ran 200).
 */
export function e2Reproduced(dataset: 'cifar-10' | 'fashion-mnist'): Preset {
  const dropout = { l2: 0, dropout: { input: 0.2, hidden: 0.5 } };
  const run = (id: string, label: string, scaling: 'none' | 'minmax', model?: typeof dropout) => ({
    id,
    label,
    optimizer: { name: 'adam' },
    scaling,
    ...(model ? { model } : {}),
  });
  const where = dataset === 'cifar-10' ? 'CIFAR-10' : 'Fashion-MNIST';
  return {
    title: `E2 reproduced on ${where}: inputs not scaled and scaled, with L2 and with dropout`,
    config: {
      name: `e2-reproduced-${dataset}`,
      description:
        `E2's MLP (two hidden layers of 1000 ReLU units, he_normal) with Adam on ${where}: L2 0.01 or dropout 0.2/0.5, inputs raw (0-255, E2's mistake) or scaled to [0, 1]. ` +
        'Watch the diagnosis name the cause for the unscaled runs, and try its fix. 10 epochs of batch 128 (E2 ran 200).',
      dataset: { name: dataset, validation: 'test' },
      architecture: 'mlp',
      model: { l2: 0.01 },
      training: { epochs: 10, batchSize: 128, scaling: 'minmax', seed: 1 },
      runs: [
        run('l2-unscaled', 'L2, not scaled', 'none'),
        run('l2-scaled', 'L2, scaled', 'minmax'),
        run('dropout-unscaled', 'Dropout, not scaled', 'none', dropout),
        run('dropout-scaled', 'Dropout, scaled', 'minmax', dropout),
      ],
    },
  };
}

/**
 * E5 does not name its MLP or its data beyond "an image set, 48,000 / 12,000": we use
 * Fashion-MNIST and two hidden ReLU layers of 256 and 128 units, plain SGD at Keras's
 * 0.01 for the gradient-descent variants, and Keras's old `decay` argument as an
 * inverse-time decay (lr0 / (1 + 1e-4 * step)).
 */
export const E5_BASE: Omit<ExperimentConfigInput, 'runs'> = {
  dataset: { name: 'fashion-mnist', validation: 12_000 },
  architecture: 'dense',
  model: { hiddenUnits: [256, 128], activation: 'relu' },
  training: { epochs: 50, batchSize: 32, scaling: 'minmax', seed: 1 },
};

const decay = { kind: 'inverse_time_decay', initial_learning_rate: 0.01, decay_steps: 1, decay_rate: 1e-4 } as const;

export const presets: Readonly<Record<string, Preset>> = {
  'e1-fcnn': e1('fcnn', 'FCNN'),
  'e1-scnn': e1('scnn', 'SCNN'),
  'e1-bcnn': e1('bcnn', 'BCNN'),
  'e1-mcnn': e1('mcnn', 'MCNN'),
  'e1-vae1': e1Vae('vae1'),
  'e1-vae2': e1Vae('vae2'),
  'e1-vae1-vs-vae2': e1VaeOneVsTwo,
  'e2-l2-unscaled': e2('l2', 'none'),
  'e2-dropout-unscaled': e2('dropout', 'none'),
  'e2-l2-scaled': e2('l2', 'minmax'),
  'e2-dropout-scaled': e2('dropout', 'minmax'),
  'e2-reproduced': e2Reproduced('cifar-10'),
  'e2-reproduced-fashion-mnist': e2Reproduced('fashion-mnist'),
  'e5-part-one': {
    title: 'E5 part one: batch, mini-batch and stochastic gradient descent, decay, momentum, Adam, RMSprop',
    config: {
      name: 'e5-part-one',
      ...E5_BASE,
      runs: [
        { id: 'batch-gd', label: 'Batch GD', optimizer: { name: 'sgd' }, batchSize: 'full' },
        { id: 'mini-batch-gd', label: 'Mini-batch GD (32)', optimizer: { name: 'sgd' } },
        { id: 'stochastic-gd', label: 'Stochastic GD (1)', optimizer: { name: 'sgd' }, batchSize: 1 },
        { id: 'decay', label: 'Mini-batch + lr decay', optimizer: { name: 'sgd', hyperparameters: { learning_rate: decay } } },
        {
          id: 'decay-momentum',
          label: 'Mini-batch + decay + momentum',
          optimizer: { name: 'sgd', hyperparameters: { learning_rate: decay, momentum: 0.9 } },
        },
        { id: 'adam', label: 'Adam', optimizer: { name: 'adam' } },
        { id: 'rmsprop', label: 'RMSprop', optimizer: { name: 'rmsprop' } },
      ],
    },
  },
  'e5-part-two': {
    title: 'E5 part two: overfitting controls (L2, dropout, batch norm, early stopping)',
    config: {
      name: 'e5-part-two',
      ...E5_BASE,
      runs: [
        { id: 'plain', label: 'Mini-batch GD', optimizer: { name: 'sgd' } },
        { id: 'l2', label: '+ L2 0.01', optimizer: { name: 'sgd' }, model: { l2: 0.01 } },
        { id: 'dropout-0.2', label: '+ dropout 0.2', optimizer: { name: 'sgd' }, model: { dropout: 0.2 } },
        { id: 'dropout-0.3', label: '+ dropout 0.3', optimizer: { name: 'sgd' }, model: { dropout: 0.3 } },
        { id: 'dropout-0.5', label: '+ dropout 0.5', optimizer: { name: 'sgd' }, model: { dropout: 0.5 } },
        { id: 'batch-norm', label: '+ batch normalisation', optimizer: { name: 'sgd' }, model: { batchNorm: true } },
        { id: 'adam', label: 'Adam', optimizer: { name: 'adam' } },
        { id: 'rmsprop', label: 'RMSprop', optimizer: { name: 'rmsprop' } },
        {
          id: 'early-stopping',
          label: '+ early stopping',
          optimizer: { name: 'sgd' },
          earlyStopping: { monitor: 'val_loss', patience: 5, restoreBestWeights: true },
        },
        // The reference's random search found batch size 16; the search itself is the sweep preset e5-random-search.
        { id: 'random-search-best', label: 'Random search best (batch 16)', optimizer: { name: 'sgd' }, batchSize: 16 },
      ],
    },
  },
};

export const presetNames = Object.keys(presets);
