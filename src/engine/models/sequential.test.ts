import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../lib/errors';
import { SequentialModel } from './sequential';
import { registeredNamesStartingWith, useCpuBackend } from './test-utils';

beforeAll(useCpuBackend);

const kernel = [
  [1, 2, 3],
  [0.5, -1, 0],
];
const bias = [0.1, 0, -0.2];
const xs = [
  [1, 2],
  [0, -1],
  [3, 0.5],
];
const labels = [2, 0, 1];

/** JS reference: logits = x · W + b, loss_i = logsumexp(z_i) - z_i[y_i]. */
function referenceRows(): { loss: number[]; correct: number[] } {
  const loss: number[] = [];
  const correct: number[] = [];
  xs.forEach((x, i) => {
    const z = bias.map((b, j) => b + x[0]! * kernel[0]![j]! + x[1]! * kernel[1]![j]!);
    const max = Math.max(...z);
    const lse = max + Math.log(z.reduce((s, v) => s + Math.exp(v - max), 0));
    loss.push(lse - z[labels[i]!]!);
    correct.push(z.indexOf(max) === labels[i] ? 1 : 0);
  });
  return { loss, correct };
}

function tinyClassifier(l2 = 0): SequentialModel {
  const model = new SequentialModel({
    name: 'tiny',
    task: 'classification',
    inputShape: [2],
    seed: 5,
    layers: [{ kind: 'dense', units: 3, l2 }],
  });
  const weights = [tf.tensor2d(kernel), tf.tensor1d(bias)];
  model.setWeights(weights);
  tf.dispose(weights);
  return model;
}

const evalCtx = { training: false, noiseSeed: 0 };

describe('SequentialModel classification loss', () => {
  it('equals a JS softmax cross-entropy on logits', () => {
    const model = tinyClassifier();
    const ref = referenceRows();
    const x = tf.tensor2d(xs);
    const y = tf.tensor1d(labels, 'int32');
    const out = model.loss({ x, y, size: 3 }, evalCtx);
    const sum = ref.loss.reduce((a, b) => a + b, 0);
    expect(out.loss.dataSync()[0]).toBeCloseTo(sum / 3, 5);
    expect(out.metrics.lossSum!.dataSync()[0]).toBeCloseTo(sum, 5);
    expect(out.metrics.correct!.dataSync()[0]).toBe(ref.correct.reduce((a, b) => a + b, 0));
    expect(out.metrics.correct!.dtype).toBe('float32');
    tf.dispose([x, y, out.loss, ...Object.values(out.metrics)]);
    model.dispose();
  });

  it('ignores padding rows (index >= batch.size)', () => {
    const model = tinyClassifier();
    const ref = referenceRows();
    // A padding row with huge inputs and a label it gets right: it must count nowhere.
    const x = tf.tensor2d([...xs, [1e30, -1e30]]);
    const y = tf.tensor1d([...labels, 0], 'int32');
    const out = model.loss({ x, y, size: 3 }, evalCtx);
    const sum = ref.loss.reduce((a, b) => a + b, 0);
    expect(out.loss.dataSync()[0]).toBeCloseTo(sum / 3, 5);
    expect(out.metrics.lossSum!.dataSync()[0]).toBeCloseTo(sum, 5);
    expect(out.metrics.correct!.dataSync()[0]).toBe(ref.correct.reduce((a, b) => a + b, 0));
    tf.dispose([x, y, out.loss, ...Object.values(out.metrics)]);
    model.dispose();
  });

  it('adds l2 * sum(kernel^2) to the loss but not to lossSum', () => {
    const model = tinyClassifier(0.01);
    const ref = referenceRows();
    const penalty = 0.01 * kernel.flat().reduce((s, w) => s + w * w, 0);
    const x = tf.tensor2d(xs);
    const y = tf.tensor1d(labels, 'int32');
    const out = model.loss({ x, y, size: 3 }, evalCtx);
    const sum = ref.loss.reduce((a, b) => a + b, 0);
    expect(out.loss.dataSync()[0]).toBeCloseTo(sum / 3 + penalty, 5);
    expect(out.metrics.lossSum!.dataSync()[0]).toBeCloseTo(sum, 5);
    const p = model.penalty();
    expect(p.dataSync()[0]).toBeCloseTo(penalty, 6);
    tf.dispose([x, y, p, out.loss, ...Object.values(out.metrics)]);
    model.dispose();
  });

  it('predict returns logits', () => {
    const model = tinyClassifier();
    const x = tf.tensor2d(xs);
    const logits = model.predict(x).arraySync() as number[][];
    expect(logits[0]![2]).toBeCloseTo(0.1 * 0 + 1 * 3 + 2 * 0 - 0.2, 5);
    x.dispose();
    model.dispose();
  });
});

