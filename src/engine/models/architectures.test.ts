import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../lib/errors';
import { hashSeed } from '../../lib/rng';
import {
  architectureInfo,
  architectureNames,
  architectures,
  architectureSpecs,
  buildModel,
  type ArchitectureName,
  type ModelSpec,
} from './architectures';
import type { SequentialModel } from './sequential';
import { disposeBatch, randomBatch, registeredNamesStartingWith, useCpuBackend } from './test-utils';

beforeAll(useCpuBackend);

// Keras parameter formulas, independent of the implementation.
const denseParams = (inputs: number, units: number): number => inputs * units + units;
const convParams = (k: number, inCh: number, filters: number): number => k * k * inCh * filters + filters;
const validConv = (n: number, k: number): number => n - k + 1;
const pool2 = (n: number): number => Math.floor(n / 2);

function kerasCounts(name: 'fcnn' | 'scnn' | 'bcnn' | 'mcnn', [h, w, c]: [number, number, number], classes = 10): number {
  switch (name) {
    case 'fcnn':
      return denseParams(h * w * c, 784) + denseParams(784, 512) + denseParams(512, 100) + denseParams(100, classes);
    case 'scnn': {
      const side = [pool2(validConv(h, 5)), pool2(validConv(w, 5))];
      return convParams(5, c, 40) + denseParams(side[0]! * side[1]! * 40, 100) + denseParams(100, classes);
    }
    case 'bcnn': {
      const s1 = [pool2(validConv(h, 3)), pool2(validConv(w, 3))];
      const s2 = [pool2(validConv(s1[0]!, 3)), pool2(validConv(s1[1]!, 3))];
      return (
        convParams(3, c, 48) +
        convParams(3, 48, 96) +
        denseParams(s2[0]! * s2[1]! * 96, 100) +
        denseParams(100, classes)
      );
    }
    case 'mcnn': {
      const flat = pool2(pool2(h)) * pool2(pool2(w)) * 64;
      return (
        convParams(5, c, 32) +
        convParams(5, 32, 32) +
        convParams(3, 32, 64) +
        convParams(3, 64, 64) +
        denseParams(flat, 512) +
        4 * 512 +
        denseParams(512, classes)
      );
    }
  }
}

const total = (m: SequentialModel): number => {
  const { trainable, nonTrainable } = m.countParams();
  return trainable + nonTrainable;
};

describe('parameter counts (Keras count_params)', () => {
  it.each([
    ['fcnn', 1_069_670],
    ['scnn', 578_150],
    ['bcnn', 283_158],
    ['mcnn', 1_695_210],
  ] as const)('%s on 28x28x1 has the published %i', (name, expected) => {
    const model = architectures[name]({ inputShape: [28, 28, 1], numClasses: 10, seed: 1 });
    expect(total(model)).toBe(expected);
    expect(kerasCounts(name, [28, 28, 1])).toBe(expected);
    expect(architectureInfo[name].kerasParams28x28x1).toBe(expected);
    model.dispose();
  });

  it('mcnn has 1,024 non-trainable parameters (BatchNorm moving statistics)', () => {
    const model = architectures.mcnn({ inputShape: [28, 28, 1], numClasses: 10, seed: 1 });
    expect(model.countParams().nonTrainable).toBe(1024);
    model.dispose();
  });

  it.each(['fcnn', 'scnn', 'bcnn', 'mcnn'] as const)('%s on 32x32x3 matches the Keras formula', (name) => {
    const model = architectures[name]({ inputShape: [32, 32, 3], numClasses: 10, seed: 1 });
    expect(total(model)).toBe(kerasCounts(name, [32, 32, 3]));
    model.dispose();
  });

  it('fcnn on 32x32x3 has Dense(784) on 3,072 inputs: 2,863,462 parameters', () => {
    expect(kerasCounts('fcnn', [32, 32, 3])).toBe(2_863_462);
  });

  it('mlp (E2) on 32x32x3 has the Keras count, with or without dropout', () => {
    const expected = denseParams(3072, 1000) + denseParams(1000, 1000) + denseParams(1000, 10);
    const plain = architectures.mlp({ inputShape: [32, 32, 3], numClasses: 10, seed: 1, l2: 0.01 });
    const dropout = architectures.mlp({ inputShape: [32, 32, 3], numClasses: 10, seed: 1, dropout: { input: 0.2, hidden: 0.5 } });
    expect(total(plain)).toBe(expected);
    expect(total(dropout)).toBe(expected);
    expect(dropout.layers.map((l) => l.kind)).toEqual(['flatten', 'dropout', 'dense', 'dropout', 'dense', 'dropout', 'dense']);
    plain.dispose();
    dropout.dispose();
  });
});

