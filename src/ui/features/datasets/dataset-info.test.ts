import { describe, expect, it } from 'vitest';
import { classNamesFor, formatBytes, percentOf, progressText } from './dataset-info';

describe('dataset info', () => {
  it('formats download progress in bytes and percent', () => {
    expect(formatBytes(950)).toBe('950 B');
    expect(formatBytes(26_421_880)).toBe('26.4 MB');
    const progress = { file: 'train-images-idx3-ubyte.gz', loadedBytes: 13_210_940, totalBytes: 26_421_880 };
    expect(percentOf(progress)).toBe(50);
    expect(progressText(progress)).toBe('train-images-idx3-ubyte.gz: 13.2 MB of 26.4 MB (50%)');
    expect(progressText({ file: 'x', loadedBytes: 2000, totalBytes: undefined })).toBe('x: 2 kB');
  });

  it('names classes: the loaded set’s names, the known ones, else numbers', () => {
    expect(classNamesFor('fashion-mnist', undefined, 10)[9]).toBe('Ankle boot');
    expect(classNamesFor('cifar-10', ['a', 'b'], 3)).toEqual(['a', 'b', 'class 2']);
  });
});
