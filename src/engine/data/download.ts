import { DatasetError, DownloadError, LabError } from '../../lib/errors';
import { concatChunks, formatCount, hexPreview } from './bytes';
import { CIFAR10_ARCHIVE_NAME, CIFAR10_FACTS, CIFAR10_URL, type Cifar10Facts } from './cifar10';
import {
  FASHION_MNIST_FACTS,
  FASHION_MNIST_FILE_KEYS,
  FASHION_MNIST_FILES,
  FASHION_MNIST_MIRRORS,
  fashionMnistUrls,
  verifyFashionMnistFile,
  type FashionMnistFacts,
} from './fashion-mnist';
import { gunzip, isGzip } from './gzip';
import { verifyDigest } from './hash';
import type { DownloadProgress } from './types';

/**
 * Where a download goes: a file in Node, IndexedDB or the Cache API in a browser. The
 * downloader writes only verified bytes and then commits; on any failure it aborts, and
 * the sink must leave nothing behind, so a half file can never pass for a dataset.
 */
export interface DownloadSink {
  write(chunk: Uint8Array): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export interface DownloadFileOptions {
  /** Mirrors, tried in order until one gives bytes that pass `verify`. */
  readonly urls: readonly string[];
  /** Name for progress and errors; defaults to the URL's last path segment. */
  readonly file?: string;
  readonly fetch?: typeof fetch;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DownloadProgress) => void;
  /** Throws (a LabError, ideally) when the complete bytes are not the file. */
  readonly verify: (bytes: Uint8Array) => Promise<void> | void;
  readonly sink: DownloadSink;
}

export interface DownloadResult {
  readonly file: string;
  readonly url: string;
  readonly bytes: number;
}

/** Sinks are written in slices so an IndexedDB or Cache sink never gets one huge record. */
const SINK_SLICE = 4 * 1024 * 1024;

function fileNameOf(url: string | undefined): string {
  if (!url) return 'download';
  const path = url.split(/[?#]/)[0] ?? url;
  return path.slice(path.lastIndexOf('/') + 1) || url;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}

function abortedError(file: string): DownloadError {
  return new DownloadError('aborted', 'the download to finish', 'it was cancelled', file);
}

/** Streams one URL's body into memory, reporting progress; checks it is complete. */
async function fetchBytes(
  url: string,
  file: string,
  fetchImpl: typeof fetch,
  signal: AbortSignal | undefined,
  onProgress: ((p: DownloadProgress) => void) | undefined,
): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetchImpl(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw abortedError(file);
    throw new DownloadError('network', `a response from ${url}`, `a network error (${messageOf(error)})`, file);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    throw new DownloadError('http-status', 'HTTP 200', `${status} from ${url}`, file);
  }
  const header = response.headers.get('content-length');
  const declared = header !== null && /^\d+$/.test(header) ? Number(header) : undefined;
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const report = (): void =>
    onProgress?.({
      file,
      loadedBytes: loaded,
      // Past the declared length the body was decoded on the way (Content-Encoding):
      // the total is then unknown.
      totalBytes: declared !== undefined && loaded <= declared ? declared : undefined,
    });
  report();
  const reader = response.body?.getReader();
  try {
    for (;;) {
      if (!reader) break;
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      report();
    }
  } catch (error) {
    if (signal?.aborted) throw abortedError(file);
    if (declared === undefined || loaded >= declared) {
      throw new DownloadError(
        'network',
        `the whole body from ${url}`,
        `the connection failed after ${formatCount(loaded)} bytes (${messageOf(error)})`,
        file,
      );
    }
  }
  // Fewer bytes than Content-Length means a cut connection. More means the browser
  // decoded a Content-Encoding it may not let us see (CORS); the checksum decides then.
  if (declared !== undefined && loaded < declared) {
    throw new DownloadError(
      'truncated',
      `${formatCount(declared)} bytes (Content-Length)`,
      `${formatCount(loaded)} bytes from ${url}`,
      file,
    );
  }
  return concatChunks(chunks, loaded);
}

async function runVerify(
  verify: DownloadFileOptions['verify'],
  bytes: Uint8Array,
  url: string,
  file: string,
): Promise<void> {
  try {
    await verify(bytes);
  } catch (error) {
    if (error instanceof LabError) {
      const wrapped = new DownloadError(error.code, error.expected, `${error.found} in the file from ${url}`, file);
      (wrapped as { cause?: unknown }).cause = error;
      throw wrapped;
    }
    throw new DownloadError('verification-failed', 'a file that passes verification', `${messageOf(error)} (${url})`, file);
  }
}

function combine(failures: readonly DownloadError[], file: string): DownloadError {
  if (failures.length === 1) return failures[0]!;
  const last = failures[failures.length - 1]!;
  const combined = new DownloadError(
    last.code,
    last.expected,
    failures.map((f) => f.found).join('; then '),
    file,
  );
  (combined as { cause?: unknown }).cause = failures;
  return combined;
}

/**
 * Downloads one file: tries each URL in turn, streams the body with progress, verifies
 * the complete bytes, then writes them to the sink and commits. Any failure (HTTP
 * status, network, short body, failed verification, cancellation, a failing sink)
 * aborts the sink and throws a DownloadError naming what was expected and found.
 */
export async function downloadFile(options: DownloadFileOptions): Promise<DownloadResult> {
  const { urls, signal, sink } = options;
  const file = options.file ?? fileNameOf(urls[0]);
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  try {
    if (urls.length === 0) throw new DownloadError('no-url', 'at least one URL', 'none', file);
    const failures: DownloadError[] = [];
    for (const url of urls) {
      if (signal?.aborted) throw abortedError(file);
      let bytes: Uint8Array;
      try {
        bytes = await fetchBytes(url, file, fetchImpl, signal, options.onProgress);
        await runVerify(options.verify, bytes, url, file);
      } catch (error) {
        if (!(error instanceof DownloadError) || error.code === 'aborted') throw error;
        failures.push(error);
        continue;
      }
      await writeAll(sink, bytes, file, signal);
      return { file, url, bytes: bytes.length };
    }
    throw combine(failures, file);
  } catch (error) {
    // A failing abort must not hide why the download failed.
    await sink.abort().catch(() => undefined);
    if (error instanceof DownloadError) throw error;
    if (signal?.aborted) throw abortedError(file);
    throw new DownloadError('failed', `${file} saved`, messageOf(error), file);
  }
}

async function writeAll(sink: DownloadSink, bytes: Uint8Array, file: string, signal?: AbortSignal): Promise<void> {
  try {
    for (let offset = 0; offset < bytes.length; offset += SINK_SLICE) {
      if (signal?.aborted) throw abortedError(file);
      await sink.write(bytes.subarray(offset, Math.min(bytes.length, offset + SINK_SLICE)));
    }
    if (signal?.aborted) throw abortedError(file);
    await sink.commit();
  } catch (error) {
    if (error instanceof DownloadError) throw error;
    throw new DownloadError('write-failed', `${file} saved`, `a storage error (${messageOf(error)})`, file);
  }
}

interface DatasetDownloadOptions {
  /** A fresh sink for each file, by its official name. */
  readonly sinkFor: (file: string) => DownloadSink;
  readonly fetch?: typeof fetch;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DownloadProgress) => void;
}