describe('SequentialModel regression loss', () => {
  it('is the mean squared error over real rows', () => {
    const model = new SequentialModel({
      name: 'reg',
      task: 'regression',
      inputShape: [2],
      seed: 1,
      layers: [{ kind: 'dense', units: 1 }],
    });
    const w = [tf.tensor2d([[2], [-1]]), tf.tensor1d([0.5])];
    model.setWeights(w);
    tf.dispose(w);
    // predictions: 2*1 - 2 + .5 = .5; 0 + 1 + .5 = 1.5; padding row.
    const x = tf.tensor2d([
      [1, 2],
      [0, -1],
      [9, 9],
    ]);
    const y = tf.tensor2d([[1], [1], [1000]]);
    const out = model.loss({ x, y, size: 2 }, evalCtx);
    expect(out.metrics.lossSum!.dataSync()[0]).toBeCloseTo(0.25 + 0.25, 5);
    expect(out.loss.dataSync()[0]).toBeCloseTo(0.25, 5);
    expect(Object.keys(out.metrics)).toEqual(['lossSum']);
    tf.dispose([x, y, out.loss, ...Object.values(out.metrics)]);
    model.dispose();
  });
});

describe('SequentialModel target checks', () => {
  it('refuses regression targets that would broadcast against the outputs', () => {
    const model = new SequentialModel({ name: 'reg', task: 'regression', inputShape: [2], seed: 1, layers: [{ kind: 'dense', units: 1 }] });
    const x = tf.zeros([4, 2]);
    const y = tf.zeros([4, 3]);
    const before = tf.memory().numTensors;
    expect(() => model.loss({ x, y, size: 4 }, evalCtx)).toThrow(ConfigError);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('refuses a label count that differs from the batch', () => {
    const model = tinyClassifier();
    const x = tf.zeros([4, 2]);
    const y = tf.zeros([3], 'int32');
    expect(() => model.loss({ x, y, size: 4 }, { training: true, noiseSeed: 0 })).toThrow(ConfigError);
    expect(model.hasPendingStateUpdates).toBe(false);
    tf.dispose([x, y]);
    model.dispose();
  });
});

describe('SequentialModel weights', () => {
  const build = (seed: number, modelId?: string): SequentialModel =>
    new SequentialModel({
      name: 'w',
      task: 'classification',
      inputShape: [4],
      seed,
      layers: [{ kind: 'dense', units: 8, activation: 'relu' }, { kind: 'batchNorm' }, { kind: 'dense', units: 3 }],
      ...(modelId ? { modelId } : {}),
    });
  const values = (m: SequentialModel): number[][] => m.allVariables.map((v) => Array.from(v.dataSync()));

  it('snapshots with getWeights and restores with setWeights', () => {
    const model = build(1);
    const snapshot = model.getWeights();
    const before = values(model);
    const zeros = model.allVariables.map((v) => tf.zerosLike(v));
    model.setWeights(zeros);
    tf.dispose(zeros);
    expect(values(model).flat().every((v) => v === 0)).toBe(true);
    expect(snapshot.map((t) => Array.from(t.dataSync()))).toEqual(before);
    model.setWeights(snapshot);
    expect(values(model)).toEqual(before);
    tf.dispose(snapshot);
    expect(values(model)).toEqual(before);
    model.dispose();
  });

  it('rejects weights of the wrong shape', () => {
    const model = build(1);
    const wrong = model.allVariables.map(() => tf.zeros([1]));
    expect(() => model.setWeights(wrong)).toThrow(ConfigError);
    tf.dispose(wrong);
    model.dispose();
  });

  it('names variables per model and refuses a modelId in use', () => {
    const a = build(1, 'same-id');
    expect(a.allVariables[0]!.name).toBe('same-id/0_dense/kernel');
    expect(a.allVariables.map((v) => v.name)).toContain('same-id/1_batchNorm/moving_variance');
    const before = tf.memory().numTensors;
    expect(() => build(1, 'same-id')).toThrow(ConfigError);
    expect(tf.memory().numTensors).toBe(before);
    a.dispose();
    const b = build(1, 'same-id');
    b.dispose();
  });

  it('dispose removes every variable and tensor it made', () => {
    const tensors = tf.memory().numTensors;
    const model = build(3, 'to-dispose');
    expect(registeredNamesStartingWith('to-dispose/')).toHaveLength(8);
    model.dispose();
    expect(registeredNamesStartingWith('to-dispose/')).toHaveLength(0);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(model.isDisposed).toBe(true);
  });

  it('counts BatchNorm moving statistics as non-trainable', () => {
    const model = build(1);
    expect(model.countParams()).toEqual({ trainable: 4 * 8 + 8 + 16 + 8 * 3 + 3, nonTrainable: 16 });
    model.dispose();
  });

  it('rejects a classifier that does not end in a vector of >= 2 logits', () => {
    expect(
      () => new SequentialModel({ name: 'bad', task: 'classification', inputShape: [4], seed: 1, layers: [{ kind: 'dense', units: 1 }] }),
    ).toThrow(ConfigError);
  });
});

describe('SequentialModel state updates', () => {
  function bnModel(): SequentialModel {
    return new SequentialModel({
      name: 'bn',
      task: 'regression',
      inputShape: [2],
      seed: 1,
      layers: [{ kind: 'batchNorm' }, { kind: 'dense', units: 1, kernelInitializer: 'ones' }],
    });
  }

  it('applies moving averages only after applyStateUpdates, and only from training passes', () => {
    const model = bnModel();
    const x = tf.tensor2d([
      [1, 4],
      [3, 8],
    ]);
    const y = tf.tensor2d([[0], [0]]);
    const movingMean = model.allVariables[2]!;
    const movingVar = model.allVariables[3]!;
    tf.tidy(() => {
      model.loss({ x, y, size: 2 }, { training: false, noiseSeed: 0 });
    });
    expect(model.hasPendingStateUpdates).toBe(false);
    tf.tidy(() => {
      model.loss({ x, y, size: 2 }, { training: true, noiseSeed: 0 });
    });
    expect(Array.from(movingMean.dataSync())).toEqual([0, 0]);
    model.applyStateUpdates();
    // batch mean [2, 6], biased variance [1, 4].
    const mm = Array.from(movingMean.dataSync());
    const mv = Array.from(movingVar.dataSync());
    expect(mm[0]).toBeCloseTo(0.02, 6);
    expect(mm[1]).toBeCloseTo(0.06, 6);
    expect(mv[0]).toBeCloseTo(0.99 + 0.01, 6);
    expect(mv[1]).toBeCloseTo(0.99 + 0.04, 6);
    // Inference now uses them: y = sum_j (x_j - mm_j) / sqrt(mv_j + 1e-3).
    const p = tf.tidy(() => model.predict(tf.tensor2d([[1, 4]])).dataSync()[0]!);
    expect(p).toBeCloseTo((1 - 0.02) / Math.sqrt(1 + 1e-3) + (4 - 0.06) / Math.sqrt(1.03 + 1e-3), 4);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('keeps the tensor count flat over loss + applyStateUpdates in a tidy', () => {
    const model = bnModel();
    const x = tf.tensor2d([
      [1, 4],
      [3, 8],
    ]);
    const y = tf.tensor2d([[0], [0]]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      tf.tidy(() => {
        model.loss({ x, y, size: 2 }, { training: true, noiseSeed: i });
      });
      model.applyStateUpdates();
      expect(tf.memory().numTensors).toBe(before);
    }
    // A training pass never applied is discarded by the next one and by dispose.
    tf.tidy(() => {
      model.loss({ x, y, size: 2 }, { training: true, noiseSeed: 9 });
    });
    tf.tidy(() => {
      model.loss({ x, y, size: 2 }, { training: true, noiseSeed: 10 });
    });
    model.discardStateUpdates();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
    model.dispose();
  });
});
