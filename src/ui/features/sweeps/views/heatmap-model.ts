/**
 * The heatmap of a grid: the first setting's values down, the second's across (one row
 * for a one-setting grid), each cell a trial's ranking metric, coloured by how good it
 * is among the grid (1 = the best). The best cell is marked; a cell without a value says
 * why (not reached, diverged, failed) and gets no colour, so it never reads as a zero.
 */
import { OBJECTIVE_INFO, judge, type Objective, type Verdict } from '../../../../engine/sweeps/objective';
import type { TrialOutcome } from '../../../../engine/sweeps/outcome';
import type { Trial } from '../../../../engine/sweeps/trials';
import { valueKey } from '../../../../engine/sweeps/values';
import { axisValues, paramLabel, trialValue } from './sweep-model';

export interface HeatCell {
  readonly row: number;
  readonly column: number;
  readonly trialId: string;
  readonly label: string;
  readonly verdict: Verdict;
  readonly value?: number;
  /** In [0, 1], 1 the best value of the grid; only with a value. */
  readonly goodness?: number;
  readonly best: boolean;
}

export interface SweepHeatmap {
  readonly rowLabel: string;
  readonly columnLabel: string;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly cells: readonly HeatCell[];
  readonly best?: HeatCell;
  readonly range?: { readonly min: number; readonly max: number };
}

export function heatmapOf(options: {
  readonly trials: readonly Trial[];
  readonly params: readonly string[];
  readonly outcomes: Readonly<Record<string, TrialOutcome>>;
  readonly objective: Objective;
}): SweepHeatmap {
  const { trials, params, outcomes, objective } = options;
  const [rowParam, columnParam] = params.length > 1 ? params : [undefined, params[0]!];
  const rowValues = rowParam ? axisValues(trials, rowParam) : [];
  const columnValues = axisValues(trials, columnParam!);
  const place = (param: string | undefined, values: typeof rowValues, trial: Trial): number => {
    if (!param) return 0;
    const value = trialValue(trial, param);
    return value === undefined ? -1 : values.findIndex((v) => v.key === valueKey(value));
  };
  const judged = trials.map((trial) => ({ trial, ...judge(outcomes[trial.id], objective) }));
  const values = judged.flatMap((j) => (j.value !== undefined ? [j.value] : []));
  const min = Math.min(...values);
  const max = Math.max(...values);
  const { mode } = OBJECTIVE_INFO[objective];
  const goodness = (value: number) => (max === min ? 1 : mode === 'min' ? (max - value) / (max - min) : (value - min) / (max - min));
  const bestValue = values.length === 0 ? undefined : mode === 'min' ? min : max;
  let bestTaken = false;
  const cells = judged.map(({ trial, verdict, value }) => {
    const best = !bestTaken && value !== undefined && value === bestValue;
    if (best) bestTaken = true;
    return {
      row: place(rowParam, rowValues, trial),
      column: place(columnParam, columnValues, trial),
      trialId: trial.id,
      label: trial.label,
      verdict,
      ...(value !== undefined ? { value, goodness: goodness(value) } : {}),
      best,
    };
  });
  return {
    rowLabel: rowParam ? paramLabel(rowParam) : '',
    columnLabel: paramLabel(columnParam!),
    rows: rowParam ? rowValues.map((v) => v.text) : [''],
    columns: columnValues.map((v) => v.text),
    cells,
    best: cells.find((cell) => cell.best),
    ...(values.length > 0 ? { range: { min, max } } : {}),
  };
}
