/**
 * What every sweep view needs from a sweep, pure: the values each varied setting took
 * (in the order the trials met them), a trial's value of a setting, and the outcomes to
 * show (the saved ones, plus the runs of the group training now that have ended).
 */
import type { ComparisonView } from '../../../../client/types';
import { trialOutcome, type TrialOutcome } from '../../../../engine/sweeps/outcome';
import { sweptSetting, valueLabel } from '../../../../engine/sweeps/settings';
import type { Trial } from '../../../../engine/sweeps/trials';
import { valueKey, valueText, type SweepValue } from '../../../../engine/sweeps/values';

export interface AxisValue {
  readonly key: string;
  readonly value: SweepValue;
  /** As a legend or a table shows it: "0.001", "relu", "Momentum". */
  readonly text: string;
}

export function trialValue(trial: Trial, param: string): SweepValue | undefined {
  return trial.values.find((v) => v.param === param)?.value;
}

/** A value's text as its setting writes it (an optimizer's label, a number in short form). */
export function valueTextOf(param: string, value: SweepValue): string {
  const setting = sweptSetting(param);
  return setting.text?.(value) ?? valueText(value);
}

export function axisValues(trials: readonly Trial[], param: string): AxisValue[] {
  const seen = new Map<string, AxisValue>();
  for (const trial of trials) {
    const value = trialValue(trial, param);
    if (value === undefined) continue;
    const key = valueKey(value);
    if (!seen.has(key)) seen.set(key, { key, value, text: valueTextOf(param, value) });
  }
  return [...seen.values()];
}

/** "learning rate", "optimizer", "hidden width". */
export function paramLabel(param: string): string {
  return sweptSetting(param).label;
}

export { valueLabel };

/**
 * The saved outcomes, and those of the live group's runs that have ended already: the
 * views fill in run by run instead of group by group. The live view is used only while
 * it is the group's comparison (`comparisonId`).
 */
export function shownOutcomes(
  saved: Readonly<Record<string, TrialOutcome>>,
  live: ComparisonView | undefined,
  comparisonId: string | undefined,
  batchSizeOf: (trialId: string) => number | 'full',
): Readonly<Record<string, TrialOutcome>> {
  if (!live || live.id !== comparisonId) return saved;
  const ended = live.runs.filter((run) => run.result && !saved[run.id]);
  if (ended.length === 0) return saved;
  const extra = Object.fromEntries(ended.map((run) => [run.id, trialOutcome({ result: run.result, epochs: run.epochs, batchSize: batchSizeOf(run.id) })]));
  return { ...saved, ...extra };
}
