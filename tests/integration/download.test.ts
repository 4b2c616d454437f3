import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFileSink } from '../../src/cli/node-download-sink';
import { nodeFolderSource } from '../../src/cli/node-file-source';
import { downloadCifar10, downloadFashionMnist, downloadFile, type DownloadSink } from '../../src/engine/data/download';
import { readFashionMnist } from '../../src/engine/data/fashion-mnist';
import { loadDataset } from '../../src/engine/data/load-dataset';
import type { DownloadProgress } from '../../src/engine/data/types';
import { DatasetError, DownloadError } from '../../src/lib/errors';
import { makeSmallCifar } from '../helpers/cifar-writer';
import { expectLabError } from '../helpers/expect-lab-error';
import { startFileServer, type FileServer } from '../helpers/file-server';
import { gzipBytes } from '../helpers/gzip';
import { makeSmallFashion } from '../helpers/idx-writer';
import { md5Hex } from '../../src/engine/data/hash';
import { createRng } from '../../src/lib/rng';

const fashion = makeSmallFashion(40, 10, 28, 28);
const cifar = makeSmallCifar({ recordsPerBatch: 4, trainBatches: 5 });
// Random bytes do not compress: the body arrives in many chunks.
const noise = createRng(42);
const payload = gzipBytes(Uint8Array.from({ length: 300_000 }, () => noise.int(256)));
const payloadMd5 = md5Hex(payload);
const checkMd5 = (expected: string) => (bytes: Uint8Array) => {
  const found = md5Hex(bytes);
  if (found !== expected) throw new DatasetError('checksum-mismatch', `MD5 ${expected}`, `MD5 ${found}`);
};

let server: FileServer;
/** A port nothing listens on: taken from a server that was then closed. */
let closedPort = 0;
const url = (mode: string, name: string) => `${server.baseUrl}/${mode}/${name}`;
const emptyDir = () => mkdtempSync(join(tmpdir(), 'lab-download-'));

beforeAll(async () => {
  server = await startFileServer({
    'payload.gz': payload,
    'not-gzip.gz': new TextEncoder().encode('<html><body>Moved</body></html>'),
    'train-images-idx3-ubyte.gz': gzipBytes(fashion.files.trainImages),
    'train-labels-idx1-ubyte.gz': gzipBytes(fashion.files.trainLabels),
    't10k-images-idx3-ubyte.gz': gzipBytes(fashion.files.testImages),
    // Served already decompressed, as a proxy that decodes Content-Encoding would.
    't10k-labels-idx1-ubyte.gz': fashion.files.testLabels,
    'cifar-10-binary.tar.gz': cifar.archive,
  });
});

beforeAll(async () => {
  const probe = await startFileServer();
  closedPort = Number(new URL(probe.baseUrl).port);
  await probe.close();
});

afterAll(async () => {
  await server.close();
});

