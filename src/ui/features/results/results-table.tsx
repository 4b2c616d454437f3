/** The results table: headline numbers per run, the best run and diverged runs marked. */
import { useMemo } from 'react';
import type { RunView } from '../../../client/types';
import { runColor } from '../../components/palette';
import { formatDuration } from '../progress/progress-model';
import { bestRun, resultRows, type ResultRow } from './results-model';

const percent = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '–' : `${(value * 100).toFixed(2)}%`);
const number = (value: number | undefined) => (value === undefined ? '–' : Number.isFinite(value) ? Number(value.toPrecision(4)).toString() : String(value));

const STATUS_TEXT: Readonly<Record<ResultRow['status'], string>> = {
  waiting: 'waiting',
  running: 'training',
  completed: 'finished',
  diverged: 'diverged',
  'stopped-early': 'stopped early',
  stopped: 'stopped',
  cancelled: 'cancelled',
};

export function ResultsTable({ runs }: { runs: readonly RunView[] }) {
  const rows = useMemo(() => resultRows(runs), [runs]);
  const best = useMemo(() => bestRun(rows), [rows]);
  const hasAccuracy = rows.some((row) => row.bestValAccuracy !== undefined || row.testAccuracy !== undefined);
  return (
    <section aria-labelledby="results-heading" className="panel">
      <h2 id="results-heading">Results</h2>
      <div className="table-scroll">
        <table className="results">
          <caption>
            {best ? `Best run (★) judged on ${best.criterion}.` : 'No results yet.'} Diverged runs (loss not finite) are marked ⚠ and never count as best.
          </caption>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Status</th>
              {hasAccuracy && <th scope="col">Final val. accuracy</th>}
              {hasAccuracy && <th scope="col">Best val. accuracy</th>}
              {!hasAccuracy && <th scope="col">Best loss</th>}
              <th scope="col">Epoch of best</th>
              {hasAccuracy && <th scope="col">Test accuracy</th>}
              <th scope="col">Test loss</th>
              <th scope="col">Final loss (train / val.)</th>
              <th scope="col">Training time</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const isBest = best?.runId === row.runId;
              return (
                <tr key={row.runId} className={isBest ? 'best' : row.diverged ? 'diverged' : undefined}>
                  <th scope="row">
                    <span className="swatch" style={{ background: runColor(row.runIndex) }} aria-hidden="true" />
                    {row.label}
                    {isBest && <span className="badge badge-best">★ best</span>}
                    {row.diverged && (
                      <span className="badge badge-diverged">⚠ diverged{row.divergedAtStep !== undefined ? ` at step ${row.divergedAtStep}` : ''}</span>
                    )}
                  </th>
                  <td>{STATUS_TEXT[row.status]}</td>
                  {hasAccuracy && <td className="num">{percent(row.finalValAccuracy)}</td>}
                  {hasAccuracy && <td className="num">{percent(row.bestValAccuracy)}</td>}
                  {!hasAccuracy && <td className="num">{number(row.bestLoss)}</td>}
                  <td className="num">{row.bestEpoch ?? '–'}</td>
                  {hasAccuracy && <td className="num">{percent(row.testAccuracy)}</td>}
                  <td className="num">{number(row.testLoss)}</td>
                  <td className="num">
                    {number(row.finalLoss)} / {number(row.finalValLoss)}
                  </td>
                  <td className="num">{formatDuration(row.seconds)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
