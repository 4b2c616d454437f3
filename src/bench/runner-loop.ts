/**
 * The lab's comparison runner alone, probes on or off, for `npm run bench:browser`'s probe
 * overhead: the same one-run config the lab is given, stepped by runExperiment in the
 * bench worker (the place and backend the lab trains on), measured between the end of the
 * first epoch (the warm-up) and the end of the last, as the lab's own records are.
 */
import type { TrainTestSplit } from '../engine/data/types';
import { parseExperiment, type ExperimentConfigInput } from '../engine/experiment/config';
import { runExperiment } from '../engine/experiment/run-experiment';
import { DEFAULT_PROBE_EVERY } from '../engine/training/probes';
import type { EpochRecord } from '../engine/training/types';

export interface RunnerLoopRequest {
  readonly config: ExperimentConfigInput;
  readonly probes: boolean;
}

export interface RunnerLoopResult {
  readonly timedSteps: number;
  readonly samplesPerSecond: number;
}

export async function runRunnerLoop(request: RunnerLoopRequest, split: TrainTestSplit): Promise<RunnerLoopResult> {
  const plan = parseExperiment(request.config);
  const epochs: EpochRecord[] = [];
  await runExperiment({
    plan,
    split,
    ...(request.probes ? { probes: { every: DEFAULT_PROBE_EVERY } } : {}),
    callbacks: { onEpoch: (record) => void epochs.push(record) },
  });
  if (epochs.length < 2) throw new Error(`the runner benchmark needs at least 2 epochs, it ran ${epochs.length}`);
  const batchSize = plan.spec.batchSize;
  if (batchSize === 'full') throw new Error('the runner benchmark takes a fixed batch size');
  const timedSteps = epochs.at(-1)!.steps - epochs[0]!.steps;
  return { timedSteps, samplesPerSecond: (timedSteps * batchSize) / (epochs.at(-1)!.elapsedSeconds - epochs[0]!.elapsedSeconds) };
}
