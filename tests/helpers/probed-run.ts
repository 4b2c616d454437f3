import type { TrainTestSplit } from '../../src/engine/data/types';
import type { RunHistory } from '../../src/engine/diagnosis';
import { parseExperiment, type ExperimentConfigInput } from '../../src/engine/experiment/config';
import { runExperiment } from '../../src/engine/experiment/run-experiment';
import type { ProbeSample } from '../../src/engine/training/probe-types';
import { DEFAULT_PROBE_EVERY } from '../../src/engine/training/probes';
import type { BatchRecord, EpochRecord, RunResult } from '../../src/engine/training/types';

/** Runs a config with the lab's probes on and keeps every record, by run, as the diagnosis reads them. */
export async function trainWithProbes(config: ExperimentConfigInput, split: TrainTestSplit) {
  const epochs: EpochRecord[] = [];
  const batches: BatchRecord[] = [];
  const probes: ProbeSample[] = [];
  const result = await runExperiment({
    plan: parseExperiment(config),
    split,
    probes: { every: DEFAULT_PROBE_EVERY },
    callbacks: {
      onEpoch: (record) => void epochs.push(record),
      onBatches: (records) => void batches.push(...records),
      onProbes: (samples) => void probes.push(...samples),
    },
  });
  const byId = (id: string): RunResult => result.runs.find((r) => r.runId === id)!;
  const history = (id: string): RunHistory => {
    const own = batches.filter((b) => b.runId === id);
    return { steps: own.map((b) => b.step), losses: own.map((b) => b.loss), epochs: epochs.filter((e) => e.runId === id), probes: probes.filter((p) => p.runId === id), result: byId(id) };
  };
  return { result, epochs, byId, history };
}
