import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

describe('tfjs in Node', () => {
  it('runs the ES2017 bundle, with the wasm backend sharing one tfjs-core', async () => {
    await import('@tensorflow/tfjs-backend-wasm');
    const coreFile = (tf.engine().constructor as unknown as { name: string }).name;
    expect(coreFile).toBe('Engine');
    // The ES5 build transpiles classes into functions; the ES2017 bundle keeps `class`.
    expect(tf.Tensor.toString().startsWith('class')).toBe(true);
    expect(await tf.setBackend('wasm')).toBe(true);
    expect(tf.getBackend()).toBe('wasm');
    await tf.setBackend('cpu');
  });
});
