import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import { datasetRoutePlugin } from './src/cli/vite-dataset-route';

const { bundles: tfjsEs2017Bundles } = createRequire(import.meta.url)('./scripts/tfjs-es2017.cjs') as {
  bundles: Record<string, string>;
};

export default defineConfig({
  // /dataset-proxy/<file>: the official dataset files from the lab's own origin (dev and preview).
  plugins: [react(), datasetRoutePlugin({ cacheDir: process.env.OPTIMIZER_LAB_DATASET_CACHE_DIR })],
  worker: { format: 'es' },
  test: {
    // Two cores on the build machines: one heavy file per core, and tests that train on
    // real data get generous time limits (speed lives in the benchmarks, not in tests).
    pool: 'forks',
    // Node gets tfjs's ES2017 bundles instead of its ES5 build (3x faster cpu kernels).
    // The hooks cover require() inside tfjs; the alias covers what vitest resolves itself.
    execArgv: ['--import', './scripts/tfjs-es2017.mjs'],
    alias: Object.entries(tfjsEs2017Bundles).map(([find, replacement]) => ({
      find: new RegExp(`^${find}$`),
      replacement,
    })),
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 600_000,
        },
      },
      {
        extends: true,
        test: {
          // Real Chromium (WebGL through SwiftShader) against the built lab; one browser at a time.
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
