import type { TrainTestSplit } from '../engine/data/types';
import { loadDataset } from '../engine/data/load-dataset';
import type { DatasetName } from '../engine/experiment/config';
import { isSyntheticDataset, makeSyntheticSplit, syntheticDefaults } from '../engine/experiment/prepare-data';
import { defaultFashionMnistDir, nodeFolderSource } from './node-file-source';

/** Where each real set is looked for in Node when no folder is given. */
const defaultDirs = {
  'fashion-mnist': () => defaultFashionMnistDir(),
  'cifar-10': () => process.env.CIFAR10_DIR ?? 'data/cifar-10',
} as const;

export async function loadSplit(
  name: DatasetName,
  options: { dataDir?: string; count?: number; seed: number },
): Promise<TrainTestSplit> {
  if (isSyntheticDataset(name)) return makeSyntheticSplit(name, options.count ?? syntheticDefaults[name], options.seed);
  return loadDataset(name, nodeFolderSource(options.dataDir ?? defaultDirs[name]()));
}