describe('output shapes', () => {
  const cases: [ArchitectureName, number[]][] = [];
  for (const name of ['fcnn', 'scnn', 'bcnn', 'mcnn', 'mlp'] as const) {
    cases.push([name, [28, 28, 1]], [name, [32, 32, 3]]);
  }
  it.each(cases)('%s on %j gives [batch, classes] logits', (name, inputShape) => {
    const model = buildModel({ architecture: name, inputShape, numClasses: 10, seed: 1 } as ModelSpec);
    const y = tf.tidy(() => model.predict(tf.zeros([2, ...inputShape])));
    expect(y.shape).toEqual([2, 10]);
    expect(model.outputShape).toEqual([10]);
    y.dispose();
    model.dispose();
  });

  it('dense is a regressor with one linear output by default', () => {
    const model = architectures.dense({ inputShape: [2], seed: 1, hiddenUnits: [4], activation: 'tanh' });
    expect(model.task).toBe('regression');
    expect(model.outputShape).toEqual([1]);
    expect(total(model)).toBe(denseParams(2, 4) + denseParams(4, 1));
    model.dispose();
  });

  it('dense classifies images when given numClasses', () => {
    const model = architectures.dense({ inputShape: [28, 28, 1], seed: 1, numClasses: 10, hiddenUnits: [32] });
    expect(model.task).toBe('classification');
    expect(model.layers[0]!.kind).toBe('flatten');
    expect(model.outputShape).toEqual([10]);
    model.dispose();
  });
});

describe('options', () => {
  it('puts an optional dropout after each hidden dense layer of fcnn, scnn and bcnn', () => {
    const spec = architectureSpecs.bcnn({ inputShape: [28, 28, 1], numClasses: 10, seed: 1, dropout: 0.3 });
    expect(spec.layers.map((l) => l.kind)).toEqual([
      'conv2d',
      'maxPool2d',
      'conv2d',
      'maxPool2d',
      'flatten',
      'dense',
      'dropout',
      'dense',
    ]);
    const fcnn = architectureSpecs.fcnn({ inputShape: [28, 28, 1], numClasses: 10, seed: 1, dropout: 0.3, batchNorm: true });
    expect(fcnn.layers.map((l) => l.kind).join(' ')).toBe(
      'flatten dense batchNorm dropout dense batchNorm dropout dense batchNorm dropout dense',
    );
  });

  it("mcnn's rates are its defaults, overridable, scalable, and 0 turns them off", () => {
    const rates = (o: Parameters<typeof architectureSpecs.mcnn>[0]): number[] =>
      architectureSpecs.mcnn(o).layers.flatMap((l) => (l.kind === 'dropout' ? [l.rate] : []));
    const base = { inputShape: [28, 28, 1], numClasses: 10, seed: 1 };
    expect(rates(base)).toEqual([0.25, 0.25, 0.5]);
    expect(rates({ ...base, dropout: { hidden: 0.2 } })).toEqual([0.25, 0.25, 0.2]);
    expect(rates({ ...base, dropout: { scale: 0.5 } })).toEqual([0.125, 0.125, 0.25]);
    expect(rates({ ...base, dropout: 0 })).toEqual([]);
    const noBn = architectures.mcnn({ ...base, batchNorm: false });
    expect(noBn.countParams().nonTrainable).toBe(0);
    expect(total(noBn)).toBe(1_695_210 - 2048);
    noBn.dispose();
  });

  it('applies l2 to hidden kernels only and he_normal to the mlp by default', () => {
    const spec = architectureSpecs.mlp({ inputShape: [8], numClasses: 3, seed: 1, l2: 0.01 });
    expect(spec.kernelInitializer).toBe('he_normal');
    expect(spec.layers.map((l) => (l.kind === 'dense' ? (l.l2 ?? 0) : null)).filter((v) => v !== null)).toEqual([
      0.01, 0.01, 0,
    ]);
    expect(architectureSpecs.fcnn({ inputShape: [8], numClasses: 3, seed: 1 }).kernelInitializer).toBe('glorot_uniform');
  });

  it('rejects bad options with a ConfigError', () => {
    expect(() => architectures.scnn({ inputShape: [784], numClasses: 10, seed: 1 })).toThrow(ConfigError);
    expect(() => architectures.fcnn({ inputShape: [28, 28, 1], numClasses: 1, seed: 1 })).toThrow(ConfigError);
    expect(() => architectures.fcnn({ inputShape: [28, 28, 1], numClasses: 10, seed: 1, dropout: 1.5 })).toThrow(ConfigError);
    expect(() => architectures.bcnn({ inputShape: [8, 8, 1], numClasses: 10, seed: 1 })).toThrow(ConfigError);
  });

  it('lists every architecture with a description', () => {
    expect([...architectureNames].sort()).toEqual(Object.keys(architectures).sort());
    for (const name of architectureNames) expect(architectureInfo[name].description.length).toBeGreaterThan(10);
  });
});

