/**
 * A VAE gallery as pixels to draw, pure: one image grid (bytes, grey or RGB) laid out as
 * RGBA with a white gap between images, and the words around it.
 */
import type { ImageGrid, RunGallery } from '../../../protocol/gallery';

/** Pixels of white between neighbouring images, at native size. */
export const GAP = 2;

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** width * height RGBA values, row-major, as ImageData takes them. */
  readonly data: Uint8ClampedArray<ArrayBuffer>;
}

/** The grid as one RGBA picture: image (r, c) at (c * (w + GAP), r * (h + GAP)); grey is copied to R, G and B. */
export function gridToRgba(grid: ImageGrid, [h, w, channels]: readonly [number, number, number]): RgbaImage {
  const width = grid.columns * w + (grid.columns - 1) * GAP;
  const height = grid.rows * h + (grid.rows - 1) * GAP;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  const perImage = h * w * channels;
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.columns; c++) {
      const source = (r * grid.columns + c) * perImage;
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const from = source + (y * w + x) * channels;
          const to = ((r * (h + GAP) + y) * width + c * (w + GAP) + x) * 4;
          data[to] = grid.pixels[from]!;
          data[to + 1] = grid.pixels[from + (channels === 3 ? 1 : 0)]!;
          data[to + 2] = grid.pixels[from + (channels === 3 ? 2 : 0)]!;
        }
      }
    }
  }
  return { width, height, data };
}

/** "after epoch 3 (step 900)". */
export function galleryMoment(gallery: Pick<RunGallery, 'epoch' | 'step'>): string {
  return `after epoch ${gallery.epoch} (step ${gallery.step.toLocaleString('en')})`;
}

/** Latent walk row labels: z1, z2, ... */
export const latentLabels = (dimensions: number): string[] => Array.from({ length: dimensions }, (_, i) => `z${i + 1}`);

/** A walk value as a column label: -3, -2.4, ..., 3. */
export const walkLabel = (value: number): string => String(Number(value.toFixed(2)));
