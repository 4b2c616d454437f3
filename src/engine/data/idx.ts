import { DatasetError } from '../../lib/errors';
import { formatCount, hexPreview } from './bytes';

/**
 * IDX, the format of MNIST and Fashion-MNIST: a big-endian header, then raw bytes.
 *   images: 0x00000803, count, rows, cols, then count*rows*cols pixels (0 = background)
 *   labels: 0x00000801, count, then count label bytes
 * The magic's third byte is the element type (0x08 = unsigned byte) and the fourth the
 * number of dimensions, so checking the whole word checks both.
 */
export const IDX_IMAGES_MAGIC = 0x00000803;
export const IDX_LABELS_MAGIC = 0x00000801;

export interface IdxImages {
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  /** count*rows*cols bytes, row-major; a view into the file's bytes. */
  readonly pixels: Uint8Array;
}

export interface IdxLabels {
  readonly count: number;
  /** A view into the file's bytes. */
  readonly labels: Uint8Array;
}

function readHeader(bytes: Uint8Array, magic: number, dims: number, what: string, where?: string): number[] {
  const headerBytes = 4 + 4 * dims;
  const truncated = (): DatasetError =>
    new DatasetError('truncated', `an IDX ${what} header of ${headerBytes} bytes`, `${bytes.length} bytes`, where);
  if (bytes.length < 4) throw truncated();
  // The magic first: a wrong file is better named than a short one.
  const view = new DataView(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, headerBytes));
  const found = view.getUint32(0, false);
  if (found !== magic) {
    throw new DatasetError(
      'bad-magic',
      `IDX ${what} magic 0x${magic.toString(16).padStart(8, '0')}`,
      `0x${found.toString(16).padStart(8, '0')} (${hexPreview(bytes)})`,
      where,
    );
  }
  if (bytes.length < headerBytes) throw truncated();
  const sizes: number[] = [];
  for (let d = 0; d < dims; d++) sizes.push(view.getUint32(4 + 4 * d, false));
  return sizes;
}

function checkLength(bytes: Uint8Array, headerBytes: number, body: number, what: string, where?: string): void {
  const expected = headerBytes + body;
  if (bytes.length < expected) {
    throw new DatasetError(
      'truncated',
      `${formatCount(expected)} bytes, as the IDX header promises ${what}`,
      `${formatCount(bytes.length)} bytes`,
      where,
    );
  }
  if (bytes.length > expected) {
    throw new DatasetError(
      'bad-size',
      `${formatCount(expected)} bytes, as the IDX header promises ${what}`,
      `${formatCount(bytes.length)} bytes (extra data after the last record)`,
      where,
    );
  }
}

export function parseIdxImages(bytes: Uint8Array, where?: string): IdxImages {
  const [count, rows, cols] = readHeader(bytes, IDX_IMAGES_MAGIC, 3, 'images', where) as [number, number, number];
  checkLength(bytes, 16, count * rows * cols, `${formatCount(count)} images of ${rows}x${cols}`, where);
  return { count, rows, cols, pixels: bytes.subarray(16) };
}

export function parseIdxLabels(bytes: Uint8Array, where?: string): IdxLabels {
  const [count] = readHeader(bytes, IDX_LABELS_MAGIC, 1, 'labels', where) as [number];
  checkLength(bytes, 8, count, `${formatCount(count)} labels`, where);
  return { count, labels: bytes.subarray(8) };
}

/** Every label must name a class; a stray 255 would silently become a 256-way problem. */
export function checkLabels(labels: Uint8Array, classCount: number, where?: string): void {
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]! >= classCount) {
      throw new DatasetError(
        'bad-label',
        `labels 0..${classCount - 1}`,
        `label ${labels[i]} at index ${i}`,
        where,
      );
    }
  }
}

/** Images and labels of one split must describe the same samples. */
export function checkSameCount(images: IdxImages, labels: IdxLabels, where?: string): void {
  if (images.count !== labels.count) {
    throw new DatasetError(
      'count-mismatch',
      `as many labels as images (${formatCount(images.count)})`,
      `${formatCount(labels.count)} labels`,
      where,
    );
  }
}
