import { CIFAR10_ARCHIVE_NAME, CIFAR10_URL, type Cifar10Facts } from '../engine/data/cifar10';
import { downloadCifar10, downloadFashionMnist } from '../engine/data/download';
import { FASHION_MNIST_GZ_FILES, FASHION_MNIST_MIRRORS, type FashionMnistFacts } from '../engine/data/fashion-mnist';
import { loadDataset, type RealDatasetName } from '../engine/data/load-dataset';
import type { DownloadProgress, TrainTestSplit } from '../engine/data/types';
import { DatasetError, DownloadError } from '../lib/errors';
import type { DatasetSource } from '../protocol/messages';
import { cacheFileSource, forgetCachedDataset, memoryAndCacheSink, openDatasetCache, putCachedFile } from './dataset-cache';
import { memoryFileSource, pickedFileSource } from './file-sources';

export type DatasetOrigin = 'cache' | 'network' | 'files';

export interface LoadedDataset {
  readonly split: TrainTestSplit;
  readonly origin: DatasetOrigin;
}

export interface BrowserDatasetOptions {
  /** Same-origin folders tried first, each ending in '/': public/data and the dev/preview route. */
  readonly sameOriginBases: readonly string[];
  readonly fetch?: typeof fetch;
  /** The Cache API (`globalThis.caches`); undefined: nothing is cached. */
  readonly caches?: CacheStorage;
  readonly isOnline?: () => boolean;
  readonly onProgress?: (progress: DownloadProgress) => void;
  readonly signal?: AbortSignal;
  /** Official sources; the engine's constants by default. */
  readonly fashionMnistMirrors?: readonly string[];
  readonly cifar10Urls?: readonly string[];
  /** Tests use small generated files with matching facts. */
  readonly fashionMnistFacts?: FashionMnistFacts;
  readonly cifar10Facts?: Cifar10Facts;
}

const TITLES: Record<RealDatasetName, string> = { 'fashion-mnist': 'Fashion-MNIST', 'cifar-10': 'CIFAR-10' };
const OFFICIAL_FILES: Record<RealDatasetName, string> = {
  'fashion-mnist': `the four files ${FASHION_MNIST_GZ_FILES.join(', ')} (about 30 MB)`,
  'cifar-10': `${CIFAR10_ARCHIVE_NAME} (about 163 MB), or its unpacked .bin batch files`,
};

/** `<base>data/` (prepared by `npm run data`) and `<base>dataset-proxy/` (npm run dev / preview). */
export function sameOriginDatasetBases(appBaseUrl: string): string[] {
  const base = appBaseUrl.endsWith('/') ? appBaseUrl : `${appBaseUrl}/`;
  return [`${base}data/`, `${base}dataset-proxy/`];
}

/**
 * A real dataset for the browser: the user's picked files, else this browser's cache,
 * else a download (same origin first, then the official sources) that is verified and
 * cached for the next visit. The engine's readers check every byte either way.
 */
export async function loadBrowserDataset(
  name: RealDatasetName,
  source: DatasetSource,
  options: BrowserDatasetOptions,
): Promise<LoadedDataset> {
  const cache = await openDatasetCache(options.caches);
  const readOptions = { fashionMnistFacts: options.fashionMnistFacts, cifar10Facts: options.cifar10Facts };
  if (source.kind === 'files') {
    const used = new Map<string, Uint8Array>();
    const split = await loadDataset(name, pickedFileSource(source.files, (file, bytes) => used.set(file, bytes)), readOptions);
    // Verified: keep the raw files so the next visit needs neither the files nor a network.
    for (const [file, bytes] of used) await putCachedFile(cache, name, file, bytes);
    return { split, origin: 'files' };
  }
  if (cache) {
    try {
      return { split: await loadDataset(name, cacheFileSource(cache, name), readOptions), origin: 'cache' };
    } catch (error) {
      // Missing files: download them. A cached copy that fails verification: drop it.
      if (!(error instanceof DatasetError && error.code === 'missing-file')) await forgetCachedDataset(cache, name);
    }
  }
  const files = new Map<string, Uint8Array>();
  try {
    await download(name, options, (file) => memoryAndCacheSink(cache, name, file, files));
  } catch (error) {
    throw explainDownloadFailure(name, error, options.isOnline?.() ?? true);
  }
  // Verified while downloading; the structure is still checked as the arrays are built.
  const split = await loadDataset(name, memoryFileSource(files, `downloaded ${TITLES[name]} files`), { ...readOptions, verify: false });
  return { split, origin: 'network' };
}

function download(
  name: RealDatasetName,
  options: BrowserDatasetOptions,
  sinkFor: Parameters<typeof downloadCifar10>[0]['sinkFor'],
): Promise<unknown> {
  const common = { sinkFor, fetch: options.fetch, signal: options.signal, onProgress: options.onProgress };
  if (name === 'fashion-mnist') {
    const mirrors = [...options.sameOriginBases, ...(options.fashionMnistMirrors ?? FASHION_MNIST_MIRRORS)];
    return downloadFashionMnist({ ...common, mirrors, facts: options.fashionMnistFacts });
  }
  const urls = [...options.sameOriginBases.map((base) => `${base}${CIFAR10_ARCHIVE_NAME}`), ...(options.cifar10Urls ?? [CIFAR10_URL])];
  return downloadCifar10({ ...common, urls, facts: options.cifar10Facts });
}

/**
 * A download that failed for want of a connection becomes 'offline-not-cached', with
 * what to do about it; a wrong file (checksum, not gzip) passes through as it is.
 */
function explainDownloadFailure(name: RealDatasetName, error: unknown, online: boolean): unknown {
  if (!(error instanceof DownloadError) || error.code === 'aborted') return error;
  const failures = Array.isArray((error as { cause?: unknown }).cause) ? ((error as { cause?: unknown }).cause as DownloadError[]) : [error];
  const unreachable = !online || failures[failures.length - 1]?.code === 'network';
  if (!unreachable) return error;
  const title = TITLES[name];
  const offline = new DownloadError(
    'offline-not-cached',
    `${title} in this browser's cache, or a connection to download it`,
    online ? `no cached copy, and every source refused or failed (${error.found})` : 'no cached copy, and no connection',
    title,
  );
  offline.message =
    `${title} is not cached in this browser and could not be downloaded: ` +
    `${online ? 'the lab seems to be offline, or the source refused a cross-origin download' : 'the lab is offline'}. ` +
    `Connect to the internet and load it again, run \`npm run data\` where the lab is served, ` +
    `or pick ${OFFICIAL_FILES[name]} from disk.`;
  (offline as { cause?: unknown }).cause = error;
  return offline;
}
