/**
 * The heatmap of a grid (own SVG, like the confusion matrix): one cell per trial, its
 * ranking metric written in it and coloured with viridis by how good it is among the
 * grid (yellow the best); the best cell is outlined and starred. A cell without a value
 * stays grey, hatched, and says why.
 */
import { ChartFigure } from '../../../components/chart-figure';
import { sequentialColor, sequentialTextColor } from '../../../components/palette';
import { formatValue } from '../../live-charts/format';
import type { HeatCell, SweepHeatmap } from './heatmap-model';

const CELL_W = 72;
const CELL_H = 40;
const LEFT = 110;
const TOP = 64;
/** The colour key under the grid, two lines from the left edge: its width, and where its swatches start. */
const KEY = { x: 12, swatches: 46, swatch: 14, width: 250, height: 40 } as const;

const VERDICT_TEXT: Readonly<Record<HeatCell['verdict'], string>> = {
  value: '',
  'not-reached': 'not reached',
  diverged: 'diverged',
  failed: 'failed',
  pending: '…',
  'no-value': '–',
};

function cellText(cell: HeatCell): string {
  return cell.value !== undefined ? `${cell.best ? '★ ' : ''}${formatValue(cell.value)}` : VERDICT_TEXT[cell.verdict];
}

export function SweepHeatmapChart({ map, metricLabel, title, fileName }: { map: SweepHeatmap; metricLabel: string; title: string; fileName: string }) {
  // Room for the colour key under the grid, however few columns it has.
  const width = Math.max(LEFT + map.columns.length * CELL_W + 16, KEY.x + KEY.width);
  const height = TOP + map.rows.length * CELL_H + 14 + KEY.height;
  const best = map.best;
  const summary = best ? `best: ${best.label}, ${metricLabel} ${formatValue(best.value)}` : 'no trial has a value yet';
  return (
    <ChartFigure title={title} fileName={fileName} className="heatmap-card">
      <svg data-chart="" role="img" aria-label={`${title}: ${summary}`} viewBox={`0 0 ${width} ${height}`} width={width} height={height} className="heatmap" fontSize={11}>
        <defs>
          <pattern id="no-value-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#eeeeee" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#cccccc" strokeWidth="2" />
          </pattern>
        </defs>
        <text x={LEFT + (map.columns.length * CELL_W) / 2} y={14} textAnchor="middle" fontWeight={600}>
          {map.columnLabel}
        </text>
        {map.rowLabel && (
          <text transform={`translate(12 ${TOP + (map.rows.length * CELL_H) / 2}) rotate(-90)`} textAnchor="middle" fontWeight={600}>
            {map.rowLabel}
          </text>
        )}
        {map.columns.map((name, i) => (
          <text key={`c${i}`} x={LEFT + i * CELL_W + CELL_W / 2} y={TOP - 10} textAnchor="middle">
            {name}
          </text>
        ))}
        {map.rows.map((name, i) => (
          <text key={`r${i}`} x={LEFT - 8} y={TOP + i * CELL_H + CELL_H / 2 + 4} textAnchor="end">
            {name}
          </text>
        ))}
        {map.cells.map((cell) => {
          const fill = cell.goodness !== undefined ? sequentialColor(cell.goodness) : 'url(#no-value-hatch)';
          const ink = cell.goodness !== undefined ? sequentialTextColor(cell.goodness) : '#444444';
          return (
            <g key={cell.trialId} transform={`translate(${LEFT + cell.column * CELL_W} ${TOP + cell.row * CELL_H})`} className="heat-cell" data-best={cell.best || undefined}>
              <rect width={CELL_W - 2} height={CELL_H - 2} fill={fill} stroke={cell.best ? '#000000' : 'none'} strokeWidth={cell.best ? 3 : 0} />
              <title>{`${cell.label}: ${cell.value !== undefined ? `${metricLabel} ${formatValue(cell.value)}` : VERDICT_TEXT[cell.verdict]}${cell.best ? ' (best)' : ''}`}</title>
              <text x={(CELL_W - 2) / 2} y={CELL_H / 2 + 3} textAnchor="middle" fill={ink} fontWeight={cell.best ? 700 : 500}>
                {cellText(cell)}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${KEY.x} ${TOP + map.rows.length * CELL_H + 14})`} className="heatmap-legend">
          <text y={9}>worse</text>
          {Array.from({ length: 10 }, (_, i) => (
            <rect key={i} x={KEY.swatches + i * KEY.swatch} width={KEY.swatch} height={10} fill={sequentialColor(i / 9)} />
          ))}
          <text x={KEY.swatches + 10 * KEY.swatch + 6} y={9}>
            better
          </text>
          <text y={26}>★ best · hatched: no value</text>
        </g>
      </svg>
    </ChartFigure>
  );
}
