import { describe, expect, it } from 'vitest';
import {
  FASHION_MNIST_CLASS_NAMES,
  FASHION_MNIST_FACTS,
  FASHION_MNIST_GZ_FILES,
  FASHION_MNIST_MIRRORS,
  fashionMnistUrls,
  parseFashionMnistFiles,
  readFashionMnist,
} from '../../../src/engine/data/fashion-mnist';
import { DatasetError } from '../../../src/lib/errors';
import { expectLabError } from '../../helpers/expect-lab-error';
import { gzipBytes } from '../../helpers/gzip';
import { encodeIdxImages, encodeIdxLabels, fakeImages, fakePixel, makeSmallFashion } from '../../helpers/idx-writer';
import { memorySource } from '../../helpers/memory-source';

describe('Fashion-MNIST constants', () => {
  it('name the official files, mirrors and classes', () => {
    expect(FASHION_MNIST_GZ_FILES).toEqual([
      'train-images-idx3-ubyte.gz',
      'train-labels-idx1-ubyte.gz',
      't10k-images-idx3-ubyte.gz',
      't10k-labels-idx1-ubyte.gz',
    ]);
    expect(fashionMnistUrls('t10k-labels-idx1-ubyte.gz')).toEqual([
      'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/t10k-labels-idx1-ubyte.gz',
      'https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/t10k-labels-idx1-ubyte.gz',
    ]);
    expect(FASHION_MNIST_MIRRORS).toHaveLength(2);
    expect(FASHION_MNIST_CLASS_NAMES).toHaveLength(10);
    expect(FASHION_MNIST_CLASS_NAMES[9]).toBe('Ankle boot');
    expect(FASHION_MNIST_FACTS.files.trainImages.bytes).toBe(16 + 60_000 * 784);
    expect(FASHION_MNIST_FACTS.files.testLabels.bytes).toBe(8 + 10_000);
  });
});

describe('parseFashionMnistFiles', () => {
  it('builds NHWC uint8 datasets from matching files', () => {
    const { files, facts } = makeSmallFashion(12, 5, 4, 3);
    const { train, test } = parseFashionMnistFiles(files, { facts });
    expect(train.name).toBe('fashion-mnist');
    expect(train.task).toBe('classification');
    expect(train.count).toBe(12);
    expect(test.count).toBe(5);
    expect(train.inputShape).toEqual([4, 3, 1]);
    expect(train.inputs).toBeInstanceOf(Uint8Array);
    expect(train.inputs.length).toBe(12 * 12);
    expect(train.inputs.byteOffset).toBe(0);
    expect(train.inputs[(7 * 4 + 2) * 3 + 1]).toBe(fakePixel(7, 2, 1));
    expect(train.targets).toBeInstanceOf(Uint8Array);
    expect([...test.targets]).toEqual([0, 3, 6, 9, 2]);
    expect(train.classNames).toEqual(FASHION_MNIST_CLASS_NAMES);
  });

  it('checks SHA-256 of the decompressed files', async () => {
    const { files, facts } = makeSmallFashion();
    const tampered = files.trainImages.slice();
    tampered[100] = tampered[100]! ^ 1;
    const error = await expectLabError(
      () => parseFashionMnistFiles({ ...files, trainImages: tampered }, { facts }),
      DatasetError,
      'checksum-mismatch',
    );
    expect(error.where).toBe('train-images-idx3-ubyte');
    expect(error.expected).toContain(facts.files.trainImages.sha256);
  });

  it('skips the checksums when verify is off, but not the structure', async () => {
    const { files, facts } = makeSmallFashion();
    const tampered = files.trainImages.slice();
    tampered[100] = tampered[100]! ^ 1;
    expect(parseFashionMnistFiles({ ...files, trainImages: tampered }, { facts, verify: false }).train.count).toBe(12);
    const badLabels = encodeIdxLabels(Uint8Array.from({ length: 12 }, () => 10));
    await expectLabError(
      () => parseFashionMnistFiles({ ...files, trainLabels: badLabels }, { facts, verify: false }),
      DatasetError,
      'bad-label',
    );
  });

  it('rejects the official facts for small files (count, then size and checksum)', async () => {
    const { files } = makeSmallFashion();
    const error = await expectLabError(() => parseFashionMnistFiles(files), DatasetError, 'count-mismatch');
    expect(error.expected).toBe('60,000 images');
  });

  it('rejects a size that differs from the facts', async () => {
    const { files, facts } = makeSmallFashion();
    const wrongSize = { ...facts, files: { ...facts.files, testLabels: { bytes: 999 } } };
    await expectLabError(() => parseFashionMnistFiles(files, { facts: wrongSize }), DatasetError, 'bad-size');
  });

  it('rejects images and labels of different counts', async () => {
    const { files, facts } = makeSmallFashion(12, 5);
    const error = await expectLabError(
      () => parseFashionMnistFiles({ ...files, testLabels: encodeIdxLabels(Uint8Array.of(1, 2, 3)) }, { facts }),
      DatasetError,
      'count-mismatch',
    );
    expect(error.where).toBe('t10k-labels-idx1-ubyte');
  });

  it('rejects swapped files by their magic', async () => {
    const { files, facts } = makeSmallFashion();
    await expectLabError(
      () => parseFashionMnistFiles({ ...files, trainImages: files.trainLabels }, { facts }),
      DatasetError,
      'bad-magic',
    );
  });

  it('rejects a truncated images file', async () => {
    const { files, facts } = makeSmallFashion();
    await expectLabError(
      () => parseFashionMnistFiles({ ...files, testImages: files.testImages.subarray(0, 40) }, { facts }),
      DatasetError,
      'truncated',
    );
  });

  it('rejects images of another size', async () => {
    const { files, facts } = makeSmallFashion(12, 5, 4, 3);
    const other = encodeIdxImages(5, 3, 4, fakeImages(5, 3, 4));
    await expectLabError(
      () => parseFashionMnistFiles({ ...files, testImages: other }, { facts, verify: false }),
      DatasetError,
      'bad-shape',
    );
  });
});

