import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/engine/data/load-dataset';
import { makeSmallCifar } from '../../helpers/cifar-writer';
import { gzipBytes } from '../../helpers/gzip';
import { makeSmallFashion } from '../../helpers/idx-writer';
import { memorySource } from '../../helpers/memory-source';

describe('loadDataset', () => {
  it('reads Fashion-MNIST files', async () => {
    const { files, facts } = makeSmallFashion();
    const source = memorySource({
      'train-images-idx3-ubyte.gz': gzipBytes(files.trainImages),
      'train-labels-idx1-ubyte.gz': gzipBytes(files.trainLabels),
      't10k-images-idx3-ubyte.gz': gzipBytes(files.testImages),
      't10k-labels-idx1-ubyte.gz': gzipBytes(files.testLabels),
    });
    const split = await loadDataset('fashion-mnist', source, { fashionMnistFacts: facts });
    expect(split.train.count).toBe(facts.trainCount);
  });

  it('prefers the CIFAR-10 archive, else loose batches', async () => {
    const small = makeSmallCifar();
    const fromArchive = await loadDataset(
      'cifar-10',
      memorySource({ 'cifar-10-binary.tar.gz': small.archive }),
      { cifar10Facts: small.facts },
    );
    const fromBatches = await loadDataset('cifar-10', memorySource(small.batches), { cifar10Facts: small.facts });
    expect(fromArchive.train.inputs).toEqual(fromBatches.train.inputs);
    expect(fromArchive.test.count).toBe(small.facts.recordsPerBatch);
  });
});
