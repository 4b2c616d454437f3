/**
 * Sweeps: grids of one or two settings and random searches, expanded into trials that
 * train in lock-step groups of bounded size, ranked by time to target or a final metric.
 * Everything here but `run-sweep.ts` is plain data and free of tfjs.
 */
export { DEFAULT_GROUP_SIZE, MAX_GROUP_SIZE, MAX_TRIALS, groupConfigs, parseSweep, sweepSchema } from './sweep-config';
export type { GridAxisInput, RandomSearchInput, SweepAxis, SweepConfigInput, SweepPlan, TrialGroup } from './sweep-config';
export { expandValues, formatNumber, rangeValues, roundValue, valueKey, valueText, MAX_VALUES } from './values';
export type { OptimizerChoice, SweepValue, ValueSpec } from './values';
export { HYPERPARAMETER_NAMES, OPTIMIZER_ALIASES, SETTING_NAMES, applySettings, sweptSetting, valueLabel } from './settings';
export type { SweptSetting } from './settings';
export { drawTrials, sample } from './random-search';
export type { SearchDimension } from './random-search';
export { expandTrials, gridCombinations, trialId } from './trials';
export type { Trial, TrialValue } from './trials';
export { trialOutcome } from './outcome';
export type { FinalMetrics, TrialCurves, TrialOutcome } from './outcome';
export { OBJECTIVES, OBJECTIVE_INFO, judge, rankTrials } from './objective';
export type { Judged, Objective, RankedTrial, Verdict } from './objective';
export { OFFICIAL_TRAIN_COUNTS, estimateSweep, rateKey, rateFromOutcomes, stepCost, trainingSetSize } from './estimate';
export { CALIBRATION_STEPS, calibrationConfig } from './calibration';
export type { StepRate, SweepEstimate } from './estimate';
export { sweepPresets, sweepPresetNames } from './presets';
export type { SweepPreset } from './presets';
