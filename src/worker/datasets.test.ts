import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CIFAR10_ARCHIVE_NAME } from '../engine/data/cifar10';
import type { DownloadProgress } from '../engine/data/types';
import { DatasetError, DownloadError } from '../lib/errors';
import { makeSmallCifar } from '../../tests/helpers/cifar-writer';
import { startFileServer, type FileServer } from '../../tests/helpers/file-server';
import { gzipBytes } from '../../tests/helpers/gzip';
import { makeSmallFashion } from '../../tests/helpers/idx-writer';
import { MemoryCacheStorage } from '../../tests/helpers/memory-cache-storage';
import { DATASET_CACHE_NAME } from './dataset-cache';
import { loadBrowserDataset, sameOriginDatasetBases, type BrowserDatasetOptions } from './datasets';

const fashion = makeSmallFashion(12, 5, 28, 28);
const cifar = makeSmallCifar({ recordsPerBatch: 3, trainBatches: 5 });
const fashionGz: Record<string, Uint8Array> = {
  'train-images-idx3-ubyte.gz': gzipBytes(fashion.files.trainImages),
  'train-labels-idx1-ubyte.gz': gzipBytes(fashion.files.trainLabels),
  't10k-images-idx3-ubyte.gz': gzipBytes(fashion.files.testImages),
  't10k-labels-idx1-ubyte.gz': gzipBytes(fashion.files.testLabels),
};

let server: FileServer;
beforeAll(async () => {
  server = await startFileServer({ ...fashionGz, [CIFAR10_ARCHIVE_NAME]: cifar.archive });
});
afterAll(() => server.close());

const failingFetch: typeof fetch = async () => {
  throw new TypeError('Failed to fetch');
};

function options(storage: MemoryCacheStorage, extra: Partial<BrowserDatasetOptions> = {}): BrowserDatasetOptions {
  return {
    sameOriginBases: [`${server.baseUrl}/ok/`],
    fashionMnistMirrors: [`${server.baseUrl}/missing/`],
    cifar10Urls: [`${server.baseUrl}/missing/${CIFAR10_ARCHIVE_NAME}`],
    caches: storage.asCacheStorage(),
    fashionMnistFacts: fashion.facts,
    cifar10Facts: cifar.facts,
    ...extra,
  };
}

const cachedNames = (storage: MemoryCacheStorage) =>
  [...(storage.caches.get(DATASET_CACHE_NAME)?.entries.keys() ?? [])].map((url) => decodeURIComponent(url.slice(url.lastIndexOf('/') + 1))).sort();

