/**
 * What the UI needs to know about the engine, as data: optimizer specs (Keras defaults,
 * fields, update rules), architectures, dataset names, and the validators. Loaded as a
 * separate chunk (`loadCatalog()`), so zod stays out of the first paint; the modules
 * behind it import no tfjs.
 */
import type { datasetNames, experimentSchema, parseExperiment } from '../../engine/experiment/config';
import type { activationNames, architectureInfo, architectureNames, initializerNames } from '../../engine/models/catalog';
import type { KERAS_OPTIMIZER_NAMES, optimizerSpecs, resolveOptimizerConfig } from '../../engine/optimizers/catalog';
import type { parseSweep } from '../../engine/sweeps/sweep-config';

export interface Catalog {
  readonly optimizerNames: typeof KERAS_OPTIMIZER_NAMES;
  readonly optimizerSpecs: typeof optimizerSpecs;
  readonly architectureNames: typeof architectureNames;
  readonly architectureInfo: typeof architectureInfo;
  readonly datasetNames: typeof datasetNames;
  readonly activationNames: typeof activationNames;
  readonly initializerNames: typeof initializerNames;
  /** Every issue at once (zod), where parseExperiment stops at the first. */
  readonly experimentSchema: typeof experimentSchema;
  readonly resolveOptimizerConfig: typeof resolveOptimizerConfig;
  /** The engine's own verdict: throws a ConfigError with `where`, `expected`, `found`. */
  readonly parseExperiment: typeof parseExperiment;
  /** A sweep checked and expanded into trials, or a ConfigError with `where`. */
  readonly parseSweep: typeof parseSweep;
}

export function loadCatalog(): Promise<Catalog> {
  return import('./catalog-data').then((module) => module.catalog);
}
