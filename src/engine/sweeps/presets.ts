/**
 * The reference experiments that sweep (shared/spec/reference-experiments.md) as data:
 * E3's four two-hyperparameter grids on "prod", E4's learning-rate valley with time to
 * target (a smaller grid to start with, and the full 48 rates), and E5's random search.
 * Where the source does not say, the choice is written beside it.
 */
import type { ExperimentConfigInput } from '../experiment/config';
import { E5_BASE } from '../experiment/presets';
import type { SweepConfigInput } from './sweep-config';

export interface SweepPreset {
  readonly title: string;
  readonly config: SweepConfigInput;
}

/**
 * E3's trainFCNN(nb_pnt=2500, dataset='prod') with Keras: 2,500 points (a test set of
 * 500 more is drawn from another seed), no validation, the training loss per epoch.
 * The document does not give the batch size or, for the first grid, the optimizer: we
 * take 50, the smallest of its `batchSizes`, and Adam at Keras's 0.001.
 */
function e3Base(epochs: number, model: ExperimentConfigInput['model'], optimizer: string): ExperimentConfigInput {
  return {
    name: 'e3',
    dataset: { name: 'prod', count: 2500 },
    architecture: 'dense',
    model,
    training: { epochs, batchSize: 50, scaling: 'none', seed: 1 },
    runs: [{ optimizer: { name: optimizer } }],
  };
}

const DIMS_16_16: ExperimentConfigInput['model'] = { hiddenUnits: [16, 16], activation: 'relu' };
/** E3 writes learning rates as multiples of 1e-3: lr = hp2 * 1e-3. */
const lrTimes1e3 = (multiples: readonly number[]) => ({ kind: 'list' as const, values: multiples.map((m) => Number((m * 1e-3).toPrecision(12))) });

/**
 * E4 (Mack, "How to pick the best learning rate"): six optimizers, the same seed, each
 * trained until 97% train accuracy or 120 s. The original trained TensorFlow's small
 * MNIST CNN; we use Fashion-MNIST and a dense 784-100-10 ReLU net on a seeded subset,
 * batch 50, which a student's browser trains quickly enough for a grid. Train accuracy
 * is each epoch's mean over its batches, as Keras reports it.
 */
const E4_OPTIMIZERS = ['sgd', 'adam', 'adagrad', 'adadelta', 'rmsprop', 'momentum'];

function e4(options: { subset: number; epochs: number; maxSeconds: number; rates: number }): SweepConfigInput {
  return {
    name: options.rates === 48 ? 'e4-full' : 'e4',
    description:
      `Six optimizers × ${options.rates} learning rates from 1e-6 to 100 (log-spaced), the same seed for every run; each run stops at 97% train accuracy, ` +
      `after ${options.maxSeconds} s of its own training or after ${options.epochs} epochs. Fashion-MNIST subset of ${options.subset.toLocaleString('en')}, dense 784-100-10.`,
    base: {
      name: 'e4',
      dataset: { name: 'fashion-mnist', subset: options.subset, testSubset: 1000 },
      architecture: 'dense',
      model: { hiddenUnits: [100], activation: 'relu' },
      training: {
        epochs: options.epochs,
        batchSize: 50,
        scaling: 'minmax',
        seed: 1,
        stopRule: { target: { metric: 'accuracy', value: 0.97 }, maxSeconds: options.maxSeconds },
      },
      runs: [{ optimizer: { name: 'sgd' } }],
    },
    grid: [
      { param: 'optimizer', values: { kind: 'list', values: E4_OPTIMIZERS } },
      { param: 'learning_rate', values: { kind: 'log', from: 1e-6, to: 100, count: options.rates } },
    ],
    groupSize: 8,
    objective: 'time-to-target',
  };
}

