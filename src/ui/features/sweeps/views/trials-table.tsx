/** The trials, best first: their values, how each ended, its numbers, and a button to its full charts. */
import { OBJECTIVE_INFO, type Objective } from '../../../../engine/sweeps/objective';
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
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The final metrics shown beside the ranking one: the loss always, the accuracy where a trial has one. */
const METRIC_COLUMNS: readonly { readonly objective: Objective; readonly always: boolean }[] = [
  { objective: 'loss', always: true },
  { objective: 'accuracy', always: false },
];

export function TrialsTable({ rows, paramLabels, objective, onOpen }: {
  rows: readonly TrialRow[];
  paramLabels: readonly string[];
  /** What ranks the trials: its column is the result, so it is not shown twice. */
  objective: Objective;
  onOpen: (trialId: string) => void;
}) {
  const resultLabel = OBJECTIVE_INFO[objective].label;
  const shown = (column: (typeof METRIC_COLUMNS)[number]) =>
    column.objective !== objective && (column.always || rows.some((row) => row.outcome && OBJECTIVE_INFO[column.objective].pick(row.outcome) !== undefined));
  const metrics = METRIC_COLUMNS.filter(shown).map((column) => OBJECTIVE_INFO[column.objective]);
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
              <th scope="col">{capitalized(resultLabel)}</th>
              <th scope="col">Status</th>
              {metrics.map((info) => (
                <th scope="col" key={info.label}>
                  {capitalized(info.label)}
                </th>
              ))}
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
                {metrics.map((info) => (
                  <td className="num" key={info.label}>
                    {number(row.outcome && info.pick(row.outcome))}
                  </td>
                ))}
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
