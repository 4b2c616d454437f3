/**
 * The runs beside the charts, as TensorBoard's run selector: per run its colour and a
 * toggle that hides or shows it in every chart, where it stands, how fast it trains and
 * its latest numbers.
 */
import { useMemo, type CSSProperties } from 'react';
import type { ComparisonView } from '../../../client/types';
import type { ChartView } from './chart-view';
import { formatRate, runRows, type RunRates } from './run-rows';

export interface RunSelectorProps {
  readonly comparison: ComparisonView;
  readonly view: Pick<ChartView, 'hidden' | 'toggle'>;
  /** Samples per second by run id, where the client measures it; without it the speed is left out. */
  readonly rates?: RunRates;
}

export function RunSelector({ comparison, view, rates }: RunSelectorProps) {
  const rows = useMemo(() => runRows(comparison, rates), [comparison, rates]);
  const { hidden, toggle } = view;
  return (
    <section className="panel run-selector" aria-labelledby="runs-list-heading">
      <h2 id="runs-list-heading">Runs</h2>
      <ul role="group" aria-label="Runs shown in the charts">
        {rows.map((row, i) => {
          const shown = !hidden.has(i);
          return (
            <li key={row.id} className={shown ? undefined : 'run-hidden'} style={{ '--run-color': row.color } as CSSProperties}>
              <button type="button" className="run-toggle" aria-pressed={shown} onClick={() => toggle(i)} title={shown ? `Hide ${row.label} in the charts` : `Show ${row.label} in the charts`}>
                <span className="swatch" aria-hidden="true" />
                <span className="run-label">{row.label}</span>
              </button>
              <span className="run-meter" aria-hidden="true">
                <span style={{ width: `${Math.round(row.fraction * 100)}%` }} />
              </span>
              <span className="run-facts">
                {row.status}
                {row.samplesPerSecond !== undefined && ` · ${formatRate(row.samplesPerSecond)}`}
              </span>
              {row.metric && <span className="run-metric">{row.metric}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
