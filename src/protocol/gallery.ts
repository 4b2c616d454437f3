/**
 * A VAE run's gallery as it crosses the worker boundary and lands in IndexedDB: the
 * engine's images (reconstruction strip, latent walk, random samples) with the run and
 * the moment they show. The zod schema checks a gallery read back from IndexedDB (and
 * anything else from outside) before the UI draws it: every grid's bytes must fill
 * exactly rows x columns images of the stated shape.
 */
import { z } from 'zod';
import type { ImageGrid, VaeGallery } from '../engine/models/vae-gallery';

export type { ImageGrid } from '../engine/models/vae-gallery';

export const GALLERY_VERSION = 1;

export type RunGallery = VaeGallery & {
  readonly version: typeof GALLERY_VERSION;
  readonly runId: string;
  /** Epochs the run had finished when it was decoded. */
  readonly epoch: number;
  /** Steps it had taken: the gallery of a run stopped mid-epoch shows its last weights. */
  readonly step: number;
};

const positiveInt = z.number().int().positive();
const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { error: 'a Uint8Array of pixels' });
const grid = z.object({ rows: positiveInt, columns: positiveInt, pixels: bytes });
const imageSize = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
const GRIDS = ['reconstructions', 'latentWalk', 'samples'] as const;

export const runGallerySchema = z
  .object({
    version: z.literal(GALLERY_VERSION),
    runId: z.string().min(1),
    epoch: z.number().int().min(0),
    step: z.number().int().min(0),
    imageShape: z.tuple([positiveInt, positiveInt, z.union([z.literal(1), z.literal(3)])]),
    reconstructions: grid,
    latentWalk: grid,
    walkValues: z.array(z.number()),
    samples: grid,
  })
  .superRefine((gallery, context) => {
    const size = imageSize(gallery.imageShape);
    for (const name of GRIDS) {
      const { rows, columns, pixels } = gallery[name];
      if (pixels.length !== rows * columns * size) {
        context.addIssue({ code: 'custom', path: [name, 'pixels'], message: `${rows * columns * size} pixel values (${rows} x ${columns} images of ${gallery.imageShape.join('x')})` });
      }
    }
    if (gallery.walkValues.length !== gallery.latentWalk.columns) {
      context.addIssue({ code: 'custom', path: ['walkValues'], message: `one value per latent walk column (${gallery.latentWalk.columns})` });
    }
  });

/** The gallery's pixel buffers, once each: what postMessage transfers instead of copying. */
export function galleryBuffers(gallery: RunGallery): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const name of GRIDS) {
    const { buffer } = (gallery[name] as ImageGrid).pixels;
    if (buffer instanceof ArrayBuffer) buffers.add(buffer);
  }
  return [...buffers];
}

// ---- the schema and the engine's type must not drift apart -----------------------------

type Assignable<A, B> = [A] extends [B] ? true : false;
type Check<T extends true> = T;

export type GallerySchemaMatchesEngine = Check<Assignable<z.output<typeof runGallerySchema>, RunGallery>>;
