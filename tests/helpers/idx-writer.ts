import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC } from '../../src/engine/data/idx';
import type { FashionMnistFacts, FashionMnistFiles } from '../../src/engine/data/fashion-mnist';
import { FASHION_MNIST_CLASS_NAMES } from '../../src/engine/data/fashion-mnist';
import { sha256Hex } from '../../src/engine/data/hash';

export function encodeIdxImages(count: number, rows: number, cols: number, pixels: Uint8Array): Uint8Array {
  const out = new Uint8Array(16 + pixels.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, IDX_IMAGES_MAGIC, false);
  view.setUint32(4, count, false);
  view.setUint32(8, rows, false);
  view.setUint32(12, cols, false);
  out.set(pixels, 16);
  return out;
}

export function encodeIdxLabels(labels: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + labels.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, IDX_LABELS_MAGIC, false);
  view.setUint32(4, labels.length, false);
  out.set(labels, 8);
  return out;
}

/** Pixel value of sample n at (row, col): distinct per position so mix-ups show. */
export function fakePixel(n: number, row: number, col: number): number {
  return (n * 31 + row * 7 + col * 3) % 256;
}

export function fakeImages(count: number, rows: number, cols: number): Uint8Array {
  const pixels = new Uint8Array(count * rows * cols);
  for (let n = 0; n < count; n++) {
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) pixels[(n * rows + r) * cols + c] = fakePixel(n, r, c);
    }
  }
  return pixels;
}

export function fakeLabels(count: number, classes = 10): Uint8Array {
  return Uint8Array.from({ length: count }, (_, i) => (i * 3) % classes);
}

export interface SmallFashion {
  /** Decompressed IDX files. */
  readonly files: FashionMnistFiles;
  /** Facts matching these files, sizes and SHA-256 included. */
  readonly facts: FashionMnistFacts;
}

/** A miniature Fashion-MNIST in the exact official format, with facts that match it. */
export function makeSmallFashion(trainCount = 12, testCount = 5, rows = 4, cols = 3): SmallFashion {
  const files: FashionMnistFiles = {
    trainImages: encodeIdxImages(trainCount, rows, cols, fakeImages(trainCount, rows, cols)),
    trainLabels: encodeIdxLabels(fakeLabels(trainCount)),
    testImages: encodeIdxImages(testCount, rows, cols, fakeImages(testCount, rows, cols)),
    testLabels: encodeIdxLabels(fakeLabels(testCount)),
  };
  const factsOf = (bytes: Uint8Array) => ({ bytes: bytes.length, sha256: sha256Hex(bytes) });
  const facts: FashionMnistFacts = {
    trainCount,
    testCount,
    rows,
    cols,
    classNames: FASHION_MNIST_CLASS_NAMES,
    files: {
      trainImages: factsOf(files.trainImages),
      trainLabels: factsOf(files.trainLabels),
      testImages: factsOf(files.testImages),
      testLabels: factsOf(files.testLabels),
    },
  };
  return { files, facts };
}
