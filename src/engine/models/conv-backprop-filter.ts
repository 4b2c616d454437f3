import * as tf from '@tensorflow/tfjs';

/**
 * Conv2DBackpropFilter (the gradient of every Conv2D and Conv2DTranspose kernel) for
 * tfjs's cpu and wasm backends, in plain JavaScript over typed arrays.
 *
 * - cpu: the stock kernel reads every value through `TensorBuffer.get(b, r, c, d)`, which
 *   builds an index from an argument list per read; it took 85% of a VAE1 training step
 *   (2 s of 2.4 s for 8 images). This one indexes the arrays directly, in an order that
 *   walks memory contiguously: the same sums up to float rounding (both accumulate in
 *   float64; conv-backprop-filter.test.ts compares them), many times faster.
 * - wasm: tfjs has no such kernel (#8474), so no convolution could train there; this
 *   one reads the tensors from the wasm heap, so the lab's CNNs train on Node's fastest
 *   backend too.
 *
 * NCHW input, which the lab never uses, goes to the stock kernel (cpu) or is refused (wasm).
 */
const KERNEL = 'Conv2DBackpropFilter';

interface BackpropFilterAttrs {
  readonly strides: [number, number] | number;
  readonly pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  readonly dataFormat: 'NHWC' | 'NCHW';
  readonly dimRoundingMode?: 'floor' | 'round' | 'ceil';
  readonly filterShape: [number, number, number, number];
}

/**
 * dW [fh, fw, inC, outC] for NHWC x and dy:
 *   dW[i, j, c, k] = sum over b, r, s of x[b, r*sh + i - top, s*sw + j - left, c] * dy[b, r, s, k]
 * accumulated in float64, one outer product x[b, xr, xc, :] (x) dy[b, r, s, :] at a time, so
 * the innermost loop runs along contiguous memory (and skips the zeros relu leaves in x).
 */
export function backpropFilterValues(x: Float32Array, dy: Float32Array, info: tf.backend_util.Conv2DInfo): Float32Array {
  const { strideHeight, strideWidth, filterHeight, filterWidth, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, batchSize } = info;
  const leftPad = info.padInfo.left;
  const topPad = info.padInfo.top;
  const sums = new Float64Array(filterHeight * filterWidth * inChannels * outChannels);
  for (let b = 0; b < batchSize; ++b) {
    for (let yR = 0; yR < outHeight; ++yR) {
      for (let yC = 0; yC < outWidth; ++yC) {
        const dyOffset = ((b * outHeight + yR) * outWidth + yC) * outChannels;
        for (let wR = 0; wR < filterHeight; ++wR) {
          const xR = yR * strideHeight + wR - topPad;
          if (xR < 0 || xR >= inHeight) continue;
          for (let wC = 0; wC < filterWidth; ++wC) {
            const xC = yC * strideWidth + wC - leftPad;
            if (xC < 0 || xC >= inWidth) continue;
            const xOffset = ((b * inHeight + xR) * inWidth + xC) * inChannels;
            const wOffset = (wR * filterWidth + wC) * inChannels * outChannels;
            for (let d1 = 0; d1 < inChannels; ++d1) {
              const xv = x[xOffset + d1]!;
              if (xv === 0) continue;
              const row = wOffset + d1 * outChannels;
              for (let d2 = 0; d2 < outChannels; ++d2) sums[row + d2]! += xv * dy[dyOffset + d2]!;
            }
          }
        }
      }
    }
  }
  return Float32Array.from(sums);
}

/** How a backend stores tensor values and makes an output tensor. */
interface BackendAccess {
  values(backend: unknown, tensor: tf.TensorInfo): Float32Array;
  output(backend: unknown, shape: number[], values: Float32Array): tf.TensorInfo;
}

interface CpuBackend {
  readonly data: { get(dataId: unknown): { values: Float32Array } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): tf.TensorInfo;
}

interface WasmBackend {
  typedArrayFromHeap(tensor: tf.TensorInfo): Float32Array;
  makeOutput(shape: number[], dtype: 'float32', memoryOffset: undefined, values: Float32Array): tf.TensorInfo;
}

const access: Readonly<Record<'cpu' | 'wasm', BackendAccess>> = {
  cpu: {
    values: (backend, tensor) => (backend as CpuBackend).data.get(tensor.dataId).values,
    output: (backend, shape, values) => (backend as CpuBackend).makeTensorInfo(shape, 'float32', values),
  },
  wasm: {
    // A view of the heap: read it before anything allocates (which may move the heap).
    values: (backend, tensor) => (backend as WasmBackend).typedArrayFromHeap(tensor),
    output: (backend, shape, values) => (backend as WasmBackend).makeOutput(shape, 'float32', undefined, values),
  },
};

function kernelFunc(backendName: 'cpu' | 'wasm', stock: tf.KernelFunc | undefined): tf.KernelFunc {
  const { values, output } = access[backendName];
  return (args) => {
    const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    const attrs = args.attrs as unknown as BackpropFilterAttrs;
    if (attrs.dataFormat === 'NCHW' || x.dtype !== 'float32' || dy.dtype !== 'float32') {
      if (stock) return stock(args);
      throw new Error(`${KERNEL} on ${backendName}: only float32 NHWC tensors are supported`);
    }
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      attrs.filterShape,
      attrs.strides,
      1,
      attrs.pad,
      attrs.dimRoundingMode,
      false,
      'channelsLast',
    );
    const dW = backpropFilterValues(values(args.backend, x), values(args.backend, dy), info);
    return output(args.backend, [...info.filterShape], dW);
  };
}

let stockCpu: tf.KernelConfig | undefined;
let installed = false;

/**
 * Puts these kernels in place (once per tfjs instance; the conv layers call it when
 * they are built): instead of the cpu backend's stock one, and where the wasm backend
 * has none.
 */
export function installConvBackpropFilterKernels(): void {
  if (installed) return;
  installed = true;
  stockCpu = tf.getKernel(KERNEL, 'cpu');
  if (stockCpu) {
    tf.unregisterKernel(KERNEL, 'cpu');
    tf.registerKernel({ kernelName: KERNEL, backendName: 'cpu', kernelFunc: kernelFunc('cpu', stockCpu.kernelFunc) });
  }
  if (!tf.getKernel(KERNEL, 'wasm')) tf.registerKernel({ kernelName: KERNEL, backendName: 'wasm', kernelFunc: kernelFunc('wasm', undefined) });
}

/** The cpu backend's own kernel, for the test that compares the two. */
export function stockCpuBackpropFilter(): tf.KernelFunc | undefined {
  installConvBackpropFilterKernels();
  return stockCpu?.kernelFunc;
}
