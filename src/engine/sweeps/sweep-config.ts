/**
 * A sweep as JSON (a preset, a file, the sweep builder, a link) and its plan: the
 * template comparison (`base`, with one run every trial starts from), what varies (a
 * grid of one or two settings, or a random search over several), and how many trials
 * train together in one lock-step group. Parsing checks it all, before any run starts,
 * and expands it into trials; anything wrong is a ConfigError naming the field.
 *
 * The stop rule every trial follows is the base's `training.stopRule`.
 *
 * Plain data and validation only: no tfjs (the UI's main thread parses sweeps).
 */
import { z } from 'zod';
import { ConfigError } from '../../lib/errors';
import { parseExperiment, type ExperimentConfigInput, type ExperimentPlan } from '../experiment/config';
import { configErrorFromZod } from '../experiment/zod-errors';
import { checkSearchSpace, type SearchDimension } from './random-search';
import { OBJECTIVES, type Objective } from './objective';
import { expandValues, type ValueSpec } from './values';
import { expandTrials, type RandomSearchInput, type SweepAxis, type Trial } from './trials';

export type { RandomSearchInput, SweepAxis } from './trials';

/** Trials in one sweep at most: E4's full grid is 288. */
export const MAX_TRIALS = 1000;
/** Runs per lock-step group at most: each holds a model and an optimizer in memory. */
export const MAX_GROUP_SIZE = 16;
export const DEFAULT_GROUP_SIZE = 8;

const optimizerChoice = z.strictObject({
  name: z.string().min(1),
  label: z.string().min(1).optional(),
  hyperparameters: z.record(z.string(), z.unknown()).optional(),
});
const sweepValue = z.union([z.number(), z.string().min(1), z.boolean(), optimizerChoice]);
const list = z.strictObject({ kind: z.literal('list'), values: z.array(sweepValue).min(1) });
const ends = { from: z.number(), to: z.number() };
const range = z.strictObject({ kind: z.enum(['linear', 'log']), ...ends, count: z.number().int() });
const param = z.string().min(1);

const axisSchema = z.strictObject({ param, values: z.union([list, range]) });
const dimensionSchema = z.union([
  z.strictObject({ param, kind: z.literal('list'), values: z.array(sweepValue).min(1) }),
  z.strictObject({ param, kind: z.enum(['linear', 'log']), ...ends }),
]);

export const sweepSchema = z
  .strictObject({
    name: z.string().default('sweep'),
    description: z.string().optional(),
    /** Checked by parseExperiment, which names the field (`base.training.epochs`). */
    base: z.record(z.string(), z.unknown()),
    grid: z.array(axisSchema).min(1).max(2).optional(),
    random: z
      .strictObject({
        trials: z.number().int().min(1).max(MAX_TRIALS),
        seed: z.number().int().min(0).default(1),
        space: z.array(dimensionSchema).min(1).max(8),
      })
      .optional(),
    groupSize: z.number().int().min(1).max(MAX_GROUP_SIZE).default(DEFAULT_GROUP_SIZE),
    /** What ranks the trials; by default the time to target when there is a target, else the final validation (or training) loss. */
    objective: z.enum(OBJECTIVES).optional(),
  })
  .refine((sweep) => (sweep.grid === undefined) !== (sweep.random === undefined), {
    error: 'either a grid (one or two settings) or a random search, not both',
    path: ['grid'],
  });

export type SweepConfigInput = z.input<typeof sweepSchema>;
export type GridAxisInput = z.input<typeof axisSchema>;

export interface SweepPlan {
  readonly name: string;
  readonly description?: string;
  readonly kind: 'grid' | 'random';
  /** The base config, as given (with its one template run). */
  readonly base: ExperimentConfigInput;
  readonly basePlan: ExperimentPlan;
  /** The settings that vary, in order: a grid's axes, or a random search's dimensions. */
  readonly params: readonly string[];
  readonly trials: readonly Trial[];
  readonly groupSize: number;
  readonly objective: Objective;
}

/** A ConfigError from inside the base config, with its path under `base`. */
function underBase(error: unknown): unknown {
  if (!(error instanceof ConfigError)) return error;
  return new ConfigError(error.code, error.expected, error.found, error.where && error.where !== 'config' ? `base.${error.where}` : 'base');
}

function defaultObjective(basePlan: ExperimentPlan): Objective {
  if (basePlan.spec.stopRule?.target) return 'time-to-target';
  return basePlan.dataset.validation !== undefined ? 'val_loss' : 'loss';
}

