import { CIFAR10_ARCHIVE_NAME, readCifar10Archive, readCifar10Batches, type Cifar10Facts } from './cifar10';
import { readFashionMnist, type FashionMnistFacts } from './fashion-mnist';
import type { FileSource, TrainTestSplit } from './types';

export type RealDatasetName = 'fashion-mnist' | 'cifar-10';

export const REAL_DATASET_NAMES: readonly RealDatasetName[] = ['fashion-mnist', 'cifar-10'];

export interface LoadDatasetOptions {
  /** Check sizes and checksums against the official facts (default true). */
  readonly verify?: boolean;
  readonly fashionMnistFacts?: FashionMnistFacts;
  readonly cifar10Facts?: Cifar10Facts;
}

type Loader = (source: FileSource, options: LoadDatasetOptions) => Promise<TrainTestSplit>;

const loaders: Record<RealDatasetName, Loader> = {
  'fashion-mnist': (source, options) =>
    readFashionMnist(source, { verify: options.verify, facts: options.fashionMnistFacts }),
  // The archive is what the site serves and the only thing with a published checksum,
  // so it wins; loose batch files cover a user who unpacked it already.
  'cifar-10': async (source, options) => {
    const cifarOptions = { verify: options.verify, facts: options.cifar10Facts };
    if (await source.has(CIFAR10_ARCHIVE_NAME)) {
      return readCifar10Archive(await source.read(CIFAR10_ARCHIVE_NAME), cifarOptions);
    }
    return readCifar10Batches(source, cifarOptions);
  },
};

/** Reads one of the real image sets from a folder, picked files or a cache. */
export function loadDataset(
  name: RealDatasetName,
  source: FileSource,
  options: LoadDatasetOptions = {},
): Promise<TrainTestSplit> {
  return loaders[name](source, options);
}
