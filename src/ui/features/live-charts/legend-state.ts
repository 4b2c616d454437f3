/** What a legend's toggles share with its charts: which lines are hidden, and each line as a chart draws it. */
import { useState } from 'react';
import type { ChartRun } from './line-chart-card';
import type { LinePair } from './series';

/** The indices of the hidden lines, and a toggle for one. */
export function useHiddenLines(): [ReadonlySet<number>, (index: number) => void] {
  const [hidden, setHidden] = useState<ReadonlySet<number>>(new Set());
  const toggle = (index: number) =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  return [hidden, toggle];
}

export const chartRuns = (labels: readonly string[], lines: readonly LinePair[], hidden: ReadonlySet<number>): ChartRun[] =>
  labels.map((label, i) => ({ label, hidden: hidden.has(i), points: lines[i]?.main.length ?? 0 }));