function checkObjective(objective: Objective, basePlan: ExperimentPlan): void {
  const fail = (expected: string) => new ConfigError('bad-objective', expected, `objective ${JSON.stringify(objective)}`, 'objective');
  if (objective === 'time-to-target' && !basePlan.spec.stopRule?.target) throw fail('a target in base.training.stopRule to rank by time to target');
  if (objective.startsWith('val_') && basePlan.dataset.validation === undefined) throw fail('validation data (base.dataset.validation) to rank by a validation metric');
  if (objective.endsWith('accuracy') && basePlan.dataset.name === 'prod') throw fail('a classification set to rank by accuracy (prod is a regression)');
}

/** Validates a sweep, expands its trials and checks every one as the comparison it will run in. */
export function parseSweep(input: unknown): SweepPlan {
  const parsed = sweepSchema.safeParse(input);
  if (!parsed.success) throw configErrorFromZod(parsed.error, input, 'sweep', 'invalid-sweep');
  const sweep = parsed.data;
  const base = sweep.base as unknown as ExperimentConfigInput;
  let basePlan: ExperimentPlan;
  try {
    basePlan = parseExperiment(base);
  } catch (error) {
    throw underBase(error);
  }
  if (basePlan.spec.runs.length !== 1) {
    throw new ConfigError('bad-template', 'exactly one run in base.runs: the template every trial starts from', `${basePlan.spec.runs.length} runs`, 'base.runs');
  }
  if (sweep.random) checkSearchSpace(sweep.random.space as SearchDimension[], 'random.space');
  const objective = sweep.objective ?? defaultObjective(basePlan);
  checkObjective(objective, basePlan);
  const gridSize = (sweep.grid ?? []).reduce((product, axis, i) => product * expandValues(axis.values as ValueSpec, `grid[${i}].values`).length, 1);
  if (gridSize > MAX_TRIALS) {
    throw new ConfigError('too-many-trials', `at most ${MAX_TRIALS} trials`, `${gridSize} (the grid's value counts multiplied)`, 'grid');
  }
  const trials = expandTrials({ base, grid: sweep.grid as readonly SweepAxis[] | undefined, random: sweep.random as RandomSearchInput | undefined });
  const plan: SweepPlan = {
    name: sweep.name,
    ...(sweep.description !== undefined ? { description: sweep.description } : {}),
    kind: sweep.grid ? 'grid' : 'random',
    base,
    basePlan,
    params: (sweep.grid ?? sweep.random!.space).map((axis) => axis.param),
    trials,
    groupSize: sweep.groupSize,
    objective,
  };
  groupConfigs(plan).forEach((group) => checkGroup(group, trials));
  return plan;
}

/** One lock-step group: the trials it trains, and the comparison config that trains them. */
export interface TrialGroup {
  readonly index: number;
  readonly trialIds: readonly string[];
  readonly config: ExperimentConfigInput;
}

/**
 * Consecutive trials in groups of at most `groupSize`, each group one comparison of the
 * base config with the group's trials as its runs (same seed: the same initial weights
 * and batches for every trial of the sweep, whichever group it is in).
 */
export function groupConfigs(plan: Pick<SweepPlan, 'name' | 'base' | 'trials' | 'groupSize'>): TrialGroup[] {
  const count = Math.ceil(plan.trials.length / plan.groupSize);
  return Array.from({ length: count }, (_, index) => {
    const trials = plan.trials.slice(index * plan.groupSize, (index + 1) * plan.groupSize);
    return {
      index,
      trialIds: trials.map((trial) => trial.id),
      config: { ...plan.base, name: `${plan.name} · group ${index + 1} of ${count}`, runs: trials.map((trial) => trial.run) },
    };
  });
}

/** A group's config must parse like any comparison; an error names the trial, not `runs[3]`. */
function checkGroup(group: TrialGroup, trials: readonly Trial[]): void {
  try {
    parseExperiment(group.config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const match = /^runs\[(\d+)\](.*)$/.exec(error.where ?? '');
    const trial = match ? trials.find((t) => t.id === group.trialIds[Number(match[1])]) : undefined;
    throw trial ? new ConfigError(error.code, error.expected, error.found, `trial "${trial.label}"${match![2] ? ` ${match![2].replace(/^\./, '')}` : ''}`) : underBase(error);
  }
}
