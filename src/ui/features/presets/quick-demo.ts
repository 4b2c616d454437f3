/**
 * The "Quick demo" presets, as data: three optimizers with Keras's stock settings, small
 * enough to finish in well under a minute.
 *
 * - Fashion-MNIST: 6,000 training images (a seeded subset), validated and tested on 2,000
 *   test images, FCNN, 3 epochs of batch 64: 282 lock-step ticks, each one batch for all
 *   three runs, on a laptop GPU (WebGL) well under a minute.
 * - Synthetic: the two-arm spiral (no download at all), a 2-64-64-2 relu network, 30
 *   epochs of batch 32 on 1,600 points: 8 s on the CPU backend in Node, and the
 *   optimizers separate clearly (test accuracy SGD 0.62, RMSprop 0.75, Adam 0.91).
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

export const QUICK_DEMO_SYNTHETIC: ExperimentConfigInput = {
  name: 'quick-demo-synthetic',
  description: 'SGD, RMSprop and Adam with Keras defaults on a generated two-arm spiral: no download, fine on the CPU backend.',
  dataset: { name: 'spiral', count: 2000, validation: 0.2 },
  architecture: 'dense',
  model: { hiddenUnits: [64, 64], activation: 'relu' },
  training: { epochs: 30, batchSize: 32, scaling: 'none', seed: 1 },
  runs: THREE_STOCK_OPTIMIZERS,
};
