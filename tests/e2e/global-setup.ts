/**
 * Builds the lab, serves it with `vite preview`, and serves the real Fashion-MNIST files
 * (from Debian's package) as the upstream of the lab's same-origin dataset route, so the
 * browser tests run the real download-and-verify path with no internet.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build, preview, type PreviewServer } from 'vite';
import { defaultFashionMnistDir } from '../../src/cli/node-file-source';
import { DATASET_UPSTREAM_ENV } from '../../src/cli/dataset-files';
import { CHROMIUM_PATH } from './browser';
import { serveFolder } from './static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    labUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM_PATH}: install it with \`apt-get install chromium\` (.ci/run does).`);
  }
  const dataDir = defaultFashionMnistDir();
  if (!existsSync(dataDir)) {
    throw new Error(`The browser tests need Fashion-MNIST at ${dataDir}: install it with \`apt-get install dataset-fashion-mnist\`.`);
  }
  const upstream = await serveFolder(dataDir);
  process.env[DATASET_UPSTREAM_ENV] = upstream.url;
  // A fresh on-disk cache for the dataset route, so every run exercises the download.
  const routeCache = mkdtempSync(join(tmpdir(), 'lab-route-cache-'));
  process.env.OPTIMIZER_LAB_DATASET_CACHE_DIR = routeCache;

  const outDir = mkdtempSync(join(tmpdir(), 'lab-dist-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not report a port');
  project.provide('labUrl', `http://127.0.0.1:${address.port}/`);

  return async () => {
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    await upstream.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(routeCache, { recursive: true, force: true });
  };
}
