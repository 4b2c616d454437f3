/** Crafted record streams for the detectors' tests (imported by *.test.ts only). */
import type { LayerProbe, ProbeSample } from '../training/probe-types';
import type { EpochRecord } from '../training/types';
import type { RunRecords } from './types';

/** Per-batch losses falling smoothly from `from` to `to` over `steps` steps, with a little noise. */
export function fallingLosses(steps: number, from = 2.3, to = 0.5): { steps: number[]; losses: number[] } {
  const xs = Array.from({ length: steps }, (_, i) => i + 1);
  return { steps: xs, losses: xs.map((s, i) => to + (from - to) * Math.exp((-4 * s) / steps) * (1 + 0.05 * Math.sin(i * 1.7))) };
}

export function layer(name: string, overrides: Partial<LayerProbe> = {}): LayerProbe {
  return { layer: name, gradNorm: 1, weightNorm: 20, updateRatio: 3e-3, firstMoment: 1e-4, secondMoment: 1e-4, ...overrides };
}

/** A healthy probe of a three-layer ReLU net on min-max scaled pixels. */
export function probe(step: number, overrides: Partial<ProbeSample> = {}): ProbeSample {
  return {
    runId: 'r',
    step,
    epoch: 1,
    learningRate: 0.001,
    input: { min: 0, max: 1, mean: 0.29, std: 0.35 },
    layers: [layer('1_dense', { deadShare: 0.35 }), layer('2_dense', { deadShare: 0.4 }), layer('3_dense')],
    ...overrides,
  };
}

export function epoch(n: number, values: Partial<EpochRecord> = {}): EpochRecord {
  return { runId: 'r', epoch: n, steps: n * 50, loss: 1 / n, accuracy: 0.7 + n / 100, valLoss: 1.1 / n, valAccuracy: 0.68 + n / 100, trainSeconds: 1, elapsedSeconds: n, ...values };
}

/** A healthy Adam run on Fashion-MNIST after 2 epochs of 50 steps: every detector should stay silent. */
export function healthyRun(overrides: Partial<RunRecords> = {}): RunRecords {
  return {
    runId: 'r',
    label: 'Adam',
    optimizer: 'adam',
    learningRate: 0.001,
    scaling: 'minmax',
    pixelInputs: true,
    task: 'classification',
    classes: 10,
    hasDropout: false,
    hasEarlyStopping: false,
    l2: 0,
    ...fallingLosses(100),
    epochs: [epoch(1), epoch(2)],
    probes: [1, 20, 40, 60, 80, 100].map((s) => probe(s)),
    ...overrides,
  };
}

interface FirstEpoch {
  readonly runId: string;
  readonly optimizer: 'sgd' | 'adagrad' | 'adadelta' | 'adam';
  readonly learningRate: number;
  readonly losses: readonly number[];
  /** The step-1 probe's update ratio per layer, input to output. */
  readonly ratios: readonly number[];
  readonly accuracy: number;
}

/** E1's FCNN on 2,000 Fashion-MNIST images, batch 200, after its first epoch (10 steps), as measured: losses and step-1 update ratios. */
function e1FirstEpoch({ runId, optimizer, learningRate, losses, ratios, accuracy }: FirstEpoch): RunRecords {
  // ‖w‖ of the four Glorot-initialised kernels (784-784-512-100-10): √(fan_in·fan_out·2/(fan_in+fan_out)).
  const weightNorms = [28, 24.9, 12.9, 4.3];
  const layers = ratios.map((updateRatio, i) => layer(`${i + 1}_dense`, { updateRatio, weightNorm: weightNorms[i]! }));
  return healthyRun({
    runId,
    optimizer,
    label: runId,
    learningRate,
    steps: losses.map((_, i) => i + 1),
    losses: [...losses],
    epochs: [epoch(1, { runId, steps: 10, accuracy, valAccuracy: accuracy })],
    probes: [probe(1, { runId, layers })],
  });
}

export const E1_FIRST_EPOCH = {
  sgd: e1FirstEpoch({ runId: 'sgd', optimizer: 'sgd', learningRate: 0.01, losses: [2.73, 2.46, 2.49, 2.45, 2.37, 2.34, 2.35, 2.29, 2.34, 2.31], ratios: [3.6e-4, 3.5e-4, 3.1e-3, 3.8e-3], accuracy: 0.128 }),
  adagrad: e1FirstEpoch({ runId: 'adagrad', optimizer: 'adagrad', learningRate: 0.001, losses: [2.73, 2.56, 2.61, 2.59, 2.49, 2.46, 2.49, 2.39, 2.47, 2.41], ratios: [1.1e-4, 1.1e-4, 9.8e-4, 9.5e-4], accuracy: 0.082 }),
  adadelta: e1FirstEpoch({ runId: 'adadelta', optimizer: 'adadelta', learningRate: 0.001, losses: [2.73, 2.61, 2.71, 2.71, 2.62, 2.61, 2.68, 2.54, 2.66, 2.58], ratios: [2e-5, 1.9e-5, 1.8e-5, 7.2e-6], accuracy: 0.082 }),
  adam: e1FirstEpoch({ runId: 'adam', optimizer: 'adam', learningRate: 0.001, losses: [2.73, 2.27, 2.16, 2.04, 1.88, 1.69, 1.64, 1.51, 1.48, 1.32], ratios: [2.7e-2, 2.5e-2, 1.4e-2, 5.8e-3], accuracy: 0.6 }),
  // Adam at 1: the measured losses (a leap to 4,600, then a drift back), with the small update ratios its later
  // probes show once the weights have grown (3e-4 by step 60 at batch 20): a blowup and small steps in one run.
  adamAt1: e1FirstEpoch({ runId: 'adam-1', optimizer: 'adam', learningRate: 1, losses: [2.73, 4620, 1620, 1220, 858, 460, 233, 45.7, 22, 14.8], ratios: [2.7e-4, 2.5e-4, 1.4e-4, 5.8e-5], accuracy: 0.088 }),
};
