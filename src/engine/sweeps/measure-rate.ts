import type { TrainTestSplit } from '../data/types';
import { parseExperiment, type ExperimentConfigInput } from '../experiment/config';
import { runExperiment } from '../experiment/run-experiment';
import type { EpochRecord } from '../training/types';

export interface MeasuredRate {
  readonly secondsPerStep: number;
  readonly batchSize: number;
  /** One evaluation (of the validation set, after an epoch) and how many samples it read. */
  readonly evalSeconds: number;
  readonly evalSamples: number;
  /** What the run took beyond its steady steps and evaluations: building, compiling, the slow first epoch. */
  readonly groupSeconds: number;
}

/**
 * Trains a calibration config (calibration.ts) and returns the cost per step of its last
 * epoch (the run's own seconds over its steps, after the first epoch warmed up), of its
 * last evaluation (the epoch's wall time beyond its steps), and of everything else.
 */
export async function measureStepRate(config: ExperimentConfigInput, split: TrainTestSplit, signal?: AbortSignal, clock: () => number = () => performance.now()): Promise<MeasuredRate> {
  const plan = parseExperiment(config);
  const records: EpochRecord[] = [];
  const started = clock();
  await runExperiment({ plan, split, signal, callbacks: { onEpoch: (record) => void records.push(record) } });
  const total = (clock() - started) / 1000;
  const last = records.at(-1);
  if (!last) throw new Error('the calibration run finished no epoch');
  const previous = records.at(-2);
  const steps = last.steps - (previous?.steps ?? 0);
  const run = plan.spec.runs[0]!;
  const batchSize = run.batchSize ?? plan.spec.batchSize;
  const secondsPerStep = last.trainSeconds / Math.max(1, steps);
  const evalSeconds = Math.max(0, last.elapsedSeconds - (previous?.elapsedSeconds ?? 0) - last.trainSeconds);
  const evalSamples = Math.min(plan.dataset.testSubset ?? split.test.count, split.test.count);
  // Steady: every epoch at the last one's pace, each with its evaluation, and the test.
  const steady = records.length * (last.trainSeconds + evalSeconds) + evalSeconds;
  return {
    secondsPerStep,
    batchSize: batchSize === 'full' ? split.train.count : batchSize,
    evalSeconds,
    evalSamples,
    groupSeconds: Math.max(0, total - steady),
  };
}
