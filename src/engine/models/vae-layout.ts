import { ConfigError } from '../../lib/errors';
import type { VaeOptions } from './catalog';
import { isInitializerName } from './names';
import type { LayerSpec, Shape } from './layers/types';
import { resolveVaeShape, VAE_DOWNSAMPLING, VAE_ENCODER_UNITS } from './vae-catalog';

/** The VAE's layer lists, checked, without building anything (no tensors). */
export interface VaeLayout {
  readonly inputShape: readonly [number, number, number];
  readonly latentDim: number;
  /** Image → the hidden features z_mean and z_log_var are read from. */
  readonly encoder: readonly LayerSpec[];
  readonly zMean: LayerSpec;
  readonly zLogVar: LayerSpec;
  /** z → image in [0, 1]. */
  readonly decoder: readonly LayerSpec[];
}

function positiveInt(value: unknown, what: string, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ConfigError('bad-model', what, JSON.stringify(value) ?? String(value), where);
  }
  return value;
}

function checkImage(shape: Shape): [number, number, number] {
  const found = `[${(Array.isArray(shape) ? shape : []).join(', ')}]`;
  if (!Array.isArray(shape) || shape.length !== 3) {
    throw new ConfigError('bad-input-shape', 'image input [height, width, channels] for the vae', found, 'inputShape');
  }
  const [h, w, c] = shape.map((d, i) => positiveInt(d, 'a positive integer', `inputShape[${i}]`)) as [number, number, number];
  if (h % VAE_DOWNSAMPLING !== 0 || w % VAE_DOWNSAMPLING !== 0) {
    // Two stride-2 convolutions and two stride-2 transposed ones give back the size only then.
    throw new ConfigError('bad-input-shape', `a height and width divisible by ${VAE_DOWNSAMPLING} for the vae (28x28, 32x32)`, found, 'inputShape');
  }
  return [h, w, c];
}

/** Options the VAE refuses rather than silently ignores. */
function checkUnsupported(o: VaeOptions): void {
  const dropout = o.dropout;
  if (dropout !== undefined && dropout !== 0) {
    throw new ConfigError('bad-model', 'no dropout (the vae has none)', JSON.stringify(dropout), 'dropout');
  }
  if (o.batchNorm === true) throw new ConfigError('bad-model', 'no batch normalisation (the vae has none)', 'true', 'batchNorm');
  if (o.l2 !== undefined && !(Number.isFinite(o.l2) && o.l2 >= 0)) throw new ConfigError('bad-model', 'an L2 factor >= 0', String(o.l2), 'l2');
  if (o.kernelInitializer !== undefined && !isInitializerName(o.kernelInitializer)) {
    throw new ConfigError('bad-model', 'a known initializer', String(o.kernelInitializer), 'kernelInitializer');
  }
}

/**
 * The layer lists of the convolutional VAE (Keras notation, "same" padding):
 *
 *   encoder: Conv2D(f1, k, relu, strides 2), Conv2D(f2, k, relu, strides 2), Flatten,
 *            Dense(16, relu); then z_mean = Dense(latent), z_log_var = Dense(latent)
 *   decoder: Dense(h/4 * w/4 * f2, relu), Reshape([h/4, w/4, f2]),
 *            Conv2DTranspose(f2, k, relu, strides 2), Conv2DTranspose(f1, k, relu, strides 2),
 *            Conv2D(channels, k, sigmoid)
 *
 * This is the Keras VAE example's network with E1's sizes. Its output layer is a
 * Conv2DTranspose with stride 1, which computes the same function family as this
 * Conv2D with the same glorot_uniform initial distribution (its fans are symmetric).
 */
export function vaeLayout(o: VaeOptions): VaeLayout {
  const inputShape = checkImage(o.inputShape);
  checkUnsupported(o);
  const shape = resolveVaeShape(o);
  if (!Array.isArray(shape.filters) || shape.filters.length !== 2) {
    throw new ConfigError('bad-model', 'two filter counts, e.g. [16, 32]', JSON.stringify(shape.filters), 'filters');
  }
  const [f1, f2] = shape.filters.map((f, i) => positiveInt(f, 'a positive integer', `filters[${i}]`)) as [number, number];
  const kernelSize = positiveInt(shape.kernelSize, 'a positive integer kernel size', 'kernelSize');
  const latentDim = positiveInt(shape.latentDim, 'a positive integer latent size', 'latentDim');
  const l2 = o.l2 ?? 0;
  const penalty = l2 > 0 ? { l2 } : {};
  const [h, w, channels] = inputShape;
  const [h4, w4] = [h / VAE_DOWNSAMPLING, w / VAE_DOWNSAMPLING];
  const conv = (filters: number): LayerSpec => ({ kind: 'conv2d', filters, kernelSize, strides: 2, padding: 'same', activation: 'relu', ...penalty });
  const deconv = (filters: number): LayerSpec => ({ kind: 'conv2dTranspose', filters, kernelSize, strides: 2, padding: 'same', activation: 'relu', ...penalty });
  return {
    inputShape,
    latentDim,
    encoder: [conv(f1), conv(f2), { kind: 'flatten' }, { kind: 'dense', units: VAE_ENCODER_UNITS, activation: 'relu', ...penalty }],
    zMean: { kind: 'dense', units: latentDim, ...penalty },
    zLogVar: { kind: 'dense', units: latentDim, ...penalty },
    decoder: [
      { kind: 'dense', units: h4 * w4 * f2, activation: 'relu', ...penalty },
      { kind: 'reshape', targetShape: [h4, w4, f2] },
      deconv(f2),
      deconv(f1),
      { kind: 'conv2d', filters: channels, kernelSize, padding: 'same', activation: 'sigmoid', ...penalty },
    ],
  };
}