export const sweepPresets: Readonly<Record<string, SweepPreset>> = {
  'e3-activation-width': {
    title: 'E3 grid 1: activation × hidden size (one layer), 100 epochs',
    config: {
      name: 'e3-activation-width',
      description: 'Activation {sigmoid, tanh, relu} × one hidden layer of {2, 4, 8, 16} units on prod, Adam, 100 epochs.',
      base: e3Base(100, { hiddenUnits: [16] }, 'adam'),
      grid: [
        { param: 'activation', values: { kind: 'list', values: ['sigmoid', 'tanh', 'relu'] } },
        { param: 'hiddenWidth', values: { kind: 'list', values: [2, 4, 8, 16] } },
      ],
    },
  },
  'e3-optimizer-lr': {
    title: 'E3 grid 2: optimizer × learning rate {1e-3, 5e-3, 1e-2}, dims [16, 16] relu, 150 epochs',
    config: {
      name: 'e3-optimizer-lr',
      description: 'SGD, Adam, RMSprop and Adagrad (the optimizers the document discusses) × learning rate {0.001, 0.005, 0.01}, 150 epochs.',
      base: e3Base(150, DIMS_16_16, 'sgd'),
      grid: [
        { param: 'optimizer', values: { kind: 'list', values: ['sgd', 'adam', 'rmsprop', 'adagrad'] } },
        { param: 'learning_rate', values: lrTimes1e3([1, 5, 10]) },
      ],
    },
  },
  'e3-sgd-lr': {
    title: 'E3 grid 3: SGD alone at 6 learning rates {5e-5 … 5e-2}, 250 epochs',
    config: {
      name: 'e3-sgd-lr',
      description: 'SGD with learning rate {5e-5, 1e-4, 1e-3, 5e-3, 1e-2, 5e-2}, dims [16, 16] relu, 250 epochs.',
      base: e3Base(250, DIMS_16_16, 'sgd'),
      grid: [{ param: 'learning_rate', values: lrTimes1e3([0.05, 0.1, 1, 5, 10, 50]) }],
    },
  },
  'e3-sgd-adam': {
    title: 'E3 grid 4: SGD vs Adam at learning rate {1e-3, 1e-2, 5e-2}, 250 epochs',
    config: {
      name: 'e3-sgd-adam',
      description: 'SGD and Adam × learning rate {0.001, 0.01, 0.05}, dims [16, 16] relu, 250 epochs.',
      base: e3Base(250, DIMS_16_16, 'sgd'),
      grid: [
        { param: 'optimizer', values: { kind: 'list', values: ['sgd', 'adam'] } },
        { param: 'learning_rate', values: lrTimes1e3([1, 10, 50]) },
      ],
    },
  },
  e4: {
    title: 'E4 learning-rate valley, smaller grid: 6 optimizers × 8 learning rates 1e-6…100, time to 97% train accuracy',
    config: e4({ subset: 1000, epochs: 40, maxSeconds: 30, rates: 8 }),
  },
  'e4-full': {
    title: 'E4 full: 6 optimizers × 48 learning rates 1e-6…100, until 97% train accuracy or 120 s (288 runs: hours)',
    config: e4({ subset: 2000, epochs: 1000, maxSeconds: 120, rates: 48 }),
  },
  'e5-random-search': {
    title: 'E5 random search: batch size, learning rate, momentum and dropout for the MLP (it found batch size 16)',
    config: {
      name: 'e5-random-search',
      description:
        'Ten trials drawn from batch size {16, 32, 64, 128, 256}, learning rate log-uniform in [1e-3, 1e-1], momentum in [0, 0.9] and dropout in [0, 0.5], ' +
        'for E5’s MLP (dense 256-128 ReLU, SGD) on Fashion-MNIST 48,000 / 12,000, 50 epochs; ranked by final validation accuracy. ' +
        'The lab does not know the reference’s ranges: these are the usual ones.',
      base: { ...E5_BASE, name: 'e5', runs: [{ optimizer: { name: 'sgd' } }] },
      random: {
        trials: 10,
        seed: 1,
        space: [
          { param: 'batchSize', kind: 'list', values: [16, 32, 64, 128, 256] },
          { param: 'learning_rate', kind: 'log', from: 1e-3, to: 1e-1 },
          { param: 'momentum', kind: 'linear', from: 0, to: 0.9 },
          { param: 'dropout', kind: 'linear', from: 0, to: 0.5 },
        ],
      },
      objective: 'val_accuracy',
    },
  },
};

export const sweepPresetNames = Object.keys(sweepPresets);
