import { describe, expect, it } from 'vitest';
import { GAP, galleryMoment, gridToRgba, latentLabels, walkLabel } from './gallery-model';

describe('gridToRgba', () => {
  it('lays grey images out in rows and columns, white gaps between them, opaque', () => {
    // Two 1x2 images side by side: [10, 20] and [30, 40].
    const image = gridToRgba({ rows: 1, columns: 2, pixels: Uint8Array.from([10, 20, 30, 40]) }, [1, 2, 1]);
    expect([image.width, image.height]).toEqual([2 + GAP + 2, 1]);
    const px = (x: number) => Array.from(image.data.slice(x * 4, x * 4 + 4));
    expect(px(0)).toEqual([10, 10, 10, 255]);
    expect(px(1)).toEqual([20, 20, 20, 255]);
    expect(px(2)).toEqual([255, 255, 255, 255]);
    expect(px(2 + GAP)).toEqual([30, 30, 30, 255]);
    expect(px(3 + GAP)).toEqual([40, 40, 40, 255]);
  });

  it('keeps RGB images’ channels and puts row r below row r - 1', () => {
    const pixels = Uint8Array.from([1, 2, 3, 4, 5, 6]); // two 1x1 RGB images, one per row
    const image = gridToRgba({ rows: 2, columns: 1, pixels }, [1, 1, 3]);
    expect([image.width, image.height]).toEqual([1, 1 + GAP + 1]);
    expect(Array.from(image.data.slice(0, 4))).toEqual([1, 2, 3, 255]);
    expect(Array.from(image.data.slice((1 + GAP) * 4, (1 + GAP) * 4 + 4))).toEqual([4, 5, 6, 255]);
  });
});

describe('gallery words', () => {
  it('say when a gallery was made and label the walk', () => {
    expect(galleryMoment({ epoch: 3, step: 1200 })).toBe('after epoch 3 (step 1,200)');
    expect(latentLabels(3)).toEqual(['z1', 'z2', 'z3']);
    expect([-3, -2.4000000000000004, 0, 0.6000000000000005].map(walkLabel)).toEqual(['-3', '-2.4', '0', '0.6']);
  });
});
