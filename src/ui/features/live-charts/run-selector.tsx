/**
 * The runs beside the charts, as TensorBoard's run selector: one line a run with its
 * colour, a toggle that hides or shows it in every chart, where it stands (its bar,
 * epoch and samples/s, its Stop) and its latest numbers. The progress panel above it
 * says where the comparison as a whole stands.
 */
import { useMemo, type CSSProperties } from 'react';
import type { ComparisonView } from '../../../client/types';
import { useLabActions } from '../../app/lab-store-context';
import { formatRate, runProgress } from '../progress/progress-model';
import type { ChartView } from './chart-view';
import { runRows } from './run-rows';

export interface RunSelectorProps {
  readonly comparison: ComparisonView;
  readonly view: Pick<ChartView, 'hidden' | 'toggle'>;
}

export function RunSelector({ comparison, view }: RunSelectorProps) {
  const actions = useLabActions();
  const rows = useMemo(() => runRows(comparison), [comparison]);
  const { hidden, toggle } = view;
  return (
    <section className="panel run-selector" aria-labelledby="runs-list-heading">
      <h2 id="runs-list-heading">Runs</h2>
      <ul role="group" aria-label="Runs shown in the charts">
        {rows.map((row, i) => {
          const shown = !hidden.has(i);
          const progress = runProgress(comparison.runs[i]!, comparison);
          return (
            <li key={row.id} className={shown ? undefined : 'run-hidden'} style={{ '--run-color': row.color } as CSSProperties}>
              <button type="button" className="run-toggle" aria-pressed={shown} onClick={() => toggle(i)} title={shown ? `Hide ${row.label} in the charts` : `Show ${row.label} in the charts`}>
                <span className="swatch" aria-hidden="true" />
                <span className="run-label">{row.label}</span>
              </button>
              {progress.active && (
                <button type="button" className="small run-stop" onClick={() => actions.stopRun(row.id)} aria-label={`Stop ${row.label}`}>
                  Stop
                </button>
              )}
              <progress max={1} value={progress.fraction} aria-label={`Progress of ${row.label}`} />
              <span className="run-progress-text">
                {progress.text}
                {progress.active && progress.samplesPerSecond !== undefined && ` · ${formatRate(progress.samplesPerSecond)}`}
              </span>
              {row.metric && <span className="run-metric">{row.metric}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
