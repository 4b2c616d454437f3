import { describe, expect, it } from 'vitest';
import {
  CIFAR10_ARCHIVE_MD5,
  CIFAR10_CLASS_NAMES,
  CIFAR10_FACTS,
  CIFAR10_RECORD_BYTES,
  CIFAR10_URL,
  cifar10TrainBatchNames,
  readCifar10Archive,
  readCifar10Batches,
} from '../../../src/engine/data/cifar10';
import { DatasetError } from '../../../src/lib/errors';
import { cifarLabel, cifarPixel, makeCifarBatch, makeSmallCifar } from '../../helpers/cifar-writer';
import { expectLabError } from '../../helpers/expect-lab-error';
import { gzipBytes } from '../../helpers/gzip';
import { memorySource } from '../../helpers/memory-source';

/** NHWC index of channel c at (row, col) of sample n. */
const hwc = (n: number, row: number, col: number, c: number) => ((n * 32 + row) * 32 + col) * 3 + c;

describe('CIFAR-10 constants', () => {
  it('match the official release', () => {
    expect(CIFAR10_URL).toBe('https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz');
    expect(CIFAR10_ARCHIVE_MD5).toBe('c32a1d4ab5d03f1284b67883e8d87530');
    expect(CIFAR10_RECORD_BYTES).toBe(3073);
    expect(CIFAR10_FACTS.recordsPerBatch).toBe(10_000);
    expect(cifar10TrainBatchNames()).toEqual([
      'data_batch_1.bin',
      'data_batch_2.bin',
      'data_batch_3.bin',
      'data_batch_4.bin',
      'data_batch_5.bin',
    ]);
    expect(CIFAR10_CLASS_NAMES).toEqual([
      'airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck',
    ]);
  });
});

