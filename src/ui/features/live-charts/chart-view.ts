/**
 * What a person set on the charts of one comparison: x axis, log scale, smoothing, and
 * which runs are hidden. Kept per comparison: a new comparison (or another one opened)
 * starts from the defaults, so a hidden run or a log scale never carries over unseen.
 */
import { useCallback, useMemo, useState } from 'react';
import type { ChartOptionsValue } from './chart-options';

export const DEFAULT_CHART_OPTIONS: ChartOptionsValue = { xMode: 'epoch', logY: false, smoothing: 0.6 };

export interface ChartView {
  readonly options: ChartOptionsValue;
  readonly hidden: ReadonlySet<number>;
  readonly setOptions: (options: ChartOptionsValue) => void;
  /** Hides the run at this index in every chart, or shows it again. */
  readonly toggle: (index: number) => void;
}

interface Settings {
  readonly comparisonId: string | undefined;
  readonly options: ChartOptionsValue;
  readonly hidden: ReadonlySet<number>;
}

const fresh = (comparisonId: string | undefined): Settings => ({ comparisonId, options: DEFAULT_CHART_OPTIONS, hidden: new Set() });

export function useChartView(comparisonId: string | undefined): ChartView {
  const [stored, setStored] = useState(() => fresh(comparisonId));
  const reset = useMemo(() => fresh(comparisonId), [comparisonId]);
  const settings = stored.comparisonId === comparisonId ? stored : reset;
  const change = useCallback(
    (patch: (current: Settings) => Partial<Settings>) =>
      setStored((current) => {
        const base = current.comparisonId === comparisonId ? current : fresh(comparisonId);
        return { ...base, ...patch(base) };
      }),
    [comparisonId],
  );
  const setOptions = useCallback((options: ChartOptionsValue) => change(() => ({ options })), [change]);
  const toggle = useCallback(
    (index: number) =>
      change(({ hidden }) => {
        const next = new Set(hidden);
        if (next.has(index)) next.delete(index);
        else next.add(index);
        return { hidden: next };
      }),
    [change],
  );
  const { options, hidden } = settings;
  return useMemo(() => ({ options, hidden, setOptions, toggle }), [options, hidden, setOptions, toggle]);
}
