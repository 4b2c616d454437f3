/**
 * The valley chart's data (E4's "time to target against learning rate"): x the swept
 * number (log when it spans decades), one line per value of the other setting (per
 * optimizer), y the ranking metric. A trial without a value (not reached, diverged,
 * failed) is a gap in its line and a marked point on the chart's "no value" band, never
 * a zero; a trial that has not trained yet is not drawn at all.
 */
import { judge, type Objective, type Verdict } from '../../../../engine/sweeps/objective';
import type { TrialOutcome } from '../../../../engine/sweeps/outcome';
import { sweptSetting } from '../../../../engine/sweeps/settings';
import type { Trial } from '../../../../engine/sweeps/trials';
import { valueKey, type SweepValue } from '../../../../engine/sweeps/values';
import { axisValues, paramLabel, trialValue, type AxisValue } from './sweep-model';

const sameValue = (value: SweepValue | undefined, axis: AxisValue): boolean => value !== undefined && valueKey(value) === axis.key;

export interface ValleyPoint {
  readonly x: number;
  /** null: no value (a gap). */
  readonly y: number | null;
  readonly trialId: string;
  readonly label: string;
  readonly verdict: Verdict;
}

export interface ValleySeries {
  readonly name: string;
  readonly points: readonly ValleyPoint[];
}

export interface Valley {
  readonly xParam: string;
  readonly xLabel: string;
  readonly logX: boolean;
  /** The setting whose values make the lines, if any. */
  readonly seriesParam?: string;
  readonly series: readonly ValleySeries[];
  /** Trials that ended without a value, with why. */
  readonly markers: readonly ValleyPoint[];
  /** Whether to join the points (a grid) or not (random draws). */
  readonly connect: boolean;
}

/** The numeric setting to put on x: the learning rate if it varies, else the first numeric one. */
export function valleyParam(trials: readonly Trial[], params: readonly string[]): string | undefined {
  const numeric = params.filter((param) => axisValues(trials, param).every((v) => typeof v.value === 'number') && axisValues(trials, param).length > 1);
  return numeric.includes('learning_rate') ? 'learning_rate' : numeric[0];
}

export function valleyOf(options: {
  readonly trials: readonly Trial[];
  readonly params: readonly string[];
  readonly outcomes: Readonly<Record<string, TrialOutcome>>;
  readonly objective: Objective;
  readonly kind: 'grid' | 'random';
}): Valley | undefined {
  const { trials, params, outcomes, objective } = options;
  const xParam = valleyParam(trials, params);
  if (!xParam) return undefined;
  const seriesParam = options.kind === 'grid' ? params.find((p) => p !== xParam) : undefined;
  const groups: { value?: AxisValue }[] = seriesParam ? axisValues(trials, seriesParam).map((value) => ({ value })) : [{}];
  const markers: ValleyPoint[] = [];
  const series = groups.map(({ value }) => {
    const members = seriesParam ? trials.filter((trial) => sameValue(trialValue(trial, seriesParam), value!)) : trials;
    const points: ValleyPoint[] = [];
    for (const trial of members) {
      const judged = judge(outcomes[trial.id], objective);
      if (judged.verdict === 'pending') continue;
      const point = { x: trialValue(trial, xParam) as number, y: judged.value ?? null, trialId: trial.id, label: trial.label, verdict: judged.verdict };
      points.push(point);
      if (point.y === null) markers.push(point);
    }
    return { name: value?.text ?? paramLabel(xParam), points: points.sort((a, b) => a.x - b.x) };
  });
  const xs = trials.map((trial) => trialValue(trial, xParam) as number);
  const positive = xs.every((x) => x > 0);
  const logX = positive && (sweptSetting(xParam).log === true || Math.max(...xs) / Math.min(...xs) >= 100);
  return { xParam, xLabel: paramLabel(xParam), logX, seriesParam, series, markers, connect: options.kind === 'grid' };
}
