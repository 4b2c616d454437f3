/**
 * "Try this": a copy of a comparison's config with a fix applied to each run it fits, as
 * the setup of a new comparison. The other runs, the data and the seed stay as they
 * were, so the new comparison shows the fix against the same weights and batches.
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

/** One run's fix: the same action may carry a different target per run (SGD to 0.1, Adadelta to 1). */
export interface RunFix {
  readonly runId: string;
  readonly fix: TryThis;
}

/**
 * The config of a new comparison: `config` with each fix applied to its run (whose label
 * is marked "fixed"), named after the fixes' action. Throws if a run is not in `config`
 * or there is nothing to fix.
 */
export function configWithFixes(config: ExperimentConfigInput, fixes: readonly RunFix[]): ExperimentConfigInput {
  if (fixes.length === 0) throw new Error('internal invariant broken: "Try this" with no run to fix');
  const idOf = (run: RunInput, i: number) => run.id ?? `run-${i + 1}`;
  const ids = config.runs.map(idOf);
  const missing = fixes.find((f) => !ids.includes(f.runId));
  if (missing) throw new Error(`internal invariant broken: no run "${missing.runId}" in the comparison to fix (runs: ${ids.join(', ')})`);
  const runs = config.runs.map((run, i) => {
    const own = fixes.find((f) => f.runId === idOf(run, i));
    if (!own) return run;
    const label = run.label ?? (run.optimizer as { name: string }).name;
    return { ...patchRun(run, own.fix.patch), id: idOf(run, i), label: `${label} (fixed)` };
  });
  const name = fixes.length === 1 ? fixes[0]!.fix.label : fixes[0]!.fix.action;
  return { ...config, name: `${config.name ?? 'experiment'}: ${name.toLowerCase()}`, runs };
}
