import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../data/types';
import { createRng } from '../../lib/rng';
import { architectures } from './architectures';
import { useCpuBackend } from './test-utils';
import { createVaeGalleryMaker, walkValues } from './vae-gallery';

beforeAll(useCpuBackend);

function images(count: number, shape: [number, number, number]): Dataset {
  const rng = createRng(4);
  const inputs = Uint8Array.from({ length: count * shape[0] * shape[1] * shape[2] }, () => rng.int(256));
  return { name: 'pictures', task: 'classification', count, inputShape: shape, inputs, targets: new Uint8Array(count), classNames: ['a', 'b'] };
}

const tinyVae = (seed: number, shape: [number, number, number] = [8, 8, 1], latentDim = 3) =>
  architectures.vae({ inputShape: shape, filters: [4, 8], kernelSize: 3, latentDim, seed });

describe('VAE galleries', () => {
  it('hold the originals above their reconstructions, one walk row per latent dimension, and 11 samples', async () => {
    const source = images(20, [8, 8, 3]);
    const model = tinyVae(1, [8, 8, 3], 4);
    const gallery = await createVaeGalleryMaker({ source, seed: 1 }).decode(model);
    expect(gallery.imageShape).toEqual([8, 8, 3]);
    expect(gallery.reconstructions).toMatchObject({ rows: 2, columns: 10 });
    expect(gallery.reconstructions.pixels).toHaveLength(2 * 10 * 192);
    // Row 0 is the first ten source images, byte for byte.
    expect(gallery.reconstructions.pixels.subarray(0, 10 * 192)).toEqual(source.inputs.subarray(0, 10 * 192));
    expect(gallery.latentWalk).toMatchObject({ rows: 4, columns: 11 });
    expect(gallery.latentWalk.pixels).toHaveLength(4 * 11 * 192);
    expect(gallery.samples).toMatchObject({ rows: 1, columns: 11 });
    expect(gallery.samples.pixels).toHaveLength(11 * 192);
    model.dispose();
  });

  it('walks each dimension over [-3, 3] in 11 steps, the middle one at 0', () => {
    const values = walkValues(11, 3);
    expect(values[0]).toBe(-3);
    expect(values[5]).toBeCloseTo(0, 12);
    expect(values[10]).toBe(3);
    values.slice(1).forEach((v, i) => expect(v - values[i]!).toBeCloseTo(0.6, 12));
  });

  it('decodes the same sample vectors for every model and every call, drawn from N(0, I)', async () => {
    const maker = createVaeGalleryMaker({ source: images(12, [8, 8, 1]), seed: 7 });
    const first = maker.sampleVectors(3);
    expect(first).toHaveLength(11 * 3);
    expect(maker.sampleVectors(3)).toBe(first);
    expect(createVaeGalleryMaker({ source: images(12, [8, 8, 1]), seed: 7 }).sampleVectors(3)).toEqual(first);
    const big = createVaeGalleryMaker({ source: images(1, [8, 8, 1]), seed: 7, samples: 2000 }).sampleVectors(2);
    const mean = big.reduce((a, b) => a + b, 0) / big.length;
    const variance = big.reduce((a, b) => a + (b - mean) ** 2, 0) / big.length;
    expect(Math.abs(mean)).toBeLessThan(0.06);
    expect(Math.abs(variance - 1)).toBeLessThan(0.08);
    // Two models with the same weights decode them to the same images; other weights to others.
    const [a, b, c] = [tinyVae(1), tinyVae(1), tinyVae(2)];
    const [ga, gb, gc] = await Promise.all([a, b, c].map((m) => maker.decode(m)));
    expect(ga!.samples.pixels).toEqual(gb!.samples.pixels);
    expect(ga!.samples.pixels).not.toEqual(gc!.samples.pixels);
    [a, b, c].forEach((m) => m.dispose());
  });

  it('leaves no tensor behind', async () => {
    const maker = createVaeGalleryMaker({ source: images(12, [8, 8, 1]), seed: 1 });
    const model = tinyVae(1);
    await maker.decode(model);
    const before = tf.memory().numTensors;
    await maker.decode(model);
    await maker.decode(model);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