describe('downloadFile', () => {
  it('streams with progress, verifies, and writes the file', async () => {
    const dir = emptyDir();
    const progress: DownloadProgress[] = [];
    const result = await downloadFile({
      urls: [url('ok', 'payload.gz')],
      verify: checkMd5(payloadMd5),
      sink: nodeFileSink(join(dir, 'payload.gz')),
      onProgress: (p) => progress.push(p),
    });
    expect(result).toEqual({ file: 'payload.gz', url: url('ok', 'payload.gz'), bytes: payload.length });
    expect(readdirSync(dir)).toEqual(['payload.gz']);
    expect(new Uint8Array(readFileSync(join(dir, 'payload.gz')))).toEqual(payload);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((p) => p.file === 'payload.gz' && p.totalBytes === payload.length)).toBe(true);
    expect(progress.at(-1)!.loadedBytes).toBe(payload.length);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]!.loadedBytes).toBeGreaterThanOrEqual(progress[i - 1]!.loadedBytes);
    }
  });

  it('reports an unknown total without Content-Length', async () => {
    const dir = emptyDir();
    const progress: DownloadProgress[] = [];
    await downloadFile({
      urls: [url('chunked', 'payload.gz')],
      verify: checkMd5(payloadMd5),
      sink: nodeFileSink(join(dir, 'payload.gz')),
      onProgress: (p) => progress.push(p),
    });
    expect(progress.every((p) => p.totalBytes === undefined)).toBe(true);
    expect(progress.at(-1)!.loadedBytes).toBe(payload.length);
    expect(readdirSync(dir)).toEqual(['payload.gz']);
  });

  it('falls through to the next mirror', async () => {
    const dir = emptyDir();
    const result = await downloadFile({
      urls: [url('missing', 'payload.gz'), url('ok', 'payload.gz')],
      verify: checkMd5(payloadMd5),
      sink: nodeFileSink(join(dir, 'payload.gz')),
    });
    expect(result.url).toBe(url('ok', 'payload.gz'));
    expect(readdirSync(dir)).toEqual(['payload.gz']);
  });

  const failures: [string, string, string, (d: string) => Parameters<typeof downloadFile>[0]][] = [
    ['an HTTP 404', 'http-status', 'HTTP 404', (dir) => ({
      urls: [url('missing', 'payload.gz')],
      verify: checkMd5(payloadMd5),
      sink: nodeFileSink(join(dir, 'payload.gz')),
    })],
    ['a body shorter than its Content-Length', 'truncated', 'bytes from', (dir) => ({
      urls: [url('truncated', 'payload.gz')],
      verify: checkMd5(payloadMd5),
      sink: nodeFileSink(join(dir, 'payload.gz')),
    })],
    ['a wrong checksum', 'checksum-mismatch', 'in the file from', (dir) => ({
      urls: [url('ok', 'payload.gz')],
      verify: checkMd5('0'.repeat(32)),
      sink: nodeFileSink(join(dir, 'payload.gz')),
    })],
    ['a refused connection', 'network', 'network error', (dir) => ({
      urls: [`http://127.0.0.1:${closedPort}/payload.gz`],
      verify: checkMd5(payloadMd5),
      sink: nodeFileSink(join(dir, 'payload.gz')),
    })],
  ];

  for (const [what, code, found, options] of failures) {
    it(`fails on ${what}, leaving no file`, async () => {
      const dir = emptyDir();
      const error = await expectLabError(() => downloadFile(options(dir)), DownloadError, code);
      expect(error.found).toContain(found);
      expect(error.where).toBe('payload.gz');
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it('names every mirror that failed', async () => {
    const dir = emptyDir();
    const error = await expectLabError(
      () =>
        downloadFile({
          urls: [url('missing', 'payload.gz'), url('truncated', 'payload.gz')],
          verify: checkMd5(payloadMd5),
          sink: nodeFileSink(join(dir, 'payload.gz')),
        }),
      DownloadError,
      'truncated',
    );
    expect(error.found).toContain(`HTTP 404 Not Found from ${url('missing', 'payload.gz')}`);
    expect(error.found).toContain(url('truncated', 'payload.gz'));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stops when aborted mid-body, leaving no file', async () => {
    const dir = emptyDir();
    const controller = new AbortController();
    const okRequests = () => server.requests.filter((r) => r === '/ok/payload.gz').length;
    const okBefore = okRequests();
    const error = await expectLabError(
      () =>
        downloadFile({
          urls: [url('slow', 'payload.gz'), url('ok', 'payload.gz')],
          verify: checkMd5(payloadMd5),
          sink: nodeFileSink(join(dir, 'payload.gz')),
          signal: controller.signal,
          onProgress: (p) => {
            if (p.loadedBytes > 0) controller.abort();
          },
        }),
      DownloadError,
      'aborted',
    );
    expect(error.where).toBe('payload.gz');
    expect(readdirSync(dir)).toEqual([]);
    // The second mirror is not tried after a cancel.
    expect(okRequests()).toBe(okBefore);
  });

  it('aborts the sink when writing fails', async () => {
    const calls: string[] = [];
    const failing: DownloadSink = {
      write: async () => {
        calls.push('write');
        throw new Error('disk full');
      },
      commit: async () => void calls.push('commit'),
      abort: async () => void calls.push('abort'),
    };
    const error = await expectLabError(
      () => downloadFile({ urls: [url('ok', 'payload.gz')], verify: () => undefined, sink: failing }),
      DownloadError,
      'write-failed',
    );
    expect(error.found).toContain('disk full');
    expect(calls).toEqual(['write', 'abort']);
  });

  it('never writes unverified bytes to the sink', async () => {
    const calls: string[] = [];
    const sink: DownloadSink = {
      write: async () => void calls.push('write'),
      commit: async () => void calls.push('commit'),
      abort: async () => void calls.push('abort'),
    };
    await expectLabError(
      () => downloadFile({ urls: [url('ok', 'payload.gz')], verify: checkMd5('f'.repeat(32)), sink }),
      DownloadError,
      'checksum-mismatch',
    );
    expect(calls).toEqual(['abort']);
  });
});

describe('downloadFashionMnist', () => {
  it('downloads, verifies decompressed SHA-256, and the files load', async () => {
    const dir = emptyDir();
    const files: string[] = [];
    const results = await downloadFashionMnist({
      mirrors: [`${server.baseUrl}/missing/`, `${server.baseUrl}/ok/`],
      facts: fashion.facts,
      sinkFor: (name) => nodeFileSink(join(dir, name)),
      onProgress: (p) => {
        if (!files.includes(p.file)) files.push(p.file);
      },
    });
    expect(results.map((r) => r.file)).toEqual([
      'train-images-idx3-ubyte.gz',
      'train-labels-idx1-ubyte.gz',
      't10k-images-idx3-ubyte.gz',
      't10k-labels-idx1-ubyte.gz',
    ]);
    expect(files).toEqual(results.map((r) => r.file));
    expect(readdirSync(dir).sort()).toEqual(results.map((r) => r.file).sort());
    const split = await readFashionMnist(nodeFolderSource(dir), { facts: fashion.facts });
    expect(split.train.count).toBe(40);
    expect(split.test.inputs).toEqual(fashion.files.testImages.subarray(16));
  });

  it('rejects a file whose decompressed SHA-256 differs, leaving no file', async () => {
    const dir = emptyDir();
    const wrong = { ...fashion.facts, files: { ...fashion.facts.files, trainImages: { sha256: 'a'.repeat(64) } } };
    const error = await expectLabError(
      () =>
        downloadFashionMnist({
          mirrors: [`${server.baseUrl}/ok/`],
          facts: wrong,
          sinkFor: (name) => nodeFileSink(join(dir, name)),
        }),
      DownloadError,
      'checksum-mismatch',
    );
    expect(error.where).toBe('train-images-idx3-ubyte.gz');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rejects a body that is neither gzip nor IDX', async () => {
    const dir = emptyDir();
    server.files.set('html/train-images-idx3-ubyte.gz', server.files.get('not-gzip.gz')!);
    const error = await expectLabError(
      () =>
        downloadFashionMnist({
          mirrors: [`${server.baseUrl}/ok/html/`],
          facts: fashion.facts,
          sinkFor: (name) => nodeFileSink(join(dir, name)),
        }),
      DownloadError,
      'not-gzip',
    );
    expect(error.found).toContain('3c 68 74 6d');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('downloadCifar10', () => {
  it('downloads the archive, checks its MD5, and it loads', async () => {
    const dir = emptyDir();
    await downloadCifar10({
      urls: [url('ok', 'cifar-10-binary.tar.gz')],
      facts: cifar.facts,
      sinkFor: (name) => nodeFileSink(join(dir, name)),
    });
    expect(readdirSync(dir)).toEqual(['cifar-10-binary.tar.gz']);
    const split = await loadDataset('cifar-10', nodeFolderSource(dir), { cifar10Facts: cifar.facts });
    expect(split.train.count).toBe(20);
  });

  it('fails on the official MD5 for other bytes, leaving no file', async () => {
    const dir = emptyDir();
    const error = await expectLabError(
      () =>
        downloadCifar10({
          urls: [url('ok', 'cifar-10-binary.tar.gz')],
          sinkFor: (name) => nodeFileSink(join(dir, name)),
        }),
      DownloadError,
      'checksum-mismatch',
    );
    expect(error.expected).toContain('c32a1d4ab5d03f1284b67883e8d87530');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails on a body that is not gzip, leaving no file', async () => {
    const dir = emptyDir();
    await expectLabError(
      () =>
        downloadCifar10({
          urls: [url('ok', 'not-gzip.gz')],
          facts: cifar.facts,
          sinkFor: (name) => nodeFileSink(join(dir, name)),
        }),
      DownloadError,
      'not-gzip',
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});
