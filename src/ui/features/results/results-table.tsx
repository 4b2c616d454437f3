/**
 * The results table: headline numbers per run, the best run by the criterion the person
 * chose ("Best by", kept across reloads), diverged runs marked, and, for the reference
 * experiments' presets, the published figure of each run beside the lab's.
 */
import { useMemo, type ReactNode } from 'react';
import type { RunView } from '../../../client/types';
import type { ExperimentConfigInput } from '../../../engine/experiment/config';
import { runColor } from '../../components/palette';
import { formatDuration } from '../progress/progress-model';
import { BEST_CRITERIA, bestRun, criteriaFor, effectiveCriterion, kindOfRows, type BestCriterionId, type JudgedColumn, type TableKind } from './best-criteria';
import { differenceText, publishedFor, setupComparison, type PublishedComparison, type PublishedFigure } from './published-model';
import { resultRows, weightsNotes, type ResultRow } from './results-model';
import { useBestCriterion } from './use-best-criterion';
import './results.css';

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

/** What the config says the runs measure, else what their records show. */
function kindOf(rows: readonly ResultRow[], config: ExperimentConfigInput | undefined): TableKind {
  const seen = kindOfRows(rows);
  if (!config) return seen;
  const classifier = config.architecture !== 'vae' && config.dataset.name !== 'prod';
  return { accuracy: seen.accuracy || classifier, validation: seen.validation || config.dataset.validation !== undefined };
}

export function ResultsTable({ runs, config }: { runs: readonly RunView[]; config?: ExperimentConfigInput }) {
  const rows = useMemo(() => resultRows(runs), [runs]);
  const kind = kindOf(rows, config);
  const [wanted, choose] = useBestCriterion();
  const criterion = effectiveCriterion(kind, wanted);
  const best = useMemo(() => bestRun(rows, criterion), [rows, criterion]);
  const published = useMemo(() => publishedFor(config), [config]);
  const judged = BEST_CRITERIA[criterion];
  return (
    <section aria-labelledby="results-heading" className="panel">
      <div className="results-head">
        <h2 id="results-heading">Results</h2>
        <label className="results-best-by">
          Best by{' '}
          <select value={criterion} onChange={(event) => choose(event.target.value as BestCriterionId)}>
            {criteriaFor(kind).map((id) => (
              <option key={id} value={id}>
                {BEST_CRITERIA[id].label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {published && config && <PublishedSetupNote published={published} config={config} rows={rows} />}
      <div className="table-scroll">
        <table className="results">
          <caption>
            {best
              ? `Best run (★) by ${judged.label}.`
              : rows.some((row) => row.epochs > 0) && judged.atEnd
                ? `Best by ${judged.label}: known once a run has finished.`
                : 'No results yet.'}{' '}
            Diverged runs (loss not finite) are marked ⚠ and never count as best.
          </caption>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Status</th>
              {kind.accuracy && <Header column="final-val-accuracy" judged={judged.column} text="Final val. accuracy" />}
              {kind.accuracy && <Header column="best-val-accuracy" judged={judged.column} text="Best val. accuracy" />}
              {!kind.accuracy && <th scope="col">Best loss</th>}
              <th scope="col">Epoch of best</th>
              {kind.accuracy && <Header column="test-accuracy" judged={judged.column} text="Test accuracy" />}
              {kind.accuracy && published && <PublishedHeaders published={published} />}
              <Header column="test-loss" judged={judged.column} text="Test loss" />
              {!kind.accuracy && published && <PublishedHeaders published={published} />}
              <Header column="final-loss" judged={judged.column} text="Final loss (train / val.)" />
              <th scope="col">Training time</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Row key={row.runId} row={row} kind={kind} isBest={best?.runId === row.runId} published={published} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Header({ column, judged, text }: { column: JudgedColumn; judged: JudgedColumn; text: string }) {
  const isJudged = column === judged;
  return (
    <th scope="col" className={isJudged ? 'judged' : undefined} title={isJudged ? 'The best run is judged on this column' : undefined}>
      {isJudged ? `★ ${text}` : text}
    </th>
  );
}

/** A number with, where it needs one, a line under it saying where it comes from. */
function Cell({ children, note }: { children: ReactNode; note?: string }) {
  return (
    <td className="num">
      {children}
      {note && <small className="cell-note">{note}</small>}
    </td>
  );
}

function Row({ row, kind, isBest, published }: { row: ResultRow; kind: TableKind; isBest: boolean; published?: PublishedComparison }) {
  const notes = weightsNotes(row);
  const figure = published?.byRun.get(row.runId);
  return (
    <tr className={isBest ? 'best' : row.diverged ? 'diverged' : undefined}>
      <th scope="row">
        <span className="swatch" style={{ background: runColor(row.runIndex) }} aria-hidden="true" />
        {row.label}
        {isBest && <span className="badge badge-best">★ best</span>}
        {row.diverged && <span className="badge badge-diverged">⚠ diverged{row.divergedAtStep !== undefined ? ` at step ${row.divergedAtStep}` : ''}</span>}
      </th>
      <td>{STATUS_TEXT[row.status]}</td>
      {kind.accuracy && <Cell note={notes?.validation}>{percent(row.finalValAccuracy)}</Cell>}
      {kind.accuracy && <td className="num">{percent(row.bestValAccuracy)}</td>}
      {!kind.accuracy && <td className="num">{number(row.bestLoss)}</td>}
      <td className="num">{row.bestEpoch ?? '–'}</td>
      {kind.accuracy && <Cell note={notes?.test}>{percent(row.testAccuracy)}</Cell>}
      {kind.accuracy && published && <PublishedCells figure={figure} row={row} />}
      <Cell note={kind.accuracy ? undefined : notes?.test}>{number(row.testLoss)}</Cell>
      {!kind.accuracy && published && <PublishedCells figure={figure} row={row} />}
      <Cell note={kind.accuracy ? undefined : notes?.validation}>
        {number(row.finalLoss)} / {number(row.finalValLoss)}
      </Cell>
      <td className="num">{formatDuration(row.seconds)}</td>
    </tr>
  );
}

/** Right after the lab's figure they compare with: test accuracy, or a VAE's test loss. */
function PublishedHeaders({ published }: { published: PublishedComparison }) {
  return (
    <>
      <th scope="col">Published {published.setup.experiment}</th>
      <th scope="col">Yours − published</th>
    </>
  );
}

function PublishedCells({ figure, row }: { figure: PublishedFigure | undefined; row: ResultRow }) {
  return (
    <>
      <td className="num">
        {figure ? (figure.metric === 'accuracy' ? percent(figure.value) : number(figure.value)) : '–'}
        {figure?.best && <small className="cell-note published-best">★ published best</small>}
        {figure?.says && <small className="cell-note">{figure.says}</small>}
        {figure?.differs && <small className="cell-note">{figure.differs}</small>}
      </td>
      <td className="num">{(figure && differenceText(figure, row)) ?? '–'}</td>
    </>
  );
}

function PublishedSetupNote({ published, config, rows }: { published: PublishedComparison; config: ExperimentConfigInput; rows: readonly ResultRow[] }) {
  const text = setupComparison(published, config, rows);
  return (
    <p className="published-setup">
      {text.published} <strong>{text.yours}</strong> Differences are your test figure minus the published one.
    </p>
  );
}
