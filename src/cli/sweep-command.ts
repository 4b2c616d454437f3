/**
 * `npm run experiment -- <sweep preset | sweep.json>`: a sweep in Node, its groups one
 * after another, a line per trial as it ends, the trials ranked at the end, and every
 * outcome written as JSON. Sweep files are recognised by their `base` and `grid` or
 * `random` fields.
 */
import { writeFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import type { ExperimentConfigInput } from '../engine/experiment/config';
import { targetMode } from '../engine/training/stop-rule';
import { selectBackend } from '../engine/training/backend';
import { OBJECTIVE_INFO, rankTrials } from '../engine/sweeps/objective';
import { sweepPresets } from '../engine/sweeps/presets';
import { runSweep } from '../engine/sweeps/run-sweep';
import { parseSweep, type SweepConfigInput } from '../engine/sweeps/sweep-config';
import { loadSplit } from './load-split';

export function isSweepConfig(value: unknown): value is SweepConfigInput {
  return typeof value === 'object' && value !== null && 'base' in value && ('grid' in value || 'random' in value);
}

export function sweepPreset(name: string): SweepConfigInput | undefined {
  const preset = sweepPresets[name];
  return preset ? (structuredClone(preset.config) as SweepConfigInput) : undefined;
}

export async function runSweepCommand(
  config: SweepConfigInput,
  options: { backend?: string; dataDir?: string; out?: string; applyOverrides: (base: ExperimentConfigInput) => ExperimentConfigInput },
): Promise<number> {
  const base = options.applyOverrides(config.base as unknown as ExperimentConfigInput);
  const plan = parseSweep({ ...config, base });
  // Every architecture trains on wasm (see experiment.ts).
  const backend = await selectBackend([options.backend ?? 'wasm']);
  const split = await loadSplit(plan.basePlan.dataset.name, { dataDir: options.dataDir, count: plan.basePlan.dataset.count, seed: plan.basePlan.spec.seed });
  console.error(`${plan.name}: ${plan.trials.length} trials in groups of ${plan.groupSize} on ${plan.basePlan.dataset.name}, backend ${backend.name}`);
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  const labels = new Map(plan.trials.map((t) => [t.id, t.label]));
  const result = await runSweep({
    plan,
    split,
    signal: abort.signal,
    onGroupStart: (group, groups) => console.error(`group ${group.index + 1} of ${groups}: ${group.trialIds.length} runs`),
    onTrialEnd: (id, outcome) => console.error(`  ${labels.get(id)}: ${outcome.status}${outcome.target ? ` (target ${outcome.target.outcome})` : ''}, ${outcome.seconds.toFixed(1)} s`),
  });
  const metric = plan.basePlan.spec.stopRule?.target?.metric;
  const ranked = rankTrials(plan.trials.map((t) => t.id), result.outcomes, plan.objective, metric ? targetMode(metric) : 'max');
  console.table(ranked.map((r) => ({ rank: r.rank ?? '', trial: labels.get(r.id), [OBJECTIVE_INFO[plan.objective].label]: r.value?.toPrecision(4) ?? r.verdict })));
  console.error(`${plan.trials.length} runs in ${result.seconds.toFixed(1)} s: ${((plan.trials.length / result.seconds) * 60).toFixed(1)} runs per minute`);
  const out = options.out ?? `${plan.name}-sweep.json`;
  const outcomes = Object.fromEntries(Object.entries(result.outcomes).map(([id, o]) => [id, { ...o, predictions: o.predictions ? Array.from(o.predictions) : undefined }]));
  const record = { format: 'optimizer-lab/sweep-outcomes', version: 1, config: { ...config, base }, backend: { ...backend, tfjsVersion: tf.version.tfjs }, seconds: result.seconds, trials: plan.trials, outcomes };
  await writeFile(out, JSON.stringify(record, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value)));
  console.error(`outcomes written to ${out}`);
  return abort.signal.aborted ? 130 : 0;
}
