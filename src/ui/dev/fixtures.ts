/** Small builders of client-state values, for unit tests and the fake store. */
import type { RunView } from '../../client/types';
import type { EpochRecord, RunResult } from '../../engine/training/types';

export { progressAt } from '../../engine/training/progress-tracker';

export function epochRecord(runId: string, epoch: number, values: Partial<EpochRecord> = {}): EpochRecord {
  return {
    runId,
    epoch,
    steps: epoch * 10,
    loss: 1 / epoch,
    accuracy: 1 - 0.5 / epoch,
    valLoss: 1.1 / epoch,
    valAccuracy: 1 - 0.6 / epoch,
    trainSeconds: 1,
    elapsedSeconds: epoch * 2,
    ...values,
  };
}

export function runView(id: string, options: { epochs?: number; steps?: number; result?: Partial<RunResult>; label?: string } = {}): RunView {
  const epochs = Array.from({ length: options.epochs ?? 0 }, (_, i) => epochRecord(id, i + 1));
  const steps = Array.from({ length: options.steps ?? 0 }, (_, i) => i + 1);
  const label = options.label ?? id;
  return {
    id,
    label,
    steps,
    losses: steps.map((s) => 2 / Math.sqrt(s)),
    epochs,
    ...(options.result
      ? {
          result: {
            runId: id,
            label,
            status: 'completed',
            epochsCompleted: epochs.length,
            trainSeconds: epochs.length,
            ...options.result,
          },
        }
      : {}),
  };
}
