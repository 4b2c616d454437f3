/**
 * The valley chart (E4): the ranking metric against the swept number on a log axis, one
 * line per value of the other setting. Trials without a value break their line and sit
 * as marked points on the band at the top (✕ diverged, ○ not reached, ! failed).
 */
import { useMemo, useState } from 'react';
import { CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../../../components/chart-figure';
import { AXIS_TITLE_COLOR, runColor } from '../../../components/palette';
import { formatTick, formatValue } from '../../live-charts/format';
import { logAxis, loggable } from './valley-axis';
import type { Valley, ValleyPoint } from './valley-model';

const MARKS: Readonly<Record<string, { symbol: string; color: string; text: string }>> = {
  diverged: { symbol: '✕', color: '#D55E00', text: 'diverged' },
  'not-reached': { symbol: '○', color: '#555555', text: 'not reached' },
  'no-value': { symbol: '○', color: '#555555', text: 'no value' },
  failed: { symbol: '!', color: '#b3261e', text: 'failed' },
};

interface MarkerProps {
  readonly cx?: number;
  readonly cy?: number;
  readonly payload?: ValleyPoint;
}

function Marker({ cx = 0, cy = 0, payload }: MarkerProps) {
  const mark = MARKS[payload?.verdict ?? 'no-value']!;
  return (
    <text x={cx} y={cy + 5} textAnchor="middle" fontSize={15} fontWeight={700} fill={mark.color} className="valley-marker" data-verdict={payload?.verdict}>
      {mark.symbol}
    </text>
  );
}

/** Ticks a log axis can read: the decades inside the data, or the swept values themselves when it spans less than two. */
export function logTicks(xs: readonly number[]): number[] {
  const low = Math.min(...xs);
  const high = Math.max(...xs);
  const decades: number[] = [];
  for (let e = Math.ceil(Math.log10(low) - 1e-9); e <= Math.floor(Math.log10(high) + 1e-9); e++) decades.push(Number((10 ** e).toPrecision(12)));
  if (decades.length >= 2) return decades.length > 9 ? decades.filter((_, i) => i % Math.ceil(decades.length / 8) === 0) : decades;
  const values = [...new Set(xs)].sort((a, b) => a - b);
  return values.length > 6 ? values.filter((_, i) => i % Math.ceil(values.length / 6) === 0) : values;
}

export function ValleyChart({ valley, yLabel, title, fileName }: { valley: Valley; yLabel: string; title: string; fileName: string }) {
  const ys = useMemo(() => valley.series.flatMap((s) => s.points.flatMap((p) => (p.y === null ? [] : [p.y]))), [valley]);
  const [logChosen, setLogChosen] = useState(false);
  const canLog = loggable(ys);
  const log = logChosen && canLog ? logAxis(ys) : undefined;
  const top = ys.length > 0 ? Math.max(...ys) * 1.15 || 1 : 1;
  const bottom = ys.length > 0 ? Math.min(0, Math.min(...ys)) : 0;
  const band = log?.band ?? top * 1.04;
  const markers = useMemo(() => valley.markers.map((m) => ({ ...m, y: band })), [valley.markers, band]);
  const xs = valley.series.flatMap((s) => s.points.map((p) => p.x));
  const drawn = xs.length > 0;
  return (
    <ChartFigure title={title} fileName={fileName}>
      <label className="inline" title={canLog || ys.length === 0 ? undefined : 'Needs every value above 0'}>
        <input type="checkbox" checked={logChosen && canLog} disabled={!canLog} onChange={(event) => setLogChosen(event.target.checked)} />
        Log scale ({yLabel})
      </label>
      <div style={{ width: '100%', height: 300, position: 'relative' }}>
        {!drawn && <p className="chart-empty">Points appear as the trials end.</p>}
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 300 }}>
          <ComposedChart margin={{ top: 12, right: 20, bottom: 22, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e3e3e3" />
            <XAxis
              type="number"
              dataKey="x"
              scale={valley.logX ? 'log' : 'auto'}
              domain={drawn ? [Math.min(...xs), Math.max(...xs)] : [1, 10]}
              ticks={drawn && valley.logX ? logTicks(xs) : undefined}
              allowDataOverflow
              tickFormatter={formatTick}
              label={{ value: `${valley.xLabel}${valley.logX ? ' (log scale)' : ''}`, position: 'insideBottom', offset: -14, fill: AXIS_TITLE_COLOR }}
            />
            <YAxis
              type="number"
              dataKey="y"
              scale={log ? 'log' : 'auto'}
              domain={log ? [...log.domain] : [bottom, band * 1.04]}
              ticks={log ? [...log.ticks] : undefined}
              allowDataOverflow
              tickFormatter={formatTick}
              width={64}
              label={{ value: `${yLabel}${log ? ' (log)' : ''}`, angle: -90, position: 'insideLeft', offset: 4, fill: AXIS_TITLE_COLOR }}
            />
            <Tooltip isAnimationActive={false} formatter={(value) => formatValue(value)} labelFormatter={(x) => `${valley.xLabel} ${formatValue(x)}`} />
            {valley.markers.length > 0 && <ReferenceLine y={band} stroke="#b0b0b0" strokeDasharray="4 4" label={{ value: 'no value: ✕ diverged · ○ not reached', position: 'insideTopRight', fontSize: 11, fill: '#555' }} />}
            {valley.series.map((series, i) => (
              <Line
                key={series.name}
                data={series.points as ValleyPoint[]}
                dataKey="y"
                name={series.name}
                stroke={runColor(i)}
                strokeWidth={2}
                strokeOpacity={valley.connect ? 1 : 0}
                dot={{ r: 3.5, fill: runColor(i) }}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
            {markers.length > 0 && <Scatter data={markers} dataKey="y" name="no value" shape={<Marker />} isAnimationActive={false} />}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      {valley.series.length > 1 && (
        <div className="run-legend" aria-label="Lines">
          {valley.series.map((series, i) => (
            <span key={series.name} className="legend-item">
              <svg width="22" height="10" aria-hidden="true">
                <line x1="0" y1="5" x2="22" y2="5" stroke={runColor(i)} strokeWidth="3" />
              </svg>
              {series.name}
            </span>
          ))}
        </div>
      )}
    </ChartFigure>
  );
}
