/**
 * All of a sweep's loss curves on one chart, as E3 plots its grids: the first setting's
 * value picks a line's colour, the second's its dash pattern, and the legend reads the
 * varied values ("relu, units 16"). Filters hide the trials with some values. Pure.
 */
import type { TrialCurves, TrialOutcome } from '../../../../engine/sweeps/outcome';
import type { Trial } from '../../../../engine/sweeps/trials';
import { valueKey } from '../../../../engine/sweeps/values';
import { runColor } from '../../../components/palette';
import { axisValues, paramLabel, trialValue, type AxisValue } from './sweep-model';

export type CurveMetric = keyof TrialCurves;

export const CURVE_METRICS: Readonly<Record<CurveMetric, string>> = {
  loss: 'training loss',
  valLoss: 'validation loss',
  accuracy: 'training accuracy',
  valAccuracy: 'validation accuracy',
};

/** Line styles for the second setting's values (solid first). */
export const DASHES = ['', '7 4', '2 3', '10 3 2 3', '4 2 4 6', '1 5'] as const;

export interface CurveLine {
  readonly trialId: string;
  readonly label: string;
  readonly color: string;
  readonly dash: string;
  readonly values: readonly number[];
}

export interface FilterGroup {
  readonly param: string;
  readonly label: string;
  readonly values: readonly AxisValue[];
}

/** Settings with few enough values to filter by, in the sweep's order. */
export function filterGroups(trials: readonly Trial[], params: readonly string[]): FilterGroup[] {
  return params.map((param) => ({ param, label: paramLabel(param), values: axisValues(trials, param) })).filter((group) => group.values.length > 1 && group.values.length <= 12);
}

/** Keys of hidden values, by setting. */
export type HiddenValues = Readonly<Record<string, ReadonlySet<string>>>;

export function isShown(trial: Trial, hidden: HiddenValues): boolean {
  return Object.entries(hidden).every(([param, keys]) => {
    const value = trialValue(trial, param);
    return value === undefined || !keys.has(valueKey(value));
  });
}

export function curveLines(options: {
  readonly trials: readonly Trial[];
  readonly params: readonly string[];
  readonly outcomes: Readonly<Record<string, TrialOutcome>>;
  readonly metric: CurveMetric;
  readonly hidden: HiddenValues;
  readonly kind: 'grid' | 'random';
}): CurveLine[] {
  const { trials, params, outcomes, metric, hidden } = options;
  const [colorParam, dashParam] = options.kind === 'grid' ? params : [];
  const colors = colorParam ? axisValues(trials, colorParam) : [];
  const dashes = dashParam ? axisValues(trials, dashParam) : [];
  const indexOf = (values: readonly AxisValue[], param: string | undefined, trial: Trial) => {
    const value = param ? trialValue(trial, param) : undefined;
    return value === undefined ? -1 : values.findIndex((v) => v.key === valueKey(value));
  };
  return trials.flatMap((trial) => {
    const values = outcomes[trial.id]?.curves[metric];
    if (!values || values.length === 0 || !isShown(trial, hidden)) return [];
    const colorIndex = colorParam ? indexOf(colors, colorParam, trial) : trial.index;
    const dashIndex = dashParam ? indexOf(dashes, dashParam, trial) : 0;
    return [{ trialId: trial.id, label: trial.label, color: runColor(colorIndex), dash: DASHES[dashIndex % DASHES.length]!, values }];
  });
}

/** Rows for one recharts data array: { x: epoch, c0: …, c1: … }; non-finite values are left out (gaps). */
export function curveRows(lines: readonly CurveLine[], logY: boolean): Record<string, number>[] {
  const epochs = Math.max(0, ...lines.map((line) => line.values.length));
  return Array.from({ length: epochs }, (_, i) => {
    const row: Record<string, number> = { x: i + 1 };
    lines.forEach((line, j) => {
      const value = line.values[i];
      if (value !== undefined && Number.isFinite(value) && (!logY || value > 0)) row[`c${j}`] = value;
    });
    return row;
  });
}
