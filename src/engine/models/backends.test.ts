import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { architectures } from './architectures';
import type { SequentialModel } from './sequential';
import { useCpuBackend } from './test-utils';

// One seed, the same weights and the same dropout masks on every backend: compare the cpu
// and wasm backends (webgl is not available in Node).
beforeAll(async () => {
  await import('@tensorflow/tfjs-backend-wasm');
});
afterAll(useCpuBackend);

async function onBackend<T>(backend: string, f: () => T): Promise<T> {
  expect(await tf.setBackend(backend)).toBe(true);
  await tf.ready();
  return f();
}

function build(): SequentialModel {
  return architectures.mlp({ inputShape: [4, 4, 1], numClasses: 3, seed: 77, hiddenUnits: [10], dropout: { input: 0.3, hidden: 0.5 } });
}

function snapshot(): { weights: number[][]; train: number[]; infer: number[] } {
  const model = build();
  const weights = model.allVariables.map((v) => Array.from(v.dataSync()));
  const x = tf.tensor(Array.from({ length: 2 * 16 }, (_, i) => (i % 7) / 7), [2, 4, 4, 1]);
  const train = Array.from(tf.tidy(() => model.apply(x, { training: true, noiseSeed: 5 }).dataSync()));
  const infer = Array.from(tf.tidy(() => model.predict(x).dataSync()));
  x.dispose();
  model.dispose();
  return { weights, train, infer };
}

describe('backends', () => {
  it('cpu and wasm get bit-identical initial weights and the same dropout masks', async () => {
    const cpu = await onBackend('cpu', snapshot);
    const wasm = await onBackend('wasm', snapshot);
    expect(wasm.weights).toEqual(cpu.weights);
    // The same mask: the same entries are zeroed; values agree to float precision.
    cpu.train.forEach((v, i) => expect(wasm.train[i]).toBeCloseTo(v, 4));
    cpu.infer.forEach((v, i) => expect(wasm.infer[i]).toBeCloseTo(v, 4));
    expect(cpu.train).not.toEqual(cpu.infer);
  });
});
