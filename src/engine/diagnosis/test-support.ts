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
