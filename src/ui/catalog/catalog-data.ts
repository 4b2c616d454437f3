/**
 * The engine's plain-data modules behind the catalog: names, optimizer specs, the
 * experiment schema. They import no tfjs (tests/unit/tfjs-free-modules.test.ts guards
 * that); the catalog still loads lazily so zod stays out of the first paint.
 */
import { datasetNames, experimentSchema, parseExperiment } from '../../engine/experiment/config';
import { activationNames, architectureInfo, architectureNames, initializerNames } from '../../engine/models/catalog';
import { KERAS_OPTIMIZER_NAMES, optimizerSpecs, resolveOptimizerConfig } from '../../engine/optimizers/catalog';
import { parseSweep } from '../../engine/sweeps/sweep-config';
import type { Catalog } from './catalog';

export const catalog: Catalog = {
  optimizerNames: KERAS_OPTIMIZER_NAMES,
  optimizerSpecs,
  architectureNames,
  architectureInfo,
  datasetNames,
  activationNames,
  initializerNames,
  experimentSchema,
  resolveOptimizerConfig,
  parseExperiment,
  parseSweep,
};