describe('readCifar10Archive', () => {
  it('reads the batches and turns CHW records into NHWC images', async () => {
    const small = makeSmallCifar({ recordsPerBatch: 3, trainBatches: 2 });
    const { train, test } = await readCifar10Archive(small.archive, { facts: small.facts });
    expect(train.name).toBe('cifar-10');
    expect(train.count).toBe(6);
    expect(test.count).toBe(3);
    expect(train.inputShape).toEqual([32, 32, 3]);
    expect(train.inputs.length).toBe(6 * 3072);
    // Sample 4 is record 1 of batch 1 (data_batch_2.bin).
    expect(train.targets[4]).toBe(cifarLabel(1, 1));
    for (const [row, col] of [[0, 0], [5, 17], [31, 31]] as const) {
      for (let c = 0; c < 3; c++) expect(train.inputs[hwc(4, row, col, c)]).toBe(cifarPixel(1, 1, row, col, c));
    }
    expect(test.inputs[hwc(2, 9, 30, 1)]).toBe(cifarPixel(2, 2, 9, 30, 1));
    expect(train.classNames).toEqual(CIFAR10_CLASS_NAMES);
  });

  it('puts a known pixel where it belongs', async () => {
    // Record with red 200 only at (row 1, col 2), green 100 only at (row 3, col 4).
    const record = new Uint8Array(CIFAR10_RECORD_BYTES);
    record[0] = 7;
    record[1 + 1 * 32 + 2] = 200;
    record[1 + 1024 + 3 * 32 + 4] = 100;
    const facts = { ...CIFAR10_FACTS, recordsPerBatch: 1, trainBatches: 1 };
    const { train } = await readCifar10Batches(
      memorySource({ 'data_batch_1.bin': record, 'test_batch.bin': record }),
      { facts },
    );
    expect(train.targets[0]).toBe(7);
    expect(train.inputs[(1 * 32 + 2) * 3 + 0]).toBe(200);
    expect(train.inputs[(3 * 32 + 4) * 3 + 1]).toBe(100);
    const nonZero = Array.from(train.inputs).filter((v) => v !== 0).length;
    expect(nonZero).toBe(2);
  });

  it('checks the archive MD5', async () => {
    const small = makeSmallCifar();
    const error = await expectLabError(
      () => readCifar10Archive(small.archive, { facts: { ...small.facts, archiveMd5: CIFAR10_ARCHIVE_MD5 } }),
      DatasetError,
      'checksum-mismatch',
    );
    expect(error.expected).toContain(CIFAR10_ARCHIVE_MD5);
    // Off when asked, or when the facts have none.
    await readCifar10Archive(small.archive, { facts: { ...small.facts, archiveMd5: CIFAR10_ARCHIVE_MD5 }, verify: false });
    await readCifar10Archive(small.archive, { facts: { ...small.facts, archiveMd5: undefined } });
  });

  it('rejects an archive that is not gzip', async () => {
    const small = makeSmallCifar();
    await expectLabError(
      () => readCifar10Archive(small.tar, { facts: { ...small.facts, archiveMd5: undefined } }),
      DatasetError,
      'not-gzip',
    );
  });

  it('rejects gzip data that is not tar', async () => {
    const small = makeSmallCifar();
    const notTar = gzipBytes(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7) % 256));
    await expectLabError(
      () => readCifar10Archive(notTar, { facts: { ...small.facts, archiveMd5: undefined } }),
      DatasetError,
      'not-tar',
    );
  });

  it('names a missing batch file and lists what is there', async () => {
    const small = makeSmallCifar({ omit: ['data_batch_2.bin'] });
    const error = await expectLabError(
      () => readCifar10Archive(small.archive, { facts: small.facts }),
      DatasetError,
      'missing-file',
    );
    expect(error.expected).toBe('cifar-10-batches-bin/data_batch_2.bin');
    expect(error.found).toContain('cifar-10-batches-bin/data_batch_1.bin');
    expect(error.found).not.toContain('data_batch_2.bin');
  });

  it('rejects a batch of the wrong size', async () => {
    const small = makeSmallCifar({ replace: { 'test_batch.bin': makeCifarBatch(2, 2) } });
    const error = await expectLabError(
      () => readCifar10Archive(small.archive, { facts: small.facts }),
      DatasetError,
      'bad-size',
    );
    expect(error.where).toBe('test_batch.bin');
  });

  it('rejects a label outside 0..9', async () => {
    const batch = makeCifarBatch(0, 3);
    batch[2 * CIFAR10_RECORD_BYTES] = 10;
    const small = makeSmallCifar({ replace: { 'data_batch_1.bin': batch } });
    const error = await expectLabError(
      () => readCifar10Archive(small.archive, { facts: small.facts }),
      DatasetError,
      'bad-label',
    );
    expect(error.found).toBe('label 10 in record 2');
    expect(error.where).toBe('data_batch_1.bin');
  });
});

describe('readCifar10Batches', () => {
  it('reads loose files at the top or in cifar-10-batches-bin/', async () => {
    const small = makeSmallCifar();
    const top = await readCifar10Batches(memorySource(small.batches), { facts: small.facts });
    const nested = await readCifar10Batches(
      memorySource(Object.fromEntries(Object.entries(small.batches).map(([k, v]) => [`cifar-10-batches-bin/${k}`, v]))),
      { facts: small.facts },
    );
    const fromArchive = await readCifar10Archive(small.archive, { facts: small.facts });
    expect(top.train.inputs).toEqual(fromArchive.train.inputs);
    expect(nested.test.targets).toEqual(fromArchive.test.targets);
  });

  it('names the first missing batch and the ones present', async () => {
    const small = makeSmallCifar();
    const { 'test_batch.bin': _omitted, ...rest } = small.batches;
    const error = await expectLabError(
      () => readCifar10Batches(memorySource(rest, 'folder /x'), { facts: small.facts }),
      DatasetError,
      'missing-file',
    );
    expect(error.expected).toBe('test_batch.bin');
    expect(error.found).toBe('only data_batch_1.bin, data_batch_2.bin');
    expect(error.where).toBe('folder /x');
  });
});
