/**
 * The confusion-matrix heatmap (own SVG): true class by row, predicted by column, each
 * cell its count and its share of the row, per-class accuracy at the right, any run with
 * a test result selectable.
 */
import { useMemo, useRef, useState } from 'react';
import type { RunView } from '../../../client/types';
import type { DatasetName } from '../../../engine/experiment/config';
import { ChartDownload } from '../../components/chart-download';
import { safeFileName } from '../../components/download';
import { classNamesFor } from '../datasets/dataset-info';
import { bestRun, resultRows } from '../results/results-model';
import { heatmap, percentText, shareColor, textColor } from './confusion-model';

const CELL = 46;
const LEFT = 104;
const TOP = 96;
const RIGHT = 76;

export function ConfusionMatrix({ runs, dataset, classNames, comparisonName }: {
  runs: readonly RunView[];
  dataset: DatasetName;
  classNames?: readonly string[];
  comparisonName: string;
}) {
  const defaultRunId = useMemo(() => bestRun(resultRows(runs))?.runId, [runs]);
  const withMatrix = runs.filter((run) => run.result?.test?.confusion);
  const [chosen, setChosen] = useState<string>();
  const run = withMatrix.find((r) => r.id === chosen) ?? withMatrix.find((r) => r.id === defaultRunId) ?? withMatrix[0];
  const matrix = run?.result?.test?.confusion;
  const map = useMemo(() => (matrix ? heatmap(matrix) : undefined), [matrix]);
  const figure = useRef<HTMLElement>(null);
  if (!run || !map) return null;

  const names = classNamesFor(dataset, classNames, map.size);
  const width = LEFT + map.size * CELL + RIGHT;
  const height = TOP + map.size * CELL + 30;
  const title = `Confusion matrix: ${run.label}`;
  return (
    <section aria-labelledby="confusion-heading" className="panel">
      <h2 id="confusion-heading">Confusion matrix</h2>
      <div className="field inline-field">
        <label htmlFor="confusion-run">Run</label>
        <select id="confusion-run" value={run.id} onChange={(event) => setChosen(event.target.value)}>
          {withMatrix.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
        <span className="field-help">
          Test accuracy {percentText(map.accuracy)} on {map.total.toLocaleString('en')} samples. Rows: true class; columns: predicted; shares are of the row.
        </span>
      </div>
      <figure className="chart-card confusion" ref={figure} aria-label={title}>
        <figcaption>
          <h3>{title}</h3>
          <ChartDownload target={figure} name={`${safeFileName(comparisonName)}-confusion-${safeFileName(run.label)}`} title={title} />
        </figcaption>
        <svg data-chart="" role="img" aria-label={`${title}, test accuracy ${percentText(map.accuracy)}`} viewBox={`0 0 ${width} ${height}`} width={width} height={height} className="heatmap" fontSize={11}>
          <text x={LEFT + (map.size * CELL) / 2} y={14} textAnchor="middle" fontWeight={600}>
            predicted class
          </text>
          <text transform={`translate(12 ${TOP + (map.size * CELL) / 2}) rotate(-90)`} textAnchor="middle" fontWeight={600}>
            true class
          </text>
          {names.map((name, i) => (
            <g key={name + i}>
              <text x={LEFT - 6} y={TOP + i * CELL + CELL / 2 + 4} textAnchor="end">
                {name}
              </text>
              <text transform={`translate(${LEFT + i * CELL + CELL / 2 + 4} ${TOP - 6}) rotate(-50)`}>{name}</text>
            </g>
          ))}
          {map.cells.map((cell) => (
            <g key={`${cell.row}-${cell.column}`} transform={`translate(${LEFT + cell.column * CELL} ${TOP + cell.row * CELL})`}>
              <rect width={CELL - 1} height={CELL - 1} fill={shareColor(cell.share)} stroke={cell.row === cell.column ? '#1a1a1a' : 'none'} strokeWidth={cell.row === cell.column ? 1 : 0} />
              <title>{`true ${names[cell.row]}, predicted ${names[cell.column]}: ${cell.count} (${percentText(cell.share)} of the row)`}</title>
              <text x={CELL / 2} y={CELL / 2 - 2} textAnchor="middle" fill={textColor(cell.share)} fontWeight={600}>
                {cell.count}
              </text>
              <text x={CELL / 2} y={CELL / 2 + 11} textAnchor="middle" fill={textColor(cell.share)} fontSize={9}>
                {percentText(cell.share)}
              </text>
            </g>
          ))}
          <text x={LEFT + map.size * CELL + RIGHT / 2} y={TOP - 8} textAnchor="middle" fontWeight={600}>
            accuracy
          </text>
          {map.perClass.map((value, i) => (
            <text key={i} x={LEFT + map.size * CELL + RIGHT / 2} y={TOP + i * CELL + CELL / 2 + 4} textAnchor="middle">
              {percentText(value)}
            </text>
          ))}
        </svg>
      </figure>
    </section>
  );
}
