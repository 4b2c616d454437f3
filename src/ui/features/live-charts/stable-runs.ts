import { useRef } from 'react';
import type { RunView } from '../../../client/types';

/**
 * The same array as on the last render while every run is `unchanged` from its
 * counterpart there: records arrive ten times a second, and a chart that draws only part
 * of each run (its epochs, its probe samples) need not redraw for the rest.
 */
export function useRunsUnchangedIn(runs: readonly RunView[], unchanged: (run: RunView, before: RunView) => boolean): readonly RunView[] {
  const last = useRef(runs);
  const same = last.current.length === runs.length && runs.every((run, i) => run.id === last.current[i]!.id && unchanged(run, last.current[i]!));
  if (!same) last.current = runs;
  return last.current;
}
