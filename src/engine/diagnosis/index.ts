/**
 * The diagnosis of a run, while it trains: detectors by name, each a pure function of the
 * run's records and probe samples that says what it sees, why it likely happens and what
 * to try, or stays silent. Every detector that advises on the learning rate reads one
 * verdict per run (learning-rate.ts), so a run is never told both to raise and to lower
 * it. Plain data and no tfjs: the UI runs it on the main thread.
 */
import { chanceAccuracy, diverged, overfitting, plateau } from './loss-detectors';
import { deadRelu, gradientNorms, inputsNotScaled } from './probe-detectors';
import type { Detector, Notice, RunRecords } from './types';

/** Name → detector, in the order their notices are shown: causes before symptoms. */
export const detectors = {
  'inputs-not-scaled': inputsNotScaled,
  diverged,
  'chance-accuracy': chanceAccuracy,
  plateau,
  'dead-relu': deadRelu,
  'gradient-norms': gradientNorms,
  overfitting,
} as const satisfies Readonly<Record<string, Detector>>;

export type DetectorName = keyof typeof detectors;

export const detectorNames = Object.keys(detectors) as DetectorName[];

/** Every notice the detectors give for this run, in the detectors' order. */
export function diagnoseRun(run: RunRecords): Notice[] {
  return detectorNames.flatMap((name) => {
    const notice = detectors[name](run);
    return notice ? [notice] : [];
  });
}

export { runRecordsFor, type RunHistory } from './run-records';
export { configWithFixes, patchRun, type RunFix } from './patch';
export type { Detector, Notice, RunPatch, RunRecords, Severity, TryThis } from './types';
