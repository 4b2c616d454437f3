/** The trials, best first: their values, how each ended, its numbers, and a button to its full charts. */
import type { TrialRow } from './trials-model';
import { formatValue } from '../../live-charts/format';
import { formatDuration } from '../../progress/progress-model';

const STATUS: Readonly<Record<string, string>> = {
  completed: 'finished',
  'stopped-early': 'stopped early',
  diverged: 'diverged',
  stopped: 'stopped',
  cancelled: 'cancelled',
  failed: 'failed',
  running: 'training',
};

const number = (value: number | undefined) => (value === undefined ? '–' : formatValue(value));

export function TrialsTable({ rows, paramLabels, resultLabel, onOpen }: {
  rows: readonly TrialRow[];
  paramLabels: readonly string[];
  resultLabel: string;
  onOpen: (trialId: string) => void;
}) {
  const hasAccuracy = rows.some((row) => row.outcome?.final.accuracy !== undefined);
  const best = rows.find((row) => row.best);
  return (
    <section aria-labelledby="trials-heading" className="panel">
      <h2 id="trials-heading">Trials</h2>
      <div className="table-scroll">
        <table className="results trials">
          <caption>
            Sorted by {resultLabel}, best first{best ? ` (★ ${best.trial.label})` : ''}. Trials that did not reach the target, diverged (⚠) or failed come after every trial with a value.
          </caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Trial</th>
              {paramLabels.map((label) => (
                <th scope="col" key={label}>
                  {label}
                </th>
              ))}
              <th scope="col">{resultLabel}</th>
              <th scope="col">Status</th>
              <th scope="col">Final loss</th>
              {hasAccuracy && <th scope="col">Final accuracy</th>}
              <th scope="col">Epochs</th>
              <th scope="col">Training time</th>
              <th scope="col">Charts</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={row.best ? 'best' : row.verdict === 'diverged' ? 'diverged' : undefined}>
                <td className="num">{row.rank ?? '–'}</td>
                <th scope="row">
                  {row.trial.label}
                  {row.best && <span className="badge badge-best">★ best</span>}
                  {row.verdict === 'diverged' && <span className="badge badge-diverged">⚠ diverged</span>}
                </th>
                {row.values.map((value, i) => (
                  <td key={i}>{value}</td>
                ))}
                <td>{row.result}</td>
                <td>{row.outcome ? (STATUS[row.outcome.status] ?? row.outcome.status) : 'waiting'}</td>
                <td className="num">{number(row.outcome?.final.loss)}</td>
                {hasAccuracy && <td className="num">{number(row.outcome?.final.accuracy)}</td>}
                <td className="num">{row.outcome?.epochs ?? '–'}</td>
                <td className="num">{row.outcome ? formatDuration(row.outcome.seconds) : '–'}</td>
                <td>
                  <button type="button" className="small" onClick={() => onOpen(row.id)} aria-label={`Open the charts of ${row.trial.label}`} disabled={!row.outcome}>
                    Open charts
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
