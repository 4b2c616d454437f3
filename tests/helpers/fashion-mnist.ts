import { existsSync } from 'node:fs';
import { defaultFashionMnistDir, nodeFolderSource } from '../../src/cli/node-file-source';
import { readFashionMnist } from '../../src/engine/data/fashion-mnist';
import type { TrainTestSplit } from '../../src/engine/data/types';

/**
 * The real Fashion-MNIST from Debian's dataset-fashion-mnist package (or
 * FASHION_MNIST_DIR). Never skipped: without the files the test fails and says how to
 * get them.
 */
export async function loadRealFashionMnist(): Promise<TrainTestSplit> {
  const dir = defaultFashionMnistDir();
  if (!existsSync(dir)) {
    throw new Error(
      `Fashion-MNIST is not installed at ${dir}. Install it with \`apt-get install dataset-fashion-mnist\` ` +
        '(or point FASHION_MNIST_DIR at a folder holding the four official .gz files).',
    );
  }
  return readFashionMnist(nodeFolderSource(dir));
}
