/**
 * One line chart of a comparison: per run a faint line (training metric dashed, or the
 * raw batch loss drawn thin and pale) and a main line (validation solid, or the smoothed
 * loss), in the run's colour. Live data: no animations; rows are shaped and memoised by
 * the caller.
 */
import { memo, useMemo, useRef } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartDownload } from '../../components/chart-download';
import { AXIS_TITLE_COLOR, runColor } from '../../components/palette';
import { useThrottledValue } from '../../components/use-throttled-value';
import { CHART_LOOKS, type ChartLook } from '../lecture-mode/chart-look';
import { EndLabels, type EndLabelLine } from '../lecture-mode/end-labels';
import { useLectureMode } from '../lecture-mode/lecture-mode-context';
import { formatTick, formatValue, niceTicks } from './format';
import { lineKey, type ChartRow } from './series';

export interface ChartRun {
  readonly label: string;
  readonly hidden: boolean;
  readonly points: number;
}

export interface LineChartCardProps {
  readonly title: string;
  readonly fileName: string;
  readonly rows: readonly ChartRow[];
  readonly runs: readonly ChartRun[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly logY: boolean;
  /** 'epoch': dashed training, solid validation. 'batch': pale raw, solid smoothed. */
  readonly style: 'epoch' | 'batch';
  readonly faintName: string;
  readonly mainName: string;
  readonly height?: number;
  /** Whole-number x ticks (epochs on the epoch charts). */
  readonly integerX?: boolean;
  /**
   * Offset of this chart's updates (see useThrottledValue): charts of one comparison get
   * different phases, so that their renders fall in separate tasks.
   */
  readonly phaseMs?: number;
}


/** Live charts redraw at most this often: a render per record batch would hold the page. */
export const LIVE_CHART_INTERVAL_MS = 250;

function LineChartCardImpl(props: LineChartCardProps) {
  const { title, fileName, xLabel, yLabel, logY, style, faintName, mainName, height = 260, integerX = false, phaseMs = 0 } = props;
  const data = useMemo(() => ({ rows: props.rows, runs: props.runs }), [props.rows, props.runs]);
  const shown = useThrottledValue(data, LIVE_CHART_INTERVAL_MS, phaseMs);
  const { rows, runs } = shown;
  const figure = useRef<HTMLElement>(null);
  const epoch = style === 'epoch';
  const xMax = rows.at(-1)?.x ?? 1;
  const xTicks = useMemo(() => niceTicks(xMax, 5, integerX), [xMax, integerX]);
  const look: ChartLook = CHART_LOOKS[useLectureMode().on ? 'lecture' : 'normal'];
  const ends = useMemo(() => (look.endLabels ? lineEnds(rows, runs) : []), [look.endLabels, rows, runs]);
  const tick = look.type ? { fontSize: look.type.tick } : true;
  const axisTitle = { fill: AXIS_TITLE_COLOR, ...(look.type ? { fontSize: look.type.axisTitle } : {}) };
  return (
    <figure className="chart-card" ref={figure} aria-label={title} aria-busy={shown !== data}>
      <figcaption>
        <h3>{title}</h3>
        <ChartDownload target={figure} name={fileName} title={title} />
      </figcaption>
      {/* In lecture mode the stylesheet sizes the plot to the screen (--lecture-chart-height). */}
      <div className="chart-plot" style={{ width: '100%', height: look.plotHeight ?? height, position: 'relative' }}>
        {rows.length === 0 && <p className="chart-empty">{epoch ? 'Points appear as each epoch ends.' : 'Waiting for the first batches.'}</p>}
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
          <LineChart data={rows as ChartRow[]} margin={{ top: 8, ...look.margin, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e3e3e3" />
            <XAxis
              type="number"
              dataKey="x"
              domain={[0, xTicks.at(-1)!]}
              ticks={xTicks}
              allowDecimals={!integerX}
              tickFormatter={formatTick}
              tick={tick}
              label={{ value: xLabel, position: 'insideBottom', offset: look.xTitleOffset, ...axisTitle }}
            />
            <YAxis
              type="number"
              scale={logY ? 'log' : 'auto'}
              domain={['auto', 'auto']}
              allowDataOverflow={false}
              tickFormatter={formatTick}
              width={look.yAxisWidth}
              tick={tick}
              label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: 4, textAnchor: 'middle', ...axisTitle }}
            />
            <Tooltip isAnimationActive={false} formatter={(value) => formatValue(value)} labelFormatter={(x) => `${xLabel} ${formatValue(x)}`} />
            {runs.flatMap((run, i) => [
              <Line
                key={lineKey(i, 'faint')}
                dataKey={lineKey(i, 'faint')}
                name={`${run.label} (${faintName})`}
                stroke={runColor(i)}
                strokeWidth={epoch ? look.faintStrokeWidth : look.faintStrokeWidth - 0.5}
                strokeOpacity={epoch ? 0.9 : 0.25}
                strokeDasharray={epoch ? '5 4' : undefined}
                dot={epoch && run.points <= 40 ? { r: 2 } : false}
                activeDot={epoch ? { r: 3 } : false}
                tooltipType={epoch ? undefined : 'none'}
                connectNulls
                hide={run.hidden}
                isAnimationActive={false}
              />,
              <Line
                key={lineKey(i, 'main')}
                dataKey={lineKey(i, 'main')}
                name={`${run.label} (${mainName})`}
                stroke={runColor(i)}
                strokeWidth={look.mainStrokeWidth}
                dot={epoch && run.points <= 40 ? { r: 2.5 } : false}
                connectNulls
                hide={run.hidden}
                isAnimationActive={false}
              />,
            ])}
            {look.endLabels && <EndLabels lines={ends} fontSize={look.type?.tick ?? 15} />}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Each shown run's last main point, for the names at the lines' ends. */
function lineEnds(rows: readonly ChartRow[], runs: readonly ChartRun[]): EndLabelLine[] {
  return runs.flatMap((run, i) => {
    if (run.hidden) return [];
    const key = lineKey(i, 'main');
    for (let r = rows.length - 1; r >= 0; r--) {
      const y = rows[r]![key];
      if (y !== undefined && Number.isFinite(y)) return [{ key, label: run.label, color: runColor(i), x: rows[r]!.x, y }];
    }
    return [];
  });
}

export const LineChartCard = memo(LineChartCardImpl);
