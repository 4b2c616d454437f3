/**
 * A calibration through the training connection: the worker trains the sweep's first
 * trial briefly (engine/sweeps/calibration.ts) and answers with its cost per step, per
 * evaluation and per group on the backend it uses. Answers are matched by request id;
 * the lab store ignores them.
 */
import { calibrationConfig } from '../../engine/sweeps/calibration';
import { trainingSetSize, type StepRate } from '../../engine/sweeps/estimate';
import type { SweepPlan } from '../../engine/sweeps/sweep-config';
import { PROTOCOL_VERSION } from '../../protocol/messages';
import type { TrainingConnection } from '../worker-client';

export type CalibrationAnswer = { readonly rate: StepRate; readonly backend: string } | { readonly error: string };

let requests = 0;

export function startCalibration(connection: TrainingConnection, plan: SweepPlan, fullTrainCount?: number): Promise<CalibrationAnswer> {
  const requestId = `calibrate-${++requests}`;
  const config = calibrationConfig(plan, trainingSetSize(plan.basePlan, fullTrainCount));
  return new Promise((resolve) => {
    const unsubscribe = connection.subscribe((message) => {
      if (message.type === 'calibration' && message.requestId === requestId) {
        unsubscribe();
        const { secondsPerStep, batchSize, evalSeconds, evalSamples, groupSeconds, backend } = message;
        const measured = { evalSeconds, evalSamples, groupSeconds };
        const extra = Object.fromEntries(Object.entries(measured).filter(([, value]) => value !== undefined));
        resolve({ rate: { secondsPerStep, batchSize, ...extra, source: `a calibration on ${backend}` }, backend });
      } else if (message.type === 'error' && message.requestId === requestId) {
        unsubscribe();
        resolve({ error: message.error.message });
      }
    });
    connection.post({ v: PROTOCOL_VERSION, type: 'calibrate', requestId, config });
  });
}
