import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../lib/errors';
import { createRng } from '../../lib/rng';
import { LayerStack, type StateUpdate } from './layer-stack';
import type { LayerSpec } from './layers/types';
import { useCpuBackend } from './test-utils';

beforeAll(useCpuBackend);

let stackCounter = 0;
function stack(specs: LayerSpec[], inputShape: number[], seed = 1): LayerStack {
  return new LayerStack(specs, inputShape, { scope: `layers-test-${++stackCounter}`, rng: createRng(seed) });
}

describe('dropout layer', () => {
  const x = (): tf.Tensor => tf.ones([4, 50]);

  function run(s: LayerStack, training: boolean, noiseSeed: number): Float32Array {
    return tf.tidy(() => s.apply(x(), { training, noiseSeed }, () => undefined).dataSync() as Float32Array);
  }

  it('gives the same mask for the same noiseSeed, in separate models too', () => {
    const a = stack([{ kind: 'dropout', rate: 0.5 }], [50]);
    const b = stack([{ kind: 'dropout', rate: 0.5 }], [50]);
    const first = run(a, true, 7);
    expect(Array.from(run(a, true, 7))).toEqual(Array.from(first));
    expect(Array.from(run(b, true, 7))).toEqual(Array.from(first));
    a.dispose();
    b.dispose();
  });

  it('changes the mask with the noiseSeed and scales survivors by 1 / (1 - rate)', () => {
    const a = stack([{ kind: 'dropout', rate: 0.5 }], [50]);
    const m7 = run(a, true, 7);
    const m8 = run(a, true, 8);
    expect(Array.from(m7)).not.toEqual(Array.from(m8));
    expect(new Set(m7)).toEqual(new Set([0, 2]));
    const dropped = m7.filter((v) => v === 0).length / m7.length;
    expect(dropped).toBeGreaterThan(0.3);
    expect(dropped).toBeLessThan(0.7);
    a.dispose();
  });

  it('gives different masks to two dropout layers of one model at one step', () => {
    const s = stack([{ kind: 'dropout', rate: 0.5 }, { kind: 'activation', activation: 'linear' }], [50]);
    const t = stack([{ kind: 'activation', activation: 'linear' }, { kind: 'dropout', rate: 0.5 }], [50]);
    expect(Array.from(run(s, true, 3))).not.toEqual(Array.from(run(t, true, 3)));
    s.dispose();
    t.dispose();
  });

  it('is the identity in inference', () => {
    const a = stack([{ kind: 'dropout', rate: 0.5 }], [50]);
    expect(Array.from(run(a, false, 7)).every((v) => v === 1)).toBe(true);
    a.dispose();
  });

  it('rejects a rate outside [0, 1)', () => {
    expect(() => stack([{ kind: 'dropout', rate: 1 }], [5])).toThrow(ConfigError);
  });
});

describe('batchNorm layer', () => {
  // Two features, four examples.
  const rows = [
    [1, 10],
    [2, 20],
    [3, 30],
    [6, 0],
  ];
  const eps = 1e-3;
  const col = (j: number): number[] => rows.map((r) => r[j]!);
  const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
  const biasedVar = (v: number[]): number => mean(v.map((a) => (a - mean(v)) ** 2));

  it('normalises with batch statistics in training and records the Keras moving-average update', () => {
    const s = stack([{ kind: 'batchNorm' }], [2]);
    const updates: StateUpdate[] = [];
    const out = tf.tidy(() =>
      s.apply(tf.tensor2d(rows), { training: true, noiseSeed: 0 }, (u) => updates.push({ variable: u.variable, value: tf.keep(u.value) })).arraySync(),
    ) as number[][];
    for (let j = 0; j < 2; j++) {
      const m = mean(col(j));
      const v = biasedVar(col(j));
      rows.forEach((r, i) => expect(out[i]![j]).toBeCloseTo((r[j]! - m) / Math.sqrt(v + eps), 4));
    }
    expect(updates.map((u) => u.variable.name.split('/').pop())).toEqual(['moving_mean', 'moving_variance']);
    const newMean = Array.from(updates[0]!.value.dataSync());
    const newVar = Array.from(updates[1]!.value.dataSync());
    for (let j = 0; j < 2; j++) {
      expect(newMean[j]).toBeCloseTo(0 * 0.99 + mean(col(j)) * 0.01, 5);
      expect(newVar[j]).toBeCloseTo(1 * 0.99 + biasedVar(col(j)) * 0.01, 4);
    }
    for (const u of updates) u.value.dispose();
    s.dispose();
  });

  it('uses the moving statistics in inference and records nothing', () => {
    const s = stack([{ kind: 'batchNorm' }], [2]);
    let recorded = 0;
    const out = tf.tidy(() => s.apply(tf.tensor2d(rows), { training: false, noiseSeed: 0 }, () => recorded++).arraySync()) as number[][];
    // Initial moving mean 0 and variance 1: y = x / sqrt(1 + eps).
    rows.forEach((r, i) => r.forEach((v, j) => expect(out[i]![j]).toBeCloseTo(v / Math.sqrt(1 + eps), 4)));
    expect(recorded).toBe(0);
    s.dispose();
  });

  it('backpropagates through the batch statistics like the plain formula', () => {
    const s = stack([{ kind: 'batchNorm' }], [2]);
    const w = tf.tensor2d([
      [1, -2],
      [0.5, 3],
      [-1, 1],
      [2, 0.25],
    ]);
    const x = tf.tensor2d(rows);
    const ours = tf.grad((input: tf.Tensor) =>
      tf.sum(tf.mul(s.apply(input, { training: true, noiseSeed: 0 }, () => undefined), w)),
    )(x);
    const reference = tf.grad((input: tf.Tensor) => {
      const m = tf.mean(input, 0);
      const v = tf.mean(tf.square(tf.sub(input, m)), 0);
      return tf.sum(tf.mul(tf.div(tf.sub(input, m), tf.sqrt(tf.add(v, eps))), w));
    })(x);
    const a = ours.arraySync() as number[][];
    const b = reference.arraySync() as number[][];
    a.forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(b[i]![j]!, 4)));
    tf.dispose([w, x, ours, reference]);
    s.dispose();
  });

  it('normalises per channel over batch and spatial axes on images', () => {
    const s = stack([{ kind: 'batchNorm' }], [2, 2, 3]);
    const out = tf.tidy(() => {
      const y = s.apply(tf.randomUniform([2, 2, 2, 3], 0, 5, 'float32', 1), { training: true, noiseSeed: 0 }, () => undefined);
      return tf.moments(y, [0, 1, 2]).mean.arraySync() as number[];
    });
    out.forEach((m) => expect(m).toBeCloseTo(0, 4));
    s.dispose();
  });
});

