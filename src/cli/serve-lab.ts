/**
 * The built lab on 127.0.0.1, for the browser tests and `npm run bench:browser`: builds
 * the app with vite into a temp folder, serves it with `vite preview`, and serves a folder
 * of official dataset files (Debian's Fashion-MNIST by default) as the upstream of the
 * lab's same-origin route /dataset-proxy/, so the browser runs the real
 * download-and-verify path with no internet.
 *
 * The dataset route is configured by vite.config.ts from the environment (its cache
 * folder when the config is loaded, its upstream on every request), so this sets both
 * variables for the life of the server and restores them on close.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { build, preview } from 'vite';
import { DATASET_UPSTREAM_ENV } from './dataset-files';
import { defaultFashionMnistDir } from './node-file-source';

const CACHE_DIR_ENV = 'OPTIMIZER_LAB_DATASET_CACHE_DIR';

export interface ServedFolder {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the files of one folder (flat) on 127.0.0.1, as a stand-in for a dataset's host. */
export async function serveFolder(dir: string): Promise<ServedFolder> {
  const server = createServer((request, response) => {
    const file = join(dir, basename(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (!existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-length': statSync(file).size, 'content-type': 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export interface ServeLabOptions {
  /** The folder with the four official Fashion-MNIST .gz files; default Debian's. */
  readonly fashionMnistDir?: string;
  /** Extra HTML entries to build next to index.html, by name → path from the project root (the bench page). */
  readonly extraPages?: Readonly<Record<string, string>>;
}

export interface ServedLab {
  /** The lab's root URL, ending in '/'. */
  readonly url: string;
  close(): Promise<void>;
}

/** Builds the lab and serves it with `vite preview` (and the dataset upstream). */
export async function serveLab(options: ServeLabOptions = {}): Promise<ServedLab> {
  const dataDir = options.fashionMnistDir ?? defaultFashionMnistDir();
  if (!existsSync(dataDir)) {
    throw new Error(`The lab needs Fashion-MNIST at ${dataDir}: install it with \`apt-get install dataset-fashion-mnist\`.`);
  }
  const saved = { upstream: process.env[DATASET_UPSTREAM_ENV], cacheDir: process.env[CACHE_DIR_ENV] };
  const cleanups: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    const upstream = await serveFolder(dataDir);
    cleanups.push(() => upstream.close());
    process.env[DATASET_UPSTREAM_ENV] = upstream.url;
    // A fresh on-disk cache for the dataset route, so every run exercises the download.
    const routeCache = mkdtempSync(join(tmpdir(), 'lab-route-cache-'));
    cleanups.push(() => rmSync(routeCache, { recursive: true, force: true }));
    process.env[CACHE_DIR_ENV] = routeCache;
    cleanups.push(() => {
      restoreEnv(DATASET_UPSTREAM_ENV, saved.upstream);
      restoreEnv(CACHE_DIR_ENV, saved.cacheDir);
    });

    const outDir = mkdtempSync(join(tmpdir(), 'lab-dist-'));
    cleanups.push(() => rmSync(outDir, { recursive: true, force: true }));
    const input = options.extraPages
      ? { index: resolve('index.html'), ...Object.fromEntries(Object.entries(options.extraPages).map(([name, path]) => [name, resolve(path)])) }
      : undefined;
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, ...(input ? { rollupOptions: { input } } : {}) } });
    const server = await preview({
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: false },
    });
    cleanups.push(() => new Promise<void>((done) => server.httpServer.close(() => done())));
    const address = server.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('vite preview did not report a port');
    return { url: `http://127.0.0.1:${address.port}/`, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
