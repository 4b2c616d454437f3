import type { TrainTestSplit } from '../data/types';
import { parseExperiment, type ExperimentConfigInput } from '../experiment/config';
import { runExperiment } from '../experiment/run-experiment';
import type { EpochRecord } from '../training/types';

export interface MeasuredRate {
  readonly secondsPerStep: number;
  readonly batchSize: number;
}

/**
 * Trains a calibration config (calibration.ts) and returns the cost per step of its last
 * epoch: the run's own seconds over its steps, after the first epoch warmed up.
 */
export async function measureStepRate(config: ExperimentConfigInput, split: TrainTestSplit, signal?: AbortSignal): Promise<MeasuredRate> {
  const plan = parseExperiment(config);
  const records: EpochRecord[] = [];
  await runExperiment({ plan, split, signal, callbacks: { onEpoch: (record) => void records.push(record) } });
  const last = records.at(-1);
  if (!last) throw new Error('the calibration run finished no epoch');
  const before = records.at(-2)?.steps ?? 0;
  const steps = last.steps - before;
  const run = plan.spec.runs[0]!;
  const batchSize = run.batchSize ?? plan.spec.batchSize;
  return { secondsPerStep: last.trainSeconds / Math.max(1, steps), batchSize: batchSize === 'full' ? split.train.count : batchSize };
}
