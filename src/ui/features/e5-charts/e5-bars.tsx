/** E5's charts: training time per run and final metrics per run, as horizontal bars in run colours. */
import { useMemo, useRef } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunView } from '../../../client/types';
import { ChartDownload } from '../../components/chart-download';
import { Deferred } from '../../components/deferred';
import { safeFileName } from '../../components/download';
import { AXIS_TITLE_COLOR, runColor } from '../../components/palette';
import { formatValue } from '../live-charts/format';
import { resultRows } from '../results/results-model';
import { runBars, type RunBar } from './e5-model';

/**
 * The bars appear when the runs finish, with the results table and the confusion matrix;
 * each chart mounts in a later task of its own (delayMs), so that moment is not one long task.
 */
function BarCard({ title, fileName, data, children, unit, delayMs }: { title: string; fileName: string; data: RunBar[]; children: React.ReactNode; unit: string; delayMs: number }) {
  const height = 40 + data.length * 34;
  return (
    <Deferred delayMs={delayMs} height={height} label={title}>
      <BarFigure title={title} fileName={fileName} data={data} unit={unit} height={height}>
        {children}
      </BarFigure>
    </Deferred>
  );
}

function BarFigure({ title, fileName, data, children, unit, height }: { title: string; fileName: string; data: RunBar[]; children: React.ReactNode; unit: string; height: number }) {
  const figure = useRef<HTMLElement>(null);
  return (
    <figure className="chart-card" ref={figure} aria-label={title}>
      <figcaption>
        <h3>{title}</h3>
        <ChartDownload target={figure} name={fileName} title={title} />
      </figcaption>
      <div style={{ width: '100%', height }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 500, height }}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 16, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e3e3e3" horizontal={false} />
            <XAxis type="number" tickFormatter={formatValue} label={{ value: unit, position: 'insideBottom', offset: -8, fill: AXIS_TITLE_COLOR }} />
            <YAxis type="category" dataKey="label" width={170} interval={0} />
            <Tooltip isAnimationActive={false} formatter={(value) => formatValue(value)} />
            {children}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export function E5Bars({ runs, comparisonName }: { runs: readonly RunView[]; comparisonName: string }) {
  const { bars, metric } = useMemo(() => runBars(resultRows(runs)), [runs]);
  if (bars.length === 0) return null;
  const cells = (opacity: number) => bars.map((bar) => <Cell key={bar.runIndex} fill={runColor(bar.runIndex)} fillOpacity={opacity} />);
  const base = safeFileName(comparisonName);
  return (
    <section aria-labelledby="bars-heading" className="panel">
      <h2 id="bars-heading">Time and final metrics per run</h2>
      <div className="chart-grid">
        <BarCard title="Training time per run" fileName={`${base}-time`} data={bars} unit="seconds" delayMs={80}>
          <Bar dataKey="seconds" name="training time (s)" isAnimationActive={false}>
            {cells(1)}
          </Bar>
        </BarCard>
        <BarCard title={`Final ${metric} per run`} fileName={`${base}-${metric}`} data={bars} unit={metric} delayMs={160}>
          <Bar dataKey="test" name={`test ${metric}`} isAnimationActive={false}>
            {cells(1)}
          </Bar>
          <Bar dataKey="validation" name={metric === 'accuracy' ? 'best validation accuracy' : 'final validation loss'} isAnimationActive={false}>
            {cells(0.4)}
          </Bar>
        </BarCard>
      </div>
      <p className="field-help">
        Solid bars: test {metric}; pale bars: {metric === 'accuracy' ? 'best validation accuracy' : 'final validation loss'}.
      </p>
    </section>
  );
}
