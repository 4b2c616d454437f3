import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createViteServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_UPSTREAM_ENV, upstreamFromEnv } from '../../../src/cli/dataset-files';
import { createDatasetRoute, datasetRoutePlugin, type DatasetRouteOptions } from '../../../src/cli/vite-dataset-route';
import { CIFAR10_ARCHIVE_NAME } from '../../../src/engine/data/cifar10';
import { makeSmallCifar } from '../../helpers/cifar-writer';
import { startFileServer, type FileServer } from '../../helpers/file-server';
import { gzipBytes } from '../../helpers/gzip';
import { makeSmallFashion } from '../../helpers/idx-writer';

const cifar = makeSmallCifar({ recordsPerBatch: 3, trainBatches: 5 });
const fashion = makeSmallFashion(12, 5, 28, 28);
const fashionGz: Record<string, Uint8Array> = {
  'train-images-idx3-ubyte.gz': gzipBytes(fashion.files.trainImages),
  'train-labels-idx1-ubyte.gz': gzipBytes(fashion.files.trainLabels),
  't10k-images-idx3-ubyte.gz': gzipBytes(fashion.files.testImages),
  't10k-labels-idx1-ubyte.gz': gzipBytes(fashion.files.testLabels),
};
const corrupt = cifar.archive.slice();
corrupt[corrupt.length - 20] = corrupt[corrupt.length - 20]! ^ 0xff;

let upstream: FileServer;
let corruptUpstream: FileServer;
beforeAll(async () => {
  upstream = await startFileServer({ [CIFAR10_ARCHIVE_NAME]: cifar.archive, ...fashionGz });
  corruptUpstream = await startFileServer({ [CIFAR10_ARCHIVE_NAME]: corrupt });
});
afterAll(async () => {
  await upstream.close();
  await corruptUpstream.close();
});

const tempDir = () => mkdtempSync(join(tmpdir(), 'lab-route-'));

/** The route on a plain node:http server, as connect would mount it. */
async function serveRoute(options: DatasetRouteOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const route = createDatasetRoute({ log: () => undefined, cifar10Facts: cifar.facts, fashionMnistFacts: fashion.facts, ...options });
  const server: Server = createServer((req, res) => route(req, res, () => res.writeHead(418).end('next')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe('the same-origin dataset route', () => {
  it('fetches the CIFAR-10 archive once, verifies and caches it, then streams it', async () => {
    const cacheDir = tempDir();
    const server = await serveRoute({ cacheDir, upstream: `${upstream.baseUrl}/ok` });
    try {
      const before = upstream.requests.length;
      const [first, second] = await Promise.all([
        fetch(`${server.url}/dataset-proxy/${CIFAR10_ARCHIVE_NAME}`),
        fetch(`${server.url}/dataset-proxy/${CIFAR10_ARCHIVE_NAME}`),
      ]);
      expect(first.status).toBe(200);
      expect(first.headers.get('content-length')).toBe(String(cifar.archive.length));
      expect(await bytesOf(first)).toEqual(cifar.archive);
      expect(await bytesOf(second)).toEqual(cifar.archive);
      expect(upstream.requests.length - before).toBe(1);
      expect(readdirSync(cacheDir)).toEqual([CIFAR10_ARCHIVE_NAME]);
      const third = await fetch(`${server.url}/dataset-proxy/${CIFAR10_ARCHIVE_NAME}`, { method: 'HEAD' });
      expect(third.headers.get('content-length')).toBe(String(cifar.archive.length));
      expect(upstream.requests.length - before).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('answers a corrupt upstream file with a clear 502 and caches nothing', async () => {
    const cacheDir = tempDir();
    const server = await serveRoute({ cacheDir, upstream: `${corruptUpstream.baseUrl}/ok` });
    try {
      const response = await fetch(`${server.url}/dataset-proxy/${CIFAR10_ARCHIVE_NAME}`);
      expect(response.status).toBe(502);
      expect(await response.text()).toMatch(/Could not fetch cifar-10-binary\.tar\.gz.*expected MD5 [0-9a-f]{32}, found MD5/);
      expect(readdirSync(cacheDir)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('serves the Fashion-MNIST files, fetching all four together', async () => {
    const cacheDir = tempDir();
    const server = await serveRoute({ cacheDir, upstream: `${upstream.baseUrl}/ok/` });
    try {
      const response = await fetch(`${server.url}/dataset-proxy/t10k-labels-idx1-ubyte.gz`);
      expect(await bytesOf(response)).toEqual(fashionGz['t10k-labels-idx1-ubyte.gz']);
      expect(readdirSync(cacheDir).sort()).toEqual(Object.keys(fashionGz).sort());
    } finally {
      await server.close();
    }
  });

  it('refuses other names and leaves other paths to the next handler', async () => {
    const server = await serveRoute({ cacheDir: tempDir(), upstream: `${upstream.baseUrl}/ok` });
    try {
      const unknown = await fetch(`${server.url}/dataset-proxy/..%2Fpackage.json`);
      expect(unknown.status).toBe(404);
      expect(await unknown.text()).toMatch(/serves only the official dataset files/);
      expect((await fetch(`${server.url}/index.html`)).status).toBe(418);
    } finally {
      await server.close();
    }
  });

  it('takes its upstream from the environment', async () => {
    expect(upstreamFromEnv({ [DATASET_UPSTREAM_ENV]: ' http://127.0.0.1:9/files ' })).toBe('http://127.0.0.1:9/files');
    expect(upstreamFromEnv({})).toBeUndefined();
    const cacheDir = tempDir();
    process.env[DATASET_UPSTREAM_ENV] = `${upstream.baseUrl}/ok`;
    const server = await serveRoute({ cacheDir });
    try {
      expect((await fetch(`${server.url}/dataset-proxy/${CIFAR10_ARCHIVE_NAME}`)).status).toBe(200);
    } finally {
      delete process.env[DATASET_UPSTREAM_ENV];
      await server.close();
    }
  });
});

describe('datasetRoutePlugin', () => {
  const pluginOptions = () => ({ cacheDir: tempDir(), upstream: `${upstream.baseUrl}/ok`, cifar10Facts: cifar.facts });

  it('serves the route in vite dev', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>lab</title>');
    const server = await createViteServer({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [datasetRoutePlugin(pluginOptions())],
      server: { port: 0, host: '127.0.0.1', ws: false },
    });
    await server.listen();
    try {
      const { port } = server.httpServer!.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/dataset-proxy/${CIFAR10_ARCHIVE_NAME}`);
      expect(await bytesOf(response)).toEqual(cifar.archive);
    } finally {
      await server.close();
    }
  });

  it('serves the route in vite preview', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html><title>lab</title>');
    const server = await preview({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [datasetRoutePlugin(pluginOptions())],
      preview: { port: 0, host: '127.0.0.1' },
    });
    try {
      const { port } = server.httpServer.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/dataset-proxy/${CIFAR10_ARCHIVE_NAME}`);
      expect(response.status).toBe(200);
      expect((await bytesOf(response)).length).toBe(cifar.archive.length);
    } finally {
      await server.close();
    }
  });
});
