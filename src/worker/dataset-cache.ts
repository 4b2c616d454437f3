import type { DownloadSink } from '../engine/data/download';
import type { FileSource } from '../engine/data/types';
import type { RealDatasetName } from '../engine/data/load-dataset';
import { concatChunks } from '../engine/data/bytes';

/**
 * The browser's copy of the official dataset files, in the Cache API. Raw files are
 * cached exactly as published (parsed arrays are not: they are rebuilt and verified on
 * each visit). The cache name carries a version: a future layout gets a fresh cache.
 */
export const DATASET_CACHE_NAME = 'optimizer-lab-datasets-v1';

/** Cache keys are URLs; this one never resolves to anything, it only names the file. */
const KEY_BASE = 'https://optimizer-lab.invalid/datasets/';

export function datasetCacheKey(dataset: RealDatasetName, file: string): string {
  return `${KEY_BASE}${dataset}/${encodeURIComponent(file)}`;
}

/** The dataset cache, or undefined where the Cache API is missing or refused (insecure origin, private mode). */
export async function openDatasetCache(storage: CacheStorage | undefined): Promise<Cache | undefined> {
  if (!storage) return undefined;
  try {
    return await storage.open(DATASET_CACHE_NAME);
  } catch {
    return undefined;
  }
}

export function cacheFileSource(cache: Cache, dataset: RealDatasetName): FileSource {
  return {
    description: `this browser's cache of ${dataset}`,
    has: async (name) => (await cache.match(datasetCacheKey(dataset, name))) !== undefined,
    read: async (name) => {
      const response = await cache.match(datasetCacheKey(dataset, name));
      if (!response) throw new Error(`${name} is not in the cache`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}

/** Removes every cached file of a dataset (after a cached copy failed verification). */
export async function forgetCachedDataset(cache: Cache, dataset: RealDatasetName): Promise<void> {
  const prefix = datasetCacheKey(dataset, '');
  const keys = await cache.keys();
  await Promise.all(keys.filter((request) => request.url.startsWith(prefix)).map((request) => cache.delete(request)));
}

export async function putCachedFile(cache: Cache | undefined, dataset: RealDatasetName, name: string, bytes: Uint8Array): Promise<boolean> {
  if (!cache) return false;
  try {
    const body = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
    await cache.put(datasetCacheKey(dataset, name), new Response(body, { headers: { 'Content-Length': String(bytes.length) } }));
    return true;
  } catch {
    // A full quota must not stop training: the bytes are in memory for this visit.
    return false;
  }
}

/**
 * A download sink that keeps the verified bytes for this visit and stores them in the
 * cache for the next. The downloader commits only verified bytes, so the cache never
 * holds a half or wrong file.
 */
export function memoryAndCacheSink(
  cache: Cache | undefined,
  dataset: RealDatasetName,
  name: string,
  files: Map<string, Uint8Array>,
): DownloadSink {
  let chunks: Uint8Array[] = [];
  return {
    write: async (chunk) => void chunks.push(chunk),
    commit: async () => {
      const bytes = concatChunks(chunks);
      chunks = [];
      files.set(name, bytes);
      await putCachedFile(cache, dataset, name, bytes);
    },
    abort: async () => {
      chunks = [];
    },
  };
}
