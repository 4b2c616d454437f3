/**
 * Builds the lab, serves it with `vite preview`, and serves the real Fashion-MNIST files
 * (from Debian's package) as the upstream of the lab's same-origin dataset route, so the
 * browser tests run the real download-and-verify path with no internet. The server code
 * is shared with `npm run bench:browser` (src/cli/serve-lab.ts).
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { defaultFashionMnistDir } from '../../src/cli/node-file-source';
import { serveLab } from '../../src/cli/serve-lab';
import { CHROMIUM_PATH } from './browser';

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
  const lab = await serveLab({ fashionMnistDir: dataDir });
  project.provide('labUrl', lab.url);
  return () => lab.close();
}
