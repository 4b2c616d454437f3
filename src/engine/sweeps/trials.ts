/**
 * Trials: one run each, the template run with the trial's values applied. A grid is the
 * product of its axes' values, the first axis outermost (as E3's itertools.product
 * loops); a random search draws its trials from a seed. Each trial's label is built
 * from its varied values ("relu, units 16"; "Adam, lr 0.001"), as E3's legend is.
 */
import { ConfigError } from '../../lib/errors';
import type { ExperimentConfigInput } from '../experiment/config';
import { drawTrials, type SearchDimension } from './random-search';
import { applySettings, sweptSetting, valueLabel, type RunInput, type SettingContext } from './settings';
import { expandValues, type SweepValue, type ValueSpec } from './values';

export interface SweepAxis {
  readonly param: string;
  readonly values: ValueSpec;
}

export interface RandomSearchInput {
  readonly trials: number;
  readonly seed: number;
  readonly space: readonly SearchDimension[];
}

export interface TrialValue {
  readonly param: string;
  readonly value: SweepValue;
}

export interface Trial {
  /** 't001', 't002', …: the trial's run id in its group's comparison. */
  readonly id: string;
  readonly index: number;
  readonly label: string;
  readonly values: readonly TrialValue[];
  readonly run: RunInput;
}

export const trialId = (index: number, total: number): string => `t${String(index + 1).padStart(Math.max(3, String(total).length), '0')}`;

/** Every combination of the axes' values, the first axis outermost. */
export function gridCombinations(axes: readonly SweepAxis[]): TrialValue[][] {
  return axes.reduce<TrialValue[][]>(
    (combinations, axis, i) => {
      const values = expandValues(axis.values, `grid[${i}].values`);
      return combinations.flatMap((combination) => values.map((value) => [...combination, { param: axis.param, value }]));
    },
    [[]],
  );
}

function settingContext(base: ExperimentConfigInput): SettingContext {
  return { architecture: base.architecture, model: base.model ?? {} };
}

/** Each value checked against its setting before any trial is built (`where` names it). */
function checkValues(params: readonly string[], where: (i: number) => string, valuesOf: (i: number) => readonly SweepValue[], context: SettingContext): void {
  const seen = new Set<string>();
  params.forEach((param, i) => {
    if (seen.has(param)) throw new ConfigError('bad-sweep', 'each setting varied once', `${JSON.stringify(param)} twice`, `${where(i)}.param`);
    seen.add(param);
    const setting = sweptSetting(param, `${where(i)}.param`);
    valuesOf(i).forEach((value, j) => setting.check(value, `${where(i)}.values[${j}]`, context));
  });
}

export function expandTrials(options: { readonly base: ExperimentConfigInput; readonly grid?: readonly SweepAxis[]; readonly random?: RandomSearchInput }): Trial[] {
  const { base } = options;
  const context = settingContext(base);
  let combinations: TrialValue[][];
  if (options.grid) {
    const axes = options.grid;
    checkValues(axes.map((a) => a.param), (i) => `grid[${i}]`, (i) => expandValues(axes[i]!.values, `grid[${i}].values`), context);
    combinations = gridCombinations(axes);
  } else {
    const { space, trials, seed } = options.random!;
    // A range's ends are checked like values; a draw between them is then valid too.
    checkValues(space.map((d) => d.param), (i) => `random.space[${i}]`, (i) => {
      const dimension = space[i]!;
      return dimension.kind === 'list' ? dimension.values : [dimension.from, dimension.to];
    }, context);
    const integer = (param: string) => sweptSetting(param).kind === 'integer';
    combinations = drawTrials(space, trials, seed, integer).map((values) => values.map((value, i) => ({ param: space[i]!.param, value })));
  }
  const template = base.runs[0]!;
  return combinations.map((values, index) => {
    const id = trialId(index, combinations.length);
    const described = values.map(({ param, value }) => valueLabel(param, value)).join(', ');
    // Random draws may repeat one another: the number keeps their labels apart.
    const label = options.grid ? described : `#${index + 1}: ${described}`;
    const run = applySettings(template, values, context);
    return { id, index, label, values, run: { ...run, id, label } };
  });
}
