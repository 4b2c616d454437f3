/** Comparisons: lock-step runs from identical weights, evaluation, early stopping. */
export { runComparison } from './comparison';
export type { ComparisonData, ComparisonOptions, ComparisonResult, ModelRequest } from './comparison';
export { ComparisonController } from './controller';
export { evaluateModel } from './evaluate';
export type { Evaluation, EvaluationOptions } from './evaluate';
export { updateMonitor, initialMonitorState } from './early-stopping';
export type { MonitorState } from './early-stopping';
export { selectBackend } from './backend';
export { LOSS_PARTS, lossParts } from './loss-parts';
export type { LossPart } from './loss-parts';
export type { BackendInfo } from './backend';
export type * from './types';
export { DEFAULT_PROBE_EVERY, RunProbe, inputStatsOf, layerOf } from './probes';
export type { ProbeOptions } from './probes';
export * from './probe-types';
