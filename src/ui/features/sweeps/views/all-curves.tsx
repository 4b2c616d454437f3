/**
 * Every trial's curve on one chart (E3's figures): colour by the first setting's value,
 * dash by the second's, a legend of the varied values, and filters that hide trials by
 * value.
 */
import { AXIS_TITLE_COLOR } from '../../../components/palette';
import { useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrialOutcome } from '../../../../engine/sweeps/outcome';
import type { Trial } from '../../../../engine/sweeps/trials';
import { ChartFigure } from '../../../components/chart-figure';
import { formatTick, formatValue } from '../../live-charts/format';
import { CURVE_METRICS, curveLines, curveRows, filterGroups, type CurveMetric, type HiddenValues } from './curves-model';

export function AllCurves({ trials, params, outcomes, kind, fileName }: {
  trials: readonly Trial[];
  params: readonly string[];
  outcomes: Readonly<Record<string, TrialOutcome>>;
  kind: 'grid' | 'random';
  fileName: string;
}) {
  const [metric, setMetric] = useState<CurveMetric>('loss');
  const [logY, setLogY] = useState(false);
  const [hidden, setHidden] = useState<HiddenValues>({});
  const available = useMemo(
    () => (Object.keys(CURVE_METRICS) as CurveMetric[]).filter((m) => Object.values(outcomes).some((o) => o.curves[m]?.length)),
    [outcomes],
  );
  const groups = useMemo(() => filterGroups(trials, params), [trials, params]);
  const lines = useMemo(() => curveLines({ trials, params, outcomes, metric, hidden, kind }), [trials, params, outcomes, metric, hidden, kind]);
  const rows = useMemo(() => curveRows(lines, logY), [lines, logY]);
  const toggle = (param: string, key: string) =>
    setHidden((current) => {
      const keys = new Set(current[param] ?? []);
      if (keys.has(key)) keys.delete(key);
      else keys.add(key);
      return { ...current, [param]: keys };
    });
  const title = `All ${CURVE_METRICS[metric]} curves`;
  return (
    <section aria-labelledby="all-curves-heading" className="panel">
      <h2 id="all-curves-heading">All curves</h2>
      <div className="chart-options">
        <label className="inline">
          Metric
          <select value={metric} onChange={(event) => setMetric(event.target.value as CurveMetric)}>
            {available.map((m) => (
              <option key={m} value={m}>
                {CURVE_METRICS[m]}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={logY} onChange={(event) => setLogY(event.target.checked)} />
          Log scale
        </label>
      </div>
      {groups.map((group) => (
        <div key={group.param} className="run-legend" role="group" aria-label={`Show trials by ${group.label}`}>
          <span className="field-help">{group.label}:</span>
          {group.values.map((value) => {
            const shown = !hidden[group.param]?.has(value.key);
            return (
              <button key={value.key} type="button" className="legend-item" aria-pressed={shown} onClick={() => toggle(group.param, value.key)}>
                {value.text}
              </button>
            );
          })}
        </div>
      ))}
      <ChartFigure title={title} fileName={fileName}>
        <div style={{ width: '100%', height: 340, position: 'relative' }}>
          {lines.length === 0 && <p className="chart-empty">Curves appear as the trials end.</p>}
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 700, height: 340 }}>
            <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e3e3e3" />
              <XAxis type="number" dataKey="x" domain={[1, 'dataMax']} allowDecimals={false} tickFormatter={formatTick} label={{ value: 'Epoch', position: 'insideBottom', offset: -12, fill: AXIS_TITLE_COLOR }} />
              <YAxis type="number" scale={logY ? 'log' : 'auto'} domain={['auto', 'auto']} tickFormatter={formatTick} width={64} label={{ value: CURVE_METRICS[metric], angle: -90, position: 'insideLeft', offset: 4, fill: AXIS_TITLE_COLOR }} />
              <Tooltip isAnimationActive={false} formatter={(value) => formatValue(value)} labelFormatter={(x) => `Epoch ${x}`} />
              {lines.map((line, i) => (
                <Line key={line.trialId} dataKey={`c${i}`} name={line.label} stroke={line.color} strokeDasharray={line.dash || undefined} strokeWidth={2} strokeOpacity={0.8} dot={line.values.length <= 2 ? { r: 3, fill: line.color } : false} connectNulls isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
        <ul className="curve-legend" aria-label="Trials on the chart">
          {lines.map((line) => (
            <li key={line.trialId}>
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" y1="5" x2="28" y2="5" stroke={line.color} strokeWidth="2.5" strokeDasharray={line.dash || undefined} />
              </svg>
              {line.label}
            </li>
          ))}
        </ul>
      </ChartFigure>
    </section>
  );
}
