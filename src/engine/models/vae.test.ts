import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../lib/errors';
import { hashSeed } from '../../lib/rng';
import { architectures, buildModel } from './architectures';
import { disposeBatch, randomBatch, registeredNamesStartingWith, useCpuBackend } from './test-utils';
import { samplingSeed, VaeModel } from './vae';
import { VAE_MODELS, type VaeModelName } from './vae-catalog';

beforeAll(useCpuBackend);

// Keras count_params() for the layer list in ./vae-layout, by hand (no published count):
//   Conv2D:          k*k*inCh*filters + filters
//   Conv2DTranspose: k*k*filters*inCh + filters (kernel [k, k, filters, inCh])
//   Dense:           in*units + units
// For input h x w x c, filters f1, f2, kernel k, latent L, encoder Dense(16):
//   encoder  conv(k, c, f1) + conv(k, f1, f2) + dense(h/4*w/4*f2, 16) + 2*dense(16, L)
//   decoder  dense(L, h/4*w/4*f2) + convT(k, f2, f2) + convT(k, f2, f1) + conv(k, f1, c)
const conv = (k: number, inCh: number, filters: number) => k * k * inCh * filters + filters;
const dense = (inputs: number, units: number) => inputs * units + units;
function kerasVaeParams(model: VaeModelName, [h, w, c]: [number, number, number]): number {
  const { filters: [f1, f2], kernelSize: k, latentDim: latent } = VAE_MODELS[model];
  const flat = (h / 4) * (w / 4) * f2;
  const encoder = conv(k, c, f1) + conv(k, f1, f2) + dense(flat, 16) + 2 * dense(16, latent);
  const decoder = dense(latent, flat) + conv(k, f2, f2) + conv(k, f2, f1) + conv(k, f1, c);
  return encoder + decoder;
}

/** A VAE small enough to train in a unit test: 8x8 images, filters 4 and 8, latent 3. */
const tiny = (modelId?: string, extra: Partial<Parameters<typeof architectures.vae>[0]> = {}): VaeModel =>
  architectures.vae({ inputShape: [8, 8, 1], filters: [4, 8], kernelSize: 3, latentDim: 3, seed: 1, ...(modelId ? { modelId } : {}), ...extra });

const build = (name: VaeModelName, inputShape: [number, number, number], seed = 1, modelId?: string): VaeModel =>
  architectures.vae({ ...VAE_MODELS[name], inputShape, seed, ...(modelId ? { modelId } : {}) });

/** Images with pixels in [0, 1], as a VAE batch (labels unused). */
const images = (inputShape: readonly number[], rows: number, seed = 3, size = rows) => randomBatch(inputShape, rows, 10, seed, size);

const lossValues = (model: VaeModel, batch: ReturnType<typeof images>, noiseSeed: number) =>
  tf.tidy(() => {
    const out = model.loss(batch, { training: true, noiseSeed });
    return {
      loss: out.loss.dataSync()[0]!,
      reconstruction: out.metrics.reconstruction!.dataSync()[0]!,
      kl: out.metrics.kl!.dataSync()[0]!,
      lossSum: out.metrics.lossSum!.dataSync()[0]!,
    };
  });

