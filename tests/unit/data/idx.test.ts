import { describe, expect, it } from 'vitest';
import { checkLabels, checkSameCount, parseIdxImages, parseIdxLabels } from '../../../src/engine/data/idx';
import { DatasetError } from '../../../src/lib/errors';
import { expectLabError } from '../../helpers/expect-lab-error';
import { encodeIdxImages, encodeIdxLabels, fakeImages, fakePixel } from '../../helpers/idx-writer';

describe('IDX', () => {
  it('parses images: header fields and row-major pixels', () => {
    const parsed = parseIdxImages(encodeIdxImages(3, 4, 5, fakeImages(3, 4, 5)));
    expect([parsed.count, parsed.rows, parsed.cols]).toEqual([3, 4, 5]);
    expect(parsed.pixels.length).toBe(60);
    expect(parsed.pixels[(2 * 4 + 3) * 5 + 1]).toBe(fakePixel(2, 3, 1));
  });

  it('parses labels', () => {
    const parsed = parseIdxLabels(encodeIdxLabels(Uint8Array.of(1, 9, 0)));
    expect(parsed.count).toBe(3);
    expect([...parsed.labels]).toEqual([1, 9, 0]);
  });

  it('works on a view that does not start at byte 0', () => {
    const file = encodeIdxLabels(Uint8Array.of(4, 5));
    const padded = new Uint8Array(file.length + 3);
    padded.set(file, 3);
    expect([...parseIdxLabels(padded.subarray(3)).labels]).toEqual([4, 5]);
  });

  it('rejects a labels file given as images (wrong magic)', async () => {
    const error = await expectLabError(
      () => parseIdxImages(encodeIdxLabels(Uint8Array.of(1, 2)), 'train-images-idx3-ubyte'),
      DatasetError,
      'bad-magic',
    );
    expect(error.expected).toContain('0x00000803');
    expect(error.found).toContain('0x00000801');
    expect(error.where).toBe('train-images-idx3-ubyte');
  });

  it('rejects a file shorter than its header promises', async () => {
    const file = encodeIdxImages(3, 4, 5, fakeImages(3, 4, 5));
    await expectLabError(() => parseIdxImages(file.subarray(0, file.length - 1)), DatasetError, 'truncated');
    await expectLabError(() => parseIdxImages(file.subarray(0, 10)), DatasetError, 'truncated');
    await expectLabError(() => parseIdxLabels(new Uint8Array(0)), DatasetError, 'truncated');
  });

  it('rejects extra bytes after the last record', async () => {
    const file = encodeIdxLabels(Uint8Array.of(1, 2));
    await expectLabError(() => parseIdxLabels(new Uint8Array([...file, 0])), DatasetError, 'bad-size');
  });

  it('rejects images and labels of different counts', async () => {
    const images = parseIdxImages(encodeIdxImages(3, 2, 2, fakeImages(3, 2, 2)));
    const labels = parseIdxLabels(encodeIdxLabels(Uint8Array.of(1, 2)));
    await expectLabError(() => checkSameCount(images, labels), DatasetError, 'count-mismatch');
  });

  it('rejects labels outside the classes', async () => {
    const error = await expectLabError(() => checkLabels(Uint8Array.of(0, 9, 10), 10), DatasetError, 'bad-label');
    expect(error.found).toContain('index 2');
  });
});
