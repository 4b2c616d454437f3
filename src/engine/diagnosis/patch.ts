/**
 * "Try this": a copy of a comparison's config with a fix applied to one run, as the
 * setup of a new comparison. The other runs, the data and the seed stay as they were,
 * so the new comparison shows the fix against the same weights and batches.
 */
import type { ExperimentConfigInput } from '../experiment/config';
import type { RunPatch, TryThis } from './types';

type RunInput = ExperimentConfigInput['runs'][number];

/** `run` with `patch` applied: scaling and early stopping replaced, hyperparameters and model options merged. */
export function patchRun(run: RunInput, patch: RunPatch): RunInput {
  const optimizer = run.optimizer as { name: string; hyperparameters?: Record<string, unknown> };
  return {
    ...run,
    ...(patch.scaling !== undefined ? { scaling: patch.scaling } : {}),
    ...(patch.hyperparameters ? { optimizer: { ...optimizer, hyperparameters: { ...optimizer.hyperparameters, ...patch.hyperparameters } } } : {}),
    ...(patch.model ? { model: { ...run.model, ...patch.model } } : {}),
    ...(patch.earlyStopping !== undefined ? { earlyStopping: patch.earlyStopping } : {}),
  };
}

/**
 * The config of a new comparison: `config` with `fix` applied to the run `runId` (its
 * label marked "fixed"), named after the fix. Throws if there is no such run.
 */
export function configWithFix(config: ExperimentConfigInput, runId: string, fix: TryThis): ExperimentConfigInput {
  const index = config.runs.findIndex((run, i) => (run.id ?? `run-${i + 1}`) === runId);
  if (index === -1) throw new Error(`internal invariant broken: no run "${runId}" in the comparison to fix`);
  const runs = config.runs.map((run, i) => {
    if (i !== index) return run;
    const label = run.label ?? (run.optimizer as { name: string }).name;
    return { ...patchRun(run, fix.patch), id: run.id ?? runId, label: `${label} (fixed)` };
  });
  return { ...config, name: `${config.name ?? 'experiment'}: ${fix.label.toLowerCase()}`, runs };
}