describe('shapes and parameter counts', () => {
  it.each([
    ['vae1', [28, 28, 1]],
    ['vae2', [28, 28, 1]],
    ['vae1', [32, 32, 3]],
    ['vae2', [32, 32, 3]],
  ] as const)('%s on %j has the Keras count of its layer list', (name, inputShape) => {
    const model = build(name, [...inputShape]);
    expect(model.countParams()).toEqual({ trainable: kerasVaeParams(name, [...inputShape]), nonTrainable: 0 });
    model.dispose();
  });

  it('the formula on 28x28x1, worked out: VAE1 53,499 and VAE2 291,621 parameters', () => {
    // VAE1: encoder 160 + 4,640 + 25,104 + 2 * 85 = 30,074; decoder 9,408 + 9,248 + 4,624 + 145 = 23,425.
    expect(kerasVaeParams('vae1', [28, 28, 1])).toBe(30_074 + 23_425);
    // VAE2: encoder 832 + 51,264 + 50,192 + 2 * 170 = 102,628; decoder 34,496 + 102,464 + 51,232 + 801 = 188,993.
    expect(kerasVaeParams('vae2', [28, 28, 1])).toBe(102_628 + 188_993);
  });

  it.each([
    ['vae1', [28, 28, 1]],
    ['vae2', [32, 32, 3]],
  ] as const)('%s on %j: z_mean and z_log_var [B, latent], decoder output [B, h, w, c] in [0, 1]', (name, inputShape) => {
    const model = build(name, [...inputShape]);
    const latent = VAE_MODELS[name].latentDim;
    const x = tf.randomUniform([3, ...inputShape], 0, 1, 'float32', 5);
    const { mean, logVar } = model.encode(x);
    expect(mean.shape).toEqual([3, latent]);
    expect(logVar.shape).toEqual([3, latent]);
    const z = tf.randomNormal([4, latent], 0, 3, 'float32', 6);
    const decoded = model.decode(z);
    expect(decoded.shape).toEqual([4, ...inputShape]);
    const values = decoded.dataSync();
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
    const reconstructed = model.predict(x);
    expect(reconstructed.shape).toEqual([3, ...inputShape]);
    expect(model.outputShape).toEqual([...inputShape]);
    [x, mean, logVar, z, decoded, reconstructed].forEach((t) => t.dispose());
    model.dispose();
  });

  it('refuses input it cannot mirror, and options it does not have, with a ConfigError naming the field', () => {
    const attempt = (options: Partial<Parameters<typeof architectures.vae>[0]>) => () =>
      architectures.vae({ inputShape: [28, 28, 1], seed: 1, ...options });
    expect(attempt({ inputShape: [30, 30, 1] })).toThrow(/divisible by 4/);
    expect(attempt({ inputShape: [784] })).toThrow(ConfigError);
    expect(attempt({ dropout: 0.2 })).toThrow(/no dropout/);
    expect(attempt({ batchNorm: true })).toThrow(/no batch normalisation/);
    expect(attempt({ latentDim: 0 })).toThrow(/latentDim: expected a positive integer latent size/);
    expect(attempt({ filters: [16, 2.5] })).toThrow(/filters\[1\]/);
    expect(registeredNamesStartingWith('vae-')).toEqual([]);
  });
});

describe('loss', () => {
  it('is the mean over images of the summed squared error plus a KL term that is >= 0', () => {
    const model = build('vae1', [28, 28, 1]);
    const batch = images([28, 28, 1], 6);
    const values = lossValues(model, batch, 11);
    expect(values.kl).toBeGreaterThanOrEqual(0);
    expect(values.reconstruction).toBeGreaterThan(0);
    expect(values.lossSum).toBeCloseTo(values.reconstruction + values.kl, 2);
    expect(values.loss).toBeCloseTo(values.lossSum / 6, 4);
    // Per image: up to 784 squared errors in [0, 1]; untrained outputs sit near 0.5.
    expect(values.reconstruction / 6).toBeGreaterThan(20);
    expect(values.reconstruction / 6).toBeLessThan(784);
    disposeBatch(batch);
    model.dispose();
  });

  it('KL is 0 exactly when z_mean = 0 and z_log_var = 0 (the prior itself), and > 0 otherwise', () => {
    const model = build('vae1', [28, 28, 1]);
    const batch = images([28, 28, 1], 4);
    // Zero the z_mean and z_log_var layers: every image encodes to N(0, I).
    const heads = model.allVariables.filter((v) => v.name.includes('/z_mean/') || v.name.includes('/z_log_var/'));
    expect(heads).toHaveLength(4);
    const before = lossValues(model, batch, 1).kl;
    heads.forEach((v) => v.assign(tf.zerosLike(v)));
    expect(lossValues(model, batch, 1).kl).toBe(0);
    expect(before).toBeGreaterThan(0);
    disposeBatch(batch);
    model.dispose();
  });

  it('ignores padding rows: a padded batch gives the loss of its real rows', () => {
    const model = build('vae1', [28, 28, 1]);
    const full = images([28, 28, 1], 4, 8);
    const padded = { ...full, size: 3 };
    const first3 = { x: full.x.slice(0, 3), y: full.y.slice(0, 3), size: 3 };
    // Evaluation mode: the same fixed noise seed; eps rows are drawn in order, so the first 3 match.
    const at = (batch: typeof full) =>
      tf.tidy(() => {
        const out = model.loss(batch, { training: false, noiseSeed: 0 });
        return [out.metrics.reconstruction!.dataSync()[0]!, out.metrics.kl!.dataSync()[0]!];
      });
    const [recPadded, klPadded] = at(padded);
    const [rec3, kl3] = at(first3);
    expect(recPadded).toBeCloseTo(rec3!, 2);
    expect(klPadded).toBeCloseTo(kl3!, 4);
    disposeBatch(full);
    disposeBatch(first3);
    model.dispose();
  });
});

