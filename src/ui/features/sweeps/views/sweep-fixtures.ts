/** Test data for the sweep views: a 2 × 3 grid (optimizer × learning rate) and outcomes built like the store builds them. */
import { parseSweep, type SweepConfigInput } from '../../../../engine/sweeps/sweep-config';
import { trialOutcome, type TrialOutcome } from '../../../../engine/sweeps/outcome';
import type { RunResult } from '../../../../engine/training/types';

export const GRID: SweepConfigInput = {
  name: 'grid',
  base: {
    name: 'base',
    dataset: { name: 'spiral', count: 100 },
    architecture: 'dense',
    training: { epochs: 3, batchSize: 10, stopRule: { target: { metric: 'accuracy', value: 0.9 }, maxSeconds: 60 } },
    runs: [{ optimizer: { name: 'sgd' } }],
  },
  grid: [
    { param: 'optimizer', values: { kind: 'list', values: ['sgd', 'adam'] } },
    { param: 'learning_rate', values: { kind: 'log', from: 1e-4, to: 1, count: 3 } },
  ],
};

export const gridPlan = () => parseSweep(GRID);

/** An outcome whose run ended like `result` says, with `losses` per epoch. */
export function outcome(result: Partial<RunResult> & Pick<RunResult, 'status'>, losses: readonly number[] = [1, 0.5]): TrialOutcome {
  return trialOutcome({
    result: { runId: 'x', label: 'x', epochsCompleted: losses.length, trainSeconds: 2, ...result },
    epochs: losses.map((loss, i) => ({ runId: 'x', epoch: i + 1, steps: (i + 1) * 9, loss, accuracy: 1 - loss, trainSeconds: 1, elapsedSeconds: i + 1 })),
    batchSize: 10,
  });
}

export const reached = (seconds: number) => outcome({ status: 'stopped-early', stoppedBy: 'target', target: { outcome: 'reached', seconds, step: 9, epoch: 1, value: 0.95 } });
export const notReached = (best: number) => outcome({ status: 'completed', target: { outcome: 'not-reached', best } });
export const diverged = () => outcome({ status: 'diverged', divergedAtStep: 4, target: { outcome: 'diverged', step: 4 } }, [Number.NaN]);
