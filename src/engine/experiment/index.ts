/** Experiments as JSON: validation, presets, data preparation, and running them. */
export { datasetNames, experimentSchema, parseExperiment } from './config';
export type { DatasetName, ExperimentConfigInput, ExperimentPlan, ModelOptions, ParsedExperiment } from './config';
export { presets, presetNames } from './presets';
export type { Preset } from './presets';
export { isSyntheticDataset, makeSyntheticSplit, prepareComparisonData, syntheticDefaults } from './prepare-data';
export { buildRequestedModel, runExperiment } from './run-experiment';
export type { ExperimentRunOptions } from './run-experiment';