describe('sampling noise', () => {
  it('is the same for the same step seed and new for another step', () => {
    const a = build('vae1', [28, 28, 1], 1);
    const b = build('vae1', [28, 28, 1], 1);
    const batch = images([28, 28, 1], 5);
    const step = hashSeed(1, 'noise', 7);
    expect(lossValues(a, batch, step)).toEqual(lossValues(b, batch, step));
    expect(lossValues(a, batch, step).loss).not.toBe(lossValues(a, batch, hashSeed(1, 'noise', 8)).loss);
    disposeBatch(batch);
    a.dispose();
    b.dispose();
  });

  it('never uses seed 0 (tfjs: "no seed"), so even noise seed 0 is reproducible', () => {
    expect(samplingSeed(0)).not.toBe(0);
    const model = build('vae1', [28, 28, 1]);
    const batch = images([28, 28, 1], 3);
    expect(lossValues(model, batch, 0)).toEqual(lossValues(model, batch, 0));
    disposeBatch(batch);
    model.dispose();
  });
});

describe('training', () => {
  it('gradients reach every variable through the reparameterisation, and steps lower the loss', () => {
    const model = tiny();
    // Two learnable pictures, a left half and a top half lit, alternating.
    const pictures = Float32Array.from({ length: 8 * 64 }, (_, i) => {
      const [image, pixel] = [Math.floor(i / 64), i % 64];
      return (image % 2 === 0 ? pixel % 8 : Math.floor(pixel / 8)) < 4 ? 1 : 0;
    });
    const batch = { x: tf.tensor(pictures, [8, 8, 8, 1]), y: tf.zeros([8], 'int32'), size: 8 };
    const ctx = (step: number) => ({ training: true, noiseSeed: hashSeed(3, step) });
    const { grads, value } = tf.variableGrads(() => model.loss(batch, ctx(0)).loss, [...model.trainableVariables]);
    expect(Object.keys(grads)).toHaveLength(model.trainableVariables.length);
    for (const grad of Object.values(grads)) expect(tf.any(tf.notEqual(grad, 0)).dataSync()[0]).toBe(1);
    tf.dispose([value, grads]);
    const optimizer = tf.train.adam(0.01);
    const first = lossValues(model, batch, 99).loss;
    for (let step = 0; step < 40; step++) optimizer.minimize(() => model.loss(batch, ctx(step)).loss, true, [...model.trainableVariables])?.dispose();
    expect(lossValues(model, batch, 99).loss).toBeLessThan(first * 0.6);
    optimizer.dispose();
    disposeBatch(batch);
    model.dispose();
  });

  it('leaks no tensor: loss, minimize steps, evaluation, encode, decode, predict, dispose', () => {
    const start = tf.memory().numTensors;
    const model = buildModel({ architecture: 'vae', inputShape: [8, 8, 3], filters: [4, 8], latentDim: 2, seed: 1, modelId: 'leak-vae', l2: 0.001 });
    const batch = images([8, 8, 3], 4);
    const optimizer = tf.train.sgd(0.001);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      model.loss(batch, { training: true, noiseSeed: 1 });
    });
    model.applyStateUpdates();
    for (let step = 0; step < 3; step++) {
      const loss = optimizer.minimize(() => model.loss(batch, { training: true, noiseSeed: hashSeed(2, step) }).loss, true, [...model.trainableVariables]);
      expect(Number.isFinite(loss!.dataSync()[0])).toBe(true);
      loss!.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
    tf.tidy(() => {
      model.loss({ ...batch, size: 3 }, { training: false, noiseSeed: 0 });
    });
    const { mean, logVar } = model.encode(batch.x);
    model.decode(mean).dispose();
    model.predict(batch.x).dispose();
    tf.dispose([mean, logVar]);
    expect(tf.memory().numTensors).toBe(before);
    disposeBatch(batch);
    optimizer.dispose();
    model.dispose();
    expect(registeredNamesStartingWith('leak-vae/')).toEqual([]);
    expect(tf.memory().numTensors).toBe(start);
  });
});