describe('initial weights', () => {
  const weights = (m: SequentialModel): number[][] => m.allVariables.map((v) => Array.from(v.dataSync()));

  it('are identical for one seed and differ for another', () => {
    const a = architectures.scnn({ inputShape: [28, 28, 1], numClasses: 10, seed: 11 });
    const b = architectures.scnn({ inputShape: [28, 28, 1], numClasses: 10, seed: 11 });
    const c = architectures.scnn({ inputShape: [28, 28, 1], numClasses: 10, seed: 12 });
    expect(weights(a)).toEqual(weights(b));
    expect(weights(a)[0]).not.toEqual(weights(c)[0]);
    [a, b, c].forEach((m) => m.dispose());
  });

  it('do not change when dropout or batch norm is added', () => {
    const plain = architectures.dense({ inputShape: [6], numClasses: 3, seed: 4, hiddenUnits: [5, 5] });
    const noisy = architectures.dense({ inputShape: [6], numClasses: 3, seed: 4, hiddenUnits: [5, 5], dropout: 0.5, batchNorm: true });
    const kernels = (m: SequentialModel): number[][] =>
      m.layers.filter((l) => l.kind === 'dense').map((l) => Array.from(l.trainable[0]!.dataSync()));
    expect(kernels(noisy)).toEqual(kernels(plain));
    plain.dispose();
    noisy.dispose();
  });

  it('follow glorot_uniform (Keras default) unless told otherwise', () => {
    const model = architectures.fcnn({ inputShape: [28, 28, 1], numClasses: 10, seed: 1 });
    const k = model.layers[1]!.trainable[0]!.dataSync();
    const limit = Math.sqrt(6 / (784 + 784));
    let max = 0;
    for (const v of k) max = Math.max(max, Math.abs(v));
    expect(max).toBeLessThanOrEqual(limit);
    expect(max).toBeGreaterThan(limit * 0.999);
    expect(Array.from(model.layers[1]!.trainable[1]!.dataSync()).every((v) => v === 0)).toBe(true);
    model.dispose();
  });
});