describe('loadBrowserDataset', () => {
  it('downloads from the same origin with progress, caches the raw files, and works offline next time', async () => {
    const storage = new MemoryCacheStorage();
    const progress: DownloadProgress[] = [];
    const first = await loadBrowserDataset('fashion-mnist', { kind: 'auto' }, options(storage, { onProgress: (p) => progress.push(p) }));
    expect(first.origin).toBe('network');
    expect(first.split.train.count).toBe(12);
    expect(progress.some((p) => p.file === 'train-images-idx3-ubyte.gz' && p.loadedBytes === p.totalBytes)).toBe(true);
    expect(cachedNames(storage)).toEqual(Object.keys(fashionGz).sort());

    const second = await loadBrowserDataset('fashion-mnist', { kind: 'auto' }, options(storage, { fetch: failingFetch, isOnline: () => false }));
    expect(second.origin).toBe('cache');
    expect(second.split.test.count).toBe(5);
    expect(Array.from(second.split.train.inputs)).toEqual(Array.from(first.split.train.inputs));
  });

  it('falls through a same-origin miss to the official source', async () => {
    const storage = new MemoryCacheStorage();
    const loaded = await loadBrowserDataset(
      'cifar-10',
      { kind: 'auto' },
      options(storage, { sameOriginBases: [`${server.baseUrl}/missing/`], cifar10Urls: [`${server.baseUrl}/ok/${CIFAR10_ARCHIVE_NAME}`] }),
    );
    expect(loaded.origin).toBe('network');
    expect(loaded.split.train.count).toBe(15);
    expect(cachedNames(storage)).toEqual([CIFAR10_ARCHIVE_NAME]);
  });

  it('says the lab is offline and how to get the files when nothing is cached', async () => {
    const storage = new MemoryCacheStorage();
    let caught: unknown;
    try {
      await loadBrowserDataset('cifar-10', { kind: 'auto' }, options(storage, { fetch: failingFetch, isOnline: () => false }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DownloadError);
    const error = caught as DownloadError;
    expect(error.code).toBe('offline-not-cached');
    expect(error.message).toMatch(/CIFAR-10 is not cached.*offline.*npm run data.*cifar-10-binary\.tar\.gz/s);
    expect(error.found).toBe('no cached copy, and no connection');
    expect(cachedNames(storage)).toEqual([]);
  });

  it('passes a wrong file through as the engine reports it, caching nothing', async () => {
    const storage = new MemoryCacheStorage();
    const wrongFacts = { ...cifar.facts, archiveMd5: '0'.repeat(32) };
    const official = [`${server.baseUrl}/chunked/${CIFAR10_ARCHIVE_NAME}`];
    await expect(
      loadBrowserDataset('cifar-10', { kind: 'auto' }, options(storage, { cifar10Facts: wrongFacts, cifar10Urls: official })),
    ).rejects.toMatchObject({ code: 'checksum-mismatch', found: expect.stringMatching(/MD5 .*; then MD5/) });
    expect(cachedNames(storage)).toEqual([]);
  });

  it('drops a cached copy that no longer verifies and downloads again', async () => {
    const storage = new MemoryCacheStorage();
    await loadBrowserDataset('cifar-10', { kind: 'auto' }, options(storage, { sameOriginBases: [`${server.baseUrl}/ok/`] }));
    const cache = storage.caches.get(DATASET_CACHE_NAME)!;
    const [key] = [...cache.entries.keys()];
    cache.entries.set(key!, Uint8Array.of(1, 2, 3));
    const again = await loadBrowserDataset('cifar-10', { kind: 'auto' }, options(storage));
    expect(again.origin).toBe('network');
    expect(cache.entries.get(key!)?.length).toBe(cifar.archive.length);
  });

  it('accepts the official files picked from disk and caches them', async () => {
    const storage = new MemoryCacheStorage();
    const files = Object.entries(fashionGz).map(([name, bytes]) => new File([bytes as Uint8Array<ArrayBuffer>], name));
    const loaded = await loadBrowserDataset('fashion-mnist', { kind: 'files', files }, options(storage, { fetch: failingFetch }));
    expect(loaded.origin).toBe('files');
    expect(cachedNames(storage)).toEqual(Object.keys(fashionGz).sort());
  });

  it('takes a renamed CIFAR archive, or the loose batch files', async () => {
    const storage = new MemoryCacheStorage();
    const archive = new File([cifar.archive as Uint8Array<ArrayBuffer>], 'cifar-10-binary (1).tar.gz');
    expect((await loadBrowserDataset('cifar-10', { kind: 'files', files: [archive] }, options(storage))).split.test.count).toBe(3);
    const loose = Object.entries(cifar.batches).map(([name, bytes]) => new File([bytes as Uint8Array<ArrayBuffer>], name));
    expect((await loadBrowserDataset('cifar-10', { kind: 'files', files: loose }, options(storage))).split.train.count).toBe(15);
  });

  it('rejects a wrong picked file with the reader’s DatasetError', async () => {
    const storage = new MemoryCacheStorage();
    const files = Object.entries(fashionGz).map(
      ([name, bytes]) => new File([(name.startsWith('t10k-labels') ? Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8) : bytes) as Uint8Array<ArrayBuffer>], name),
    );
    const attempt = loadBrowserDataset('fashion-mnist', { kind: 'files', files }, options(storage));
    await expect(attempt).rejects.toBeInstanceOf(DatasetError);
    expect(cachedNames(storage)).toEqual([]);
  });

  it('keeps training possible when the cache is full', async () => {
    const storage = new MemoryCacheStorage();
    storage.failPuts = true;
    const loaded = await loadBrowserDataset('fashion-mnist', { kind: 'auto' }, options(storage));
    expect(loaded.split.train.count).toBe(12);
  });
});

describe('sameOriginDatasetBases', () => {
  it('puts public/data first, then the dev and preview route', () => {
    expect(sameOriginDatasetBases('https://lab.example/app')).toEqual(['https://lab.example/app/data/', 'https://lab.example/app/dataset-proxy/']);
  });
});
