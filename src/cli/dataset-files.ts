import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CIFAR10_ARCHIVE_NAME, CIFAR10_FACTS, type Cifar10Facts } from '../engine/data/cifar10';
import { downloadCifar10, downloadFashionMnist, type DownloadResult } from '../engine/data/download';
import {
  FASHION_MNIST_FACTS,
  FASHION_MNIST_FILE_KEYS,
  FASHION_MNIST_GZ_FILES,
  verifyFashionMnistFile,
  type FashionMnistFacts,
} from '../engine/data/fashion-mnist';
import { maybeGunzip } from '../engine/data/gzip';
import { verifyDigest } from '../engine/data/hash';
import type { RealDatasetName } from '../engine/data/load-dataset';
import type { DownloadProgress } from '../engine/data/types';
import { nodeFileSink } from './node-download-sink';

/**
 * The official files of the real datasets, fetched once on the machine that serves the
 * lab (the dev/preview route, `npm run data`) and verified before they land on disk.
 */
export const DATASET_FILES: Readonly<Record<RealDatasetName, readonly string[]>> = {
  'fashion-mnist': FASHION_MNIST_GZ_FILES,
  'cifar-10': [CIFAR10_ARCHIVE_NAME],
};

/** Set to a base URL serving `<base>/<official file name>` to fetch from there (tests, a local mirror). */
export const DATASET_UPSTREAM_ENV = 'OPTIMIZER_LAB_DATASET_UPSTREAM';

export function datasetOfFile(file: string): RealDatasetName | undefined {
  return (Object.keys(DATASET_FILES) as RealDatasetName[]).find((name) => DATASET_FILES[name].includes(file));
}

export interface DatasetFetchOptions {
  /** A base URL replacing the official sources; `<upstream>/<file>`. */
  readonly upstream?: string;
  readonly fetch?: typeof fetch;
  readonly onProgress?: (progress: DownloadProgress) => void;
  readonly signal?: AbortSignal;
  readonly fashionMnistFacts?: FashionMnistFacts;
  readonly cifar10Facts?: Cifar10Facts;
}

export function upstreamFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[DATASET_UPSTREAM_ENV]?.trim();
  return value ? value : undefined;
}

const withSlash = (base: string): string => (base.endsWith('/') ? base : `${base}/`);

/**
 * Downloads a dataset's official files into `dir`, verified (SHA-256 of each
 * decompressed Fashion-MNIST file; the MD5 of the CIFAR-10 archive). A file that fails
 * leaves nothing behind: the sink writes a part file and renames it only on success.
 */
export function downloadDatasetInto(name: RealDatasetName, dir: string, options: DatasetFetchOptions = {}): Promise<DownloadResult[]> {
  const common = {
    sinkFor: (file: string) => nodeFileSink(join(dir, file)),
    fetch: options.fetch,
    signal: options.signal,
    onProgress: options.onProgress,
  };
  if (name === 'fashion-mnist') {
    const mirrors = options.upstream ? [withSlash(options.upstream)] : undefined;
    return downloadFashionMnist({ ...common, mirrors, facts: options.fashionMnistFacts });
  }
  const urls = options.upstream ? [`${withSlash(options.upstream)}${CIFAR10_ARCHIVE_NAME}`] : undefined;
  return downloadCifar10({ ...common, urls, facts: options.cifar10Facts }).then((result) => [result]);
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Whether `dir` already holds every file of the dataset, each one verified. */
export async function hasVerifiedDataset(name: RealDatasetName, dir: string, options: DatasetFetchOptions = {}): Promise<boolean> {
  const files = DATASET_FILES[name];
  if (!(await Promise.all(files.map((file) => exists(join(dir, file))))).every(Boolean)) return false;
  try {
    if (name === 'cifar-10') {
      const md5 = (options.cifar10Facts ?? CIFAR10_FACTS).archiveMd5;
      if (md5) verifyDigest('md5', new Uint8Array(await readFile(join(dir, CIFAR10_ARCHIVE_NAME))), md5, CIFAR10_ARCHIVE_NAME);
      return true;
    }
    for (const [i, key] of FASHION_MNIST_FILE_KEYS.entries()) {
      const file = files[i]!;
      const raw = await maybeGunzip(new Uint8Array(await readFile(join(dir, file))), file);
      verifyFashionMnistFile(key, raw, options.fashionMnistFacts ?? FASHION_MNIST_FACTS);
    }
    return true;
  } catch {
    return false;
  }
}
