/**
 * The runs beside the charts, as TensorBoard's run selector: per run its colour, a
 * toggle that hides or shows it in every chart, and its latest numbers. Where each run
 * stands (its bar, status and samples/s, its Stop) is the progress panel's list, just
 * above it in the same column.
 */
import { useMemo, type CSSProperties } from 'react';
import type { ComparisonView } from '../../../client/types';
import type { ChartView } from './chart-view';
import { runRows } from './run-rows';

export interface RunSelectorProps {
  readonly comparison: ComparisonView;
  readonly view: Pick<ChartView, 'hidden' | 'toggle'>;
}

export function RunSelector({ comparison, view }: RunSelectorProps) {
  const rows = useMemo(() => runRows(comparison), [comparison]);
  const { hidden, toggle } = view;
  return (
    <section className="panel run-selector" aria-labelledby="runs-list-heading">
      <h2 id="runs-list-heading">Shown in the charts</h2>
      <ul role="group" aria-label="Runs shown in the charts">
        {rows.map((row, i) => {
          const shown = !hidden.has(i);
          return (
            <li key={row.id} className={shown ? undefined : 'run-hidden'} style={{ '--run-color': row.color } as CSSProperties}>
              <button type="button" className="run-toggle" aria-pressed={shown} onClick={() => toggle(i)} title={shown ? `Hide ${row.label} in the charts` : `Show ${row.label} in the charts`}>
                <span className="swatch" aria-hidden="true" />
                <span className="run-label">{row.label}</span>
              </button>
              <span className="run-metric">{row.metric ?? 'no epoch yet'}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
