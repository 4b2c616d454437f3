import { stat, readFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { DatasetError } from '../lib/errors';
import type { FileSource } from '../engine/data/types';

/** Where Debian's `dataset-fashion-mnist` package puts the four .gz files. */
export const DEBIAN_FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';

export function defaultFashionMnistDir(): string {
  return process.env.FASHION_MNIST_DIR ?? DEBIAN_FASHION_MNIST_DIR;
}

/**
 * A folder on disk as a FileSource. Names may contain '/' (CIFAR's batch folder) but
 * may not leave the folder. A missing folder fails at once, naming it, rather than as
 * a confusing "missing file" later.
 */
export function nodeFolderSource(dir: string): FileSource {
  const root = resolve(dir);
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw new DatasetError('missing-folder', `a folder at ${root}`, 'nothing there (or not a folder)', root);
  }
  const pathOf = (name: string): string => {
    const full = normalize(join(root, name));
    if (isAbsolute(name) || (full !== root && !full.startsWith(root + sep))) {
      throw new DatasetError('bad-name', `a file name inside ${root}`, name, root);
    }
    return full;
  };
  return {
    description: `folder ${root}`,
    async has(name) {
      try {
        return (await stat(pathOf(name))).isFile();
      } catch (error) {
        if (error instanceof DatasetError) throw error;
        return false;
      }
    },
    async read(name) {
      let buffer: Buffer;
      try {
        buffer = await readFile(pathOf(name));
      } catch (error) {
        if (error instanceof DatasetError) throw error;
        const code = (error as NodeJS.ErrnoException).code ?? 'an error';
        throw new DatasetError('missing-file', `a readable file ${name}`, `${code}`, root);
      }
      // A plain Uint8Array view: engine code must not depend on Buffer's extra methods.
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    },
  };
}