export interface FashionMnistDownloadOptions extends DatasetDownloadOptions {
  /** Base URLs ending in '/'; the official site and its GitHub mirror by default. */
  readonly mirrors?: readonly string[];
  readonly facts?: FashionMnistFacts;
}

/** IDX magics, to recognise a body some proxy already decompressed. */
function looksLikeIdx(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0x08 && (bytes[3] === 1 || bytes[3] === 3);
}

/**
 * The four Fashion-MNIST files, one after the other. Mirrors recompress, so what is
 * checked is the decompressed IDX file's size and SHA-256. A body that is already
 * plain IDX (decoded by the transport) passes; anything else must be gzip.
 */
export async function downloadFashionMnist(options: FashionMnistDownloadOptions): Promise<DownloadResult[]> {
  const facts = options.facts ?? FASHION_MNIST_FACTS;
  const results: DownloadResult[] = [];
  for (const key of FASHION_MNIST_FILE_KEYS) {
    const file = `${FASHION_MNIST_FILES[key]}.gz`;
    results.push(
      await downloadFile({
        file,
        urls: fashionMnistUrls(file, options.mirrors ?? FASHION_MNIST_MIRRORS),
        fetch: options.fetch,
        signal: options.signal,
        onProgress: options.onProgress,
        sink: options.sinkFor(file),
        verify: async (bytes) => {
          if (!isGzip(bytes) && !looksLikeIdx(bytes)) {
            throw new DatasetError('not-gzip', 'gzip data (1f 8b)', hexPreview(bytes), file);
          }
          const raw = isGzip(bytes) ? await gunzip(bytes, file) : bytes;
          verifyFashionMnistFile(key, raw, facts);
        },
      }),
    );
  }
  return results;
}

export interface Cifar10DownloadOptions extends DatasetDownloadOptions {
  /** The University of Toronto's URL by default. */
  readonly urls?: readonly string[];
  readonly facts?: Cifar10Facts;
}

/** The CIFAR-10 binary archive, checked against its published MD5. */
export async function downloadCifar10(options: Cifar10DownloadOptions): Promise<DownloadResult> {
  const facts = options.facts ?? CIFAR10_FACTS;
  return downloadFile({
    file: CIFAR10_ARCHIVE_NAME,
    urls: options.urls ?? [CIFAR10_URL],
    fetch: options.fetch,
    signal: options.signal,
    onProgress: options.onProgress,
    sink: options.sinkFor(CIFAR10_ARCHIVE_NAME),
    verify: (bytes) => {
      // An HTML error page served with status 200 gets the clearer message.
      if (!isGzip(bytes)) {
        throw new DatasetError('not-gzip', 'gzip data (1f 8b)', hexPreview(bytes), CIFAR10_ARCHIVE_NAME);
      }
      if (facts.archiveMd5 !== undefined) verifyDigest('md5', bytes, facts.archiveMd5, CIFAR10_ARCHIVE_NAME);
    },
  });
}
