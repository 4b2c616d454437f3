/**
 * The UI's main thread must not load tfjs (DESIGN.md: "UI (React, main thread) ... no
 * tfjs at runtime"), yet it needs the experiment schema, the presets, the optimizer and
 * model catalogues, the metrics, and the race's surfaces and state view. These modules,
 * and everything they import, must stay free of `@tensorflow/*`. Each is bundled here the
 * way a browser bundler would (esbuild, with tfjs marked external so that any import of
 * it shows up in the metafile), and the bundle's inputs and imports are checked.
 */
import { build, type Metafile } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as experimentConfig from '../../src/engine/experiment/config';
import { activations } from '../../src/engine/models/activations';
import { architectures } from '../../src/engine/models/architectures';
import * as modelCatalog from '../../src/engine/models/catalog';
import { initializers } from '../../src/engine/models/initializers';
import * as optimizerCatalog from '../../src/engine/optimizers/catalog';
import * as registry from '../../src/engine/optimizers/registry';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const TFJS_FREE_ENTRIES = [
  'src/engine/experiment/config.ts',
  'src/engine/experiment/presets.ts',
  'src/engine/optimizers/catalog.ts',
  'src/engine/models/catalog.ts',
  'src/engine/metrics/index.ts',
  'src/engine/surfaces/index.ts',
  'src/engine/race/state-view.ts',
  'src/engine/diagnosis/index.ts',
  'src/engine/training/probe-types.ts',
  'src/engine/sweeps/index.ts',
  'src/engine/training/stop-rule.ts',
] as const;

async function bundle(entry: string): Promise<Metafile> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    platform: 'neutral',
    format: 'esm',
    mainFields: ['module', 'main'],
    external: ['@tensorflow/*'],
  });
  expect(result.errors).toEqual([]);
  return result.metafile;
}

/** Every bundled file and every import (external ones included) that mentions tfjs. */
function tfjsReferences(metafile: Metafile): string[] {
  const found: string[] = [];
  for (const [input, { imports }] of Object.entries(metafile.inputs)) {
    if (input.includes('@tensorflow')) found.push(input);
    for (const imported of imports) {
      if (imported.path.includes('@tensorflow')) found.push(`${input} imports ${imported.path}`);
    }
  }
  return found;
}

describe('modules the UI main thread may load', () => {
  it.each(TFJS_FREE_ENTRIES)('%s bundles without anything from @tensorflow', async (entry) => {
    const metafile = await bundle(entry);
    expect(Object.keys(metafile.inputs)).toContain(entry);
    expect(tfjsReferences(metafile)).toEqual([]);
  });

  it('the check sees tfjs where a module does import it', async () => {
    const metafile = await bundle('src/engine/optimizers/registry.ts');
    expect(tfjsReferences(metafile).length).toBeGreaterThan(0);
  });
});

describe('the tfjs-free catalogues', () => {
  it('list the same names, in the same order, as the implementations', () => {
    expect(modelCatalog.activationNames).toEqual(Object.keys(activations));
    expect(modelCatalog.initializerNames).toEqual(Object.keys(initializers));
    expect(modelCatalog.architectureNames).toEqual(Object.keys(architectures));
    expect(Object.keys(modelCatalog.architectureInfo)).toEqual(Object.keys(architectures));
    expect(Object.keys(optimizerCatalog.optimizerSpecs)).toEqual(Object.keys(registry.optimizers));
  });

  it('are the very objects the tfjs modules re-export', () => {
    expect(registry.optimizerSpecs).toBe(optimizerCatalog.optimizerSpecs);
    expect(registry.resolveOptimizerConfig).toBe(optimizerCatalog.resolveOptimizerConfig);
    expect(registry.isKerasOptimizerName).toBe(optimizerCatalog.isKerasOptimizerName);
  });

  it('validate names without the implementations', () => {
    expect(modelCatalog.isArchitectureName('mcnn')).toBe(true);
    expect(modelCatalog.isArchitectureName('toString')).toBe(false);
    expect(modelCatalog.isActivationName('selu')).toBe(true);
    expect(modelCatalog.isActivationName('gelu')).toBe(false);
    expect(modelCatalog.isInitializerName('he_normal')).toBe(true);
    expect(modelCatalog.isInitializerName('constructor')).toBe(false);
    expect(optimizerCatalog.isKerasOptimizerName('lion')).toBe(true);
    expect(experimentConfig.datasetNames).toContain('fashion-mnist');
  });
});
