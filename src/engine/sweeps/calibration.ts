/**
 * A quick calibration for the time estimate, when no measured rate is known: the
 * sweep's first trial alone, two short epochs on a small subset (losses read back as
 * often as the sweep reads them), each followed by an evaluation of one evaluation batch
 * of the test set (as validation), then the test. The cost per step is the second
 * epoch's (the first compiles kernels and makes the optimizer's slots); what the run took
 * beyond its steady steps and evaluations is a group's setup. Plain data: the run itself
 * is `measureStepRate` (tfjs).
 */
import type { ExperimentConfigInput } from '../experiment/config';
import type { SweepPlan } from './sweep-config';

/** Steps per calibration epoch: enough to average over, a second or two on a GPU. */
export const CALIBRATION_STEPS = 20;
/** Epochs of the calibration run: the first warms up, the second is measured. */
export const CALIBRATION_EPOCHS = 2;

export function calibrationConfig(plan: SweepPlan, trainCount: number): ExperimentConfigInput {
  const { base } = plan;
  const trial = plan.trials[0]!;
  const requested = trial.run.batchSize ?? base.training.batchSize;
  const batchSize = requested === 'full' ? trainCount : Math.min(requested, trainCount);
  const steps = Math.max(1, Math.min(CALIBRATION_STEPS, Math.floor(trainCount / batchSize)));
  const { validation: _validation, ...dataset } = base.dataset;
  const { stopRule: _stopRule, earlyStopping: _earlyStopping, ...training } = base.training;
  const { stopRule: _runRule, earlyStopping: _runStopping, ...run } = trial.run;
  return {
    ...base,
    name: `calibration of ${plan.name}`,
    dataset: { ...dataset, subset: steps * batchSize, validation: 'test', testSubset: plan.basePlan.spec.evalBatchSize },
    // The sweep's own read-back cadence: each read-back waits on the backend, part of a step's cost.
    training: { ...training, epochs: CALIBRATION_EPOCHS, lossReadEvery: Math.min(plan.basePlan.spec.lossReadEvery, steps) },
    runs: [{ ...run, id: 'calibration', label: 'calibration' }],
  };
}