describe('shapes', () => {
  it('conv2d valid and same, maxPool 2 like Keras', () => {
    const s = stack(
      [
        { kind: 'conv2d', filters: 4, kernelSize: 3 },
        { kind: 'maxPool2d' },
        { kind: 'conv2d', filters: 2, kernelSize: 5, padding: 'same', strides: 2 },
        { kind: 'flatten' },
      ],
      [11, 11, 2],
    );
    expect(s.layers.map((l) => l.outputShape)).toEqual([[9, 9, 4], [4, 4, 4], [2, 2, 2], [8]]);
    const y = tf.tidy(() => s.apply(tf.zeros([3, 11, 11, 2]), { training: false, noiseSeed: 0 }, () => undefined));
    expect(y.shape).toEqual([3, 8]);
    y.dispose();
    s.dispose();
  });

  it('conv2dTranspose follows Keras deconv_output_length and has gradients', () => {
    const s = stack(
      [
        { kind: 'dense', units: 7 * 7 * 4 },
        { kind: 'reshape', targetShape: [7, 7, 4] },
        { kind: 'conv2dTranspose', filters: 3, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' },
        { kind: 'conv2dTranspose', filters: 1, kernelSize: 3, padding: 'valid', activation: 'sigmoid' },
      ],
      [5],
    );
    expect(s.layers.map((l) => l.outputShape)).toEqual([[196], [7, 7, 4], [14, 14, 3], [16, 16, 1]]);
    // Keras Conv2DTranspose kernel [kh, kw, filters, inCh].
    expect(s.layers[2]!.trainable[0]!.shape).toEqual([3, 3, 3, 4]);
    const before = tf.memory().numTensors;
    const { value, grads } = tf.variableGrads(
      () => tf.sum(s.apply(tf.ones([2, 5]), { training: true, noiseSeed: 0 }, () => undefined)) as tf.Scalar,
      [...s.trainableVariables],
    );
    expect(Object.keys(grads)).toHaveLength(s.trainableVariables.length);
    tf.dispose([value, ...Object.values(grads)]);
    expect(tf.memory().numTensors).toBe(before);
    s.dispose();
  });

  it('rejects a dense layer on an unflattened image with a ConfigError', () => {
    expect(() => stack([{ kind: 'dense', units: 3 }], [4, 4, 1])).toThrow(/flatten/);
  });

  it('rejects an input too small for a valid convolution, leaving no variable behind', () => {
    const before = Object.keys(tf.engine().registeredVariables).length;
    expect(() =>
      stack(
        [
          { kind: 'conv2d', filters: 2, kernelSize: 3 },
          { kind: 'conv2d', filters: 2, kernelSize: 3 },
        ],
        [4, 4, 1],
      ),
    ).toThrow(ConfigError);
    expect(Object.keys(tf.engine().registeredVariables).length).toBe(before);
  });
});