describe('readFashionMnist', () => {
  it('reads gzipped and plain files alike', async () => {
    const { files, facts } = makeSmallFashion();
    const source = memorySource({
      'train-images-idx3-ubyte.gz': gzipBytes(files.trainImages),
      'train-labels-idx1-ubyte': files.trainLabels,
      't10k-images-idx3-ubyte.gz': gzipBytes(files.testImages),
      // Saved already decompressed under the .gz name, as browsers sometimes do.
      't10k-labels-idx1-ubyte.gz': files.testLabels,
    });
    const { train, test } = await readFashionMnist(source, { facts });
    expect(train.inputs).toEqual(files.trainImages.subarray(16));
    expect(test.targets).toEqual(files.testLabels.subarray(8));
  });

  it('names the missing file', async () => {
    const { files, facts } = makeSmallFashion();
    const source = memorySource({
      'train-images-idx3-ubyte.gz': gzipBytes(files.trainImages),
      'train-labels-idx1-ubyte.gz': gzipBytes(files.trainLabels),
      't10k-images-idx3-ubyte.gz': gzipBytes(files.testImages),
    }, 'folder /data');
    const error = await expectLabError(() => readFashionMnist(source, { facts }), DatasetError, 'missing-file');
    expect(error.expected).toContain('t10k-labels-idx1-ubyte.gz');
    expect(error.found).toContain('folder /data');
  });

  it('reports a corrupt .gz', async () => {
    const { files, facts } = makeSmallFashion();
    const gz = gzipBytes(files.trainImages);
    const source = memorySource({
      'train-images-idx3-ubyte.gz': gz.subarray(0, gz.length - 12),
      'train-labels-idx1-ubyte.gz': gzipBytes(files.trainLabels),
      't10k-images-idx3-ubyte.gz': gzipBytes(files.testImages),
      't10k-labels-idx1-ubyte.gz': gzipBytes(files.testLabels),
    });
    const error = await expectLabError(() => readFashionMnist(source, { facts }), DatasetError, 'corrupt-gzip');
    expect(error.where).toBe('train-images-idx3-ubyte.gz');
  });
});
