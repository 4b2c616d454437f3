/**
 * The "Quick demo" presets, as data: three optimizers with Keras's stock settings, small
 * enough to finish in well under a minute.
 *
 * - Fashion-MNIST: 6,000 training images (a seeded subset), validated and tested on 2,000
 *   test images, FCNN, 3 epochs of batch 64: 282 lock-step ticks, each one batch for all
 *   three runs, on a laptop GPU (WebGL) well under a minute.
 * - Synthetic: the two-arm spiral (no download at all), a 2-64-64-2 relu network, 8
 *   epochs of batch 32 on 800 points (200 lock-step ticks), every optimizer at lr 0.01:
 *   the same step size, three rules. In headless Chromium on software WebGL (SwiftShader)
 *   it finishes in under 30 s, and the rules separate: test accuracy SGD 0.61, RMSprop
 *   0.75, Adam 0.78. At their stock rates (Adam and RMSprop 0.001) nothing separates
 *   within 200 steps: all three sit near 0.6, the spiral's linear part.
 */
import type { ExperimentConfigInput } from '../../../engine/experiment/config';

const THREE_STOCK_OPTIMIZERS: ExperimentConfigInput['runs'] = [
  { id: 'sgd', label: 'SGD', optimizer: { name: 'sgd' } },
  { id: 'rmsprop', label: 'RMSprop', optimizer: { name: 'rmsprop' } },
  { id: 'adam', label: 'Adam', optimizer: { name: 'adam' } },
];

export const QUICK_DEMO: ExperimentConfigInput = {
  name: 'quick-demo',
  description: 'SGD, RMSprop and Adam with Keras defaults on 6,000 Fashion-MNIST images (FCNN, 3 epochs): under a minute on a laptop GPU.',
  dataset: { name: 'fashion-mnist', subset: 6000, validation: 'test', testSubset: 2000 },
  architecture: 'fcnn',
  training: { epochs: 3, batchSize: 64, scaling: 'minmax', seed: 1 },
  runs: THREE_STOCK_OPTIMIZERS,
};

/** One learning rate for all three (SGD's stock 0.01), so what differs is the update rule alone. */
const THREE_RULES_AT_ONE_RATE: ExperimentConfigInput['runs'] = [
  { id: 'sgd', label: 'SGD', optimizer: { name: 'sgd' } },
  { id: 'rmsprop', label: 'RMSprop', optimizer: { name: 'rmsprop', hyperparameters: { learning_rate: 0.01 } } },
  { id: 'adam', label: 'Adam', optimizer: { name: 'adam', hyperparameters: { learning_rate: 0.01 } } },
];

export const QUICK_DEMO_SYNTHETIC: ExperimentConfigInput = {
  name: 'quick-demo-synthetic',
  description: 'SGD, RMSprop and Adam, all at learning rate 0.01, on a generated two-arm spiral: no download, done in under 30 s even on a software renderer.',
  dataset: { name: 'spiral', count: 1000, validation: 0.2 },
  architecture: 'dense',
  model: { hiddenUnits: [64, 64], activation: 'relu' },
  training: { epochs: 8, batchSize: 32, scaling: 'none', seed: 1 },
  runs: THREE_RULES_AT_ONE_RATE,
};
