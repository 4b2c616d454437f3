import * as tf from '@tensorflow/tfjs';
import { evaluationBatches } from '../data/batcher';
import type { Dataset } from '../data/types';
import { ConfigError } from '../../lib/errors';
import { createRng, hashSeed } from '../../lib/rng';
import type { VaeModel } from './vae';

/**
 * `rows x columns` images of one shape, as bytes: image (row r, column c) is the
 * (r * columns + c)-th block of h * w * channels values, each block row-major HWC, as
 * the datasets store them. Plain data: it crosses postMessage and goes into IndexedDB.
 */
export interface ImageGrid {
  readonly rows: number;
  readonly columns: number;
  readonly pixels: Uint8Array;
}

/** What a VAE shows of itself at one moment, as images. */
export interface VaeGallery {
  /** [height, width, channels] of every image. */
  readonly imageShape: readonly [number, number, number];
  /** Row 0: the same held-out images every time; row 1: their reconstructions through z_mean. */
  readonly reconstructions: ImageGrid;
  /** Row d sweeps latent dimension d over `walkValues`, every other dimension at 0. */
  readonly latentWalk: ImageGrid;
  readonly walkValues: readonly number[];
  /** One row decoded from fixed-seed N(0, I) vectors: the same for every run and epoch. */
  readonly samples: ImageGrid;
}

export interface VaeGalleryOptions {
  /** The held-out images to reconstruct (the first `originals` of them), pixels 0-255. */
  readonly source: Dataset;
  /** Default 10. */
  readonly originals?: number;
  /** Steps of the latent walk, evenly from -walkRange to walkRange. Default 11. */
  readonly walkSteps?: number;
  /** Default 3. */
  readonly walkRange?: number;
  /** Default 11. */
  readonly samples?: number;
  /** Seeds the sample vectors. */
  readonly seed: number;
}

export interface VaeGalleryMaker {
  /** The model's gallery now. Reads the backend once; leaves no tensor behind. */
  decode(model: VaeModel): Promise<VaeGallery>;
  /** The N(0, I) vectors decoded as samples for this latent size, [samples x latentDim] row-major. */
  sampleVectors(latentDim: number): Float32Array;
}

/** `steps` values evenly from -range to range (both included). */
export function walkValues(steps: number, range: number): number[] {
  return Array.from({ length: steps }, (_, i) => (steps === 1 ? 0 : -range + (2 * range * i) / (steps - 1)));
}

/** One row per latent dimension: row d, column s is values[s] in dimension d, 0 elsewhere. */
function walkVectors(latentDim: number, values: readonly number[]): Float32Array {
  const z = new Float32Array(latentDim * values.length * latentDim);
  for (let d = 0; d < latentDim; d++) values.forEach((value, s) => (z[(d * values.length + s) * latentDim + d] = value));
  return z;
}

/** Pixels in [0, 1] to bytes, on the backend. */
const toBytes = (images: tf.Tensor): tf.Tensor => tf.cast(tf.round(tf.mul(tf.clipByValue(images, 0, 1), 255)), 'int32');

/**
 * Makes VAE galleries: the reconstruction strip, the latent walk and the random samples
 * (the reference experiment's figures, E1). The originals are the first images of
 * `source`, uploaded for each gallery (no float copy of any dataset is kept); the sample
 * vectors are drawn once per latent size from the seed, so galleries compare across
 * runs and epochs.
 */
export function createVaeGalleryMaker(options: VaeGalleryOptions): VaeGalleryMaker {
  const { source, seed } = options;
  const count = Math.min(options.originals ?? 10, source.count);
  const values = walkValues(options.walkSteps ?? 11, options.walkRange ?? 3);
  const sampleCount = options.samples ?? 11;
  if (source.inputShape.length !== 3 || count < 1) {
    throw new ConfigError('bad-gallery-source', 'a set of images [height, width, channels]', `${source.count} samples of [${source.inputShape.join(', ')}]`, 'gallery source');
  }
  const imageShape = source.inputShape as unknown as [number, number, number];
  const perImage = imageShape[0] * imageShape[1] * imageShape[2];
  const originals: Dataset = { ...source, count, inputs: source.inputs.subarray(0, count * perImage), targets: source.targets.subarray(0, count) };
  const vectors = new Map<number, Float32Array>();

  const sampleVectors = (latentDim: number): Float32Array => {
    let z = vectors.get(latentDim);
    if (!z) {
      const rng = createRng(hashSeed(seed, 'vae-samples', latentDim));
      z = Float32Array.from({ length: sampleCount * latentDim }, () => rng.normal());
      vectors.set(latentDim, z);
    }
    return z;
  };

  return {
    sampleVectors,
    async decode(model) {
      const latent = model.latentDim;
      const batch = evaluationBatches(originals, count, 'minmax').next().value!;
      const walkRows = latent * values.length;
      let bytes: tf.Tensor[];
      try {
        // One decoder pass for all three grids: every new batch shape costs WebGL a set of shaders.
        bytes = tf.tidy(() => {
          const z = tf.concat([
            model.encode(batch.x).mean,
            tf.tensor2d(walkVectors(latent, values), [walkRows, latent]),
            tf.tensor2d(sampleVectors(latent), [sampleCount, latent]),
          ]);
          const [reconstructed, walk, samples] = tf.split(model.decode(z), [count, walkRows, sampleCount]);
          return [toBytes(batch.x), toBytes(reconstructed!), toBytes(walk!), toBytes(samples!)];
        });
      } finally {
        batch.x.dispose();
        batch.y.dispose();
      }
      let data: Int32Array[];
      try {
        data = (await Promise.all(bytes.map((t) => t.data()))) as Int32Array[];
      } finally {
        tf.dispose(bytes);
      }
      const [original, reconstructed, walk, samples] = data.map((values) => Uint8Array.from(values)) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
      const strip = new Uint8Array(original.length * 2);
      strip.set(original, 0);
      strip.set(reconstructed, original.length);
      return {
        imageShape,
        reconstructions: { rows: 2, columns: count, pixels: strip },
        latentWalk: { rows: latent, columns: values.length, pixels: walk },
        walkValues: values,
        samples: { rows: 1, columns: sampleCount, pixels: samples },
      };
    },
  };
}