describe('no tensor leaks, every architecture', () => {
  const cases: [ArchitectureName, number[], number][] = [
    ['fcnn', [28, 28, 1], 8],
    ['scnn', [28, 28, 1], 4],
    ['bcnn', [28, 28, 1], 3],
    ['mcnn', [28, 28, 1], 2],
    ['mlp', [32, 32, 3], 8],
    ['dense', [2], 8],
  ];

  it.each(cases)('%s: loss + applyStateUpdates, minimize steps, predict, dispose', (name, inputShape, rows) => {
    const start = tf.memory().numTensors;
    const model = buildModel({
      architecture: name,
      inputShape,
      numClasses: 10,
      seed: 1,
      modelId: `leak-${name}`,
      ...(name === 'mlp' ? { dropout: { input: 0.2, hidden: 0.5 }, l2: 0.01, hiddenUnits: [64, 64] } : {}),
      ...(name === 'fcnn' ? { dropout: 0.2, batchNorm: true } : {}),
    } as ModelSpec);
    const batch = randomBatch(inputShape, rows, 10, 3);
    const optimizer = tf.train.sgd(0.01);
    const before = tf.memory().numTensors;

    tf.tidy(() => {
      model.loss(batch, { training: true, noiseSeed: 1 });
    });
    model.applyStateUpdates();
    expect(tf.memory().numTensors).toBe(before);

    const losses: number[] = [];
    for (let step = 0; step < 3; step++) {
      const ctx = { training: true, noiseSeed: hashSeed(7, step) };
      const loss = optimizer.minimize(() => model.loss(batch, ctx).loss, true, [...model.trainableVariables]);
      model.applyStateUpdates();
      losses.push(loss!.dataSync()[0]!);
      loss!.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
    expect(losses.every(Number.isFinite)).toBe(true);

    const evalBatch = randomBatch(inputShape, rows, 10, 4, rows - 1);
    const evalBefore = tf.memory().numTensors;
    tf.tidy(() => {
      model.loss(evalBatch, { training: false, noiseSeed: 0 });
    });
    model.predict(evalBatch.x).dispose();
    expect(tf.memory().numTensors).toBe(evalBefore);
    disposeBatch(evalBatch);

    disposeBatch(batch);
    optimizer.dispose();
    model.dispose();
    expect(registeredNamesStartingWith(`leak-${name}/`)).toEqual([]);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('trains: a few SGD steps lower a dense classifier loss on a fixed batch', () => {
    const model = architectures.dense({ inputShape: [4], numClasses: 3, seed: 2, hiddenUnits: [16] });
    const batch = randomBatch([4], 32, 3, 5);
    const optimizer = tf.train.sgd(0.5);
    const ctx = { training: true, noiseSeed: 0 };
    const first = tf.tidy(() => model.loss(batch, ctx).loss.dataSync()[0]!);
    for (let i = 0; i < 30; i++) optimizer.minimize(() => model.loss(batch, ctx).loss, true, [...model.trainableVariables])?.dispose();
    const last = tf.tidy(() => model.loss(batch, ctx).loss.dataSync()[0]!);
    expect(last).toBeLessThan(first);
    disposeBatch(batch);
    optimizer.dispose();
    model.dispose();
  });
});

describe('fair comparison', () => {
  it('two runs from one seed with the same noise seeds stay identical, BatchNorm state included', () => {
    const build = (): SequentialModel =>
      architectures.dense({ inputShape: [6], numClasses: 3, seed: 9, hiddenUnits: [12, 12], dropout: 0.4, batchNorm: true });
    const [a, b] = [build(), build()];
    const batch = randomBatch([6], 16, 3, 6);
    const [optA, optB] = [tf.train.sgd(0.1), tf.train.sgd(0.1)];
    for (let step = 0; step < 3; step++) {
      for (const [model, opt] of [
        [a, optA],
        [b, optB],
      ] as const) {
        const ctx = { training: true, noiseSeed: hashSeed(1234, step) };
        opt.minimize(() => model.loss(batch, ctx).loss, true, [...model.trainableVariables])?.dispose();
        model.applyStateUpdates();
      }
    }
    const values = (m: SequentialModel): number[][] => m.allVariables.map((v) => Array.from(v.dataSync()));
    expect(values(a)).toEqual(values(b));
    const movingMean = a.allVariables.find((v) => v.name.endsWith('moving_mean'))!;
    expect(Array.from(movingMean.dataSync()).some((v) => v !== 0)).toBe(true);
    // A different noise seed at one step gives a different trajectory.
    const ctx = { training: true, noiseSeed: 1 };
    optB.minimize(() => b.loss(batch, ctx).loss, true, [...b.trainableVariables])?.dispose();
    optA.minimize(() => a.loss(batch, { ...ctx, noiseSeed: 2 }).loss, true, [...a.trainableVariables])?.dispose();
    expect(values(a)).not.toEqual(values(b));
    disposeBatch(batch);
    [optA, optB].forEach((o) => o.dispose());
    [a, b].forEach((m) => m.dispose());
  });
});
