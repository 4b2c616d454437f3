import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../lib/rng';
import { backpropFilterValues, installConvBackpropFilterKernels, stockCpuBackpropFilter } from './conv-backprop-filter';

beforeAll(async () => {
  installConvBackpropFilterKernels();
  await tf.setBackend('cpu');
});
afterAll(() => tf.setBackend('cpu'));

const random = (n: number, seed: number, zeros = 0): Float32Array => {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => (rng.next() < zeros ? 0 : rng.normal()));
};

/** The definition, term by term in float64: dW[i, j, c, k] = sum x[b, r*s + i - top, q*s + j - left, c] * dy[b, r, q, k]. */
function reference(x: Float32Array, dy: Float32Array, info: tf.backend_util.Conv2DInfo): Float64Array {
  const { filterHeight: fh, filterWidth: fw, inChannels: ci, outChannels: co, inHeight: h, inWidth: w, outHeight: oh, outWidth: ow } = info;
  const out = new Float64Array(fh * fw * ci * co);
  for (let i = 0; i < fh; i++)
    for (let j = 0; j < fw; j++)
      for (let c = 0; c < ci; c++)
        for (let k = 0; k < co; k++) {
          let sum = 0;
          for (let b = 0; b < info.batchSize; b++)
            for (let r = 0; r < oh; r++)
              for (let q = 0; q < ow; q++) {
                const xr = r * info.strideHeight + i - info.padInfo.top;
                const xc = q * info.strideWidth + j - info.padInfo.left;
                if (xr < 0 || xr >= h || xc < 0 || xc >= w) continue;
                sum += x[((b * h + xr) * w + xc) * ci + c]! * dy[((b * oh + r) * ow + q) * co + k]!;
              }
          out[((i * fw + j) * ci + c) * co + k] = sum;
        }
  return out;
}

const cases = [
  { name: 'valid, stride 1', x: [2, 7, 6, 3], filter: [3, 2, 3, 4], strides: 1, pad: 'valid' },
  { name: 'same, stride 2 (the VAE encoder)', x: [3, 8, 8, 2], filter: [3, 3, 2, 5], strides: 2, pad: 'same' },
  { name: 'same, stride 2, kernel 5, odd size', x: [2, 7, 7, 3], filter: [5, 5, 3, 2], strides: 2, pad: 'same' },
] as const;

describe('Conv2DBackpropFilter', () => {
  it.each(cases)('sums the definition ($name)', ({ x: xShape, filter, strides, pad }) => {
    const info = tf.backend_util.computeConv2DInfo([...xShape], [...filter], strides, 1, pad, undefined, false, 'channelsLast');
    const x = random(xShape.reduce((a, b) => a * b, 1), 1, 0.3);
    const dy = random(info.outShape.reduce((a, b) => a * b, 1), 2);
    const got = backpropFilterValues(x, dy, info);
    const want = reference(x, dy, info);
    want.forEach((value, i) => expect(got[i]).toBeCloseTo(value, 4));
  });

  it.each(cases)('gives the stock cpu kernel’s values up to float32 rounding ($name)', ({ x: xShape, filter, strides, pad }) => {
    const info = tf.backend_util.computeConv2DInfo([...xShape], [...filter], strides, 1, pad, undefined, false, 'channelsLast');
    const x = tf.tensor(random(xShape.reduce((a, b) => a * b, 1), 3, 0.3), [...xShape]);
    const dy = tf.tensor(random(info.outShape.reduce((a, b) => a * b, 1), 4), info.outShape);
    const attrs = { strides, pad, dataFormat: 'NHWC', filterShape: [...filter] };
    const stock = stockCpuBackpropFilter()!;
    const stockValues = tf.engine().makeTensorFromTensorInfo(stock({ inputs: { x, dy }, backend: tf.backend(), attrs }) as tf.TensorInfo);
    const ours = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs) as tf.Tensor;
    const [a, b] = [ours.dataSync(), stockValues.dataSync()];
    expect(a.length).toBe(b.length);
    a.forEach((value, i) => expect(Math.abs(value - b[i]!)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(b[i]!))));
    tf.dispose([x, dy, stockValues, ours]);
  });

  it('makes convolutions trainable on the wasm backend, with the cpu backend’s gradients', async () => {
    const shapes = { x: [2, 8, 8, 2] as [number, number, number, number], filter: [3, 3, 2, 4] as [number, number, number, number] };
    const gradients = async (backend: string) => {
      expect(await tf.setBackend(backend)).toBe(true);
      const x = tf.tensor(random(2 * 8 * 8 * 2, 5), shapes.x);
      const filter = tf.variable(tf.tensor(random(3 * 3 * 2 * 4, 6), shapes.filter), true, `conv-grad-${backend}`);
      const before = tf.memory().numTensors;
      const { grads, value } = tf.variableGrads(() => tf.sum(tf.square(tf.conv2d(x as tf.Tensor4D, filter as tf.Tensor4D, 2, 'same'))), [filter]);
      const values = Array.from(grads[filter.name]!.dataSync());
      tf.dispose([value, grads]);
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([x, filter]);
      return values;
    };
    const onCpu = await gradients('cpu');
    const onWasm = await gradients('wasm');
    onWasm.forEach((value, i) => expect(value).toBeCloseTo(onCpu[i]!, 3));
  });
});
