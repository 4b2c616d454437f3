/**
 * "Inside the optimizer": what the probes measured, over steps. For one run (picked):
 * per layer its gradient norm, weight norm and update-to-weight ratio, the optimizer's
 * first and second moments, and the spread of its effective per-parameter step sizes;
 * for all runs side by side, their median effective step. This is where Adagrad's steps
 * can be seen shrinking as its accumulator grows, and Adam's staying near lr.
 */
import { useMemo, useState } from 'react';
import type { ComparisonView, RunView } from '../../../client/types';
import { safeFileName } from '../../components/download';
import { SelectField } from '../../components/field';
import { Fold } from '../../components/fold';
import { Deferred } from '../../components/deferred';
import { chartRuns, useHiddenLines } from '../live-charts/legend-state';
import { LIVE_CHART_INTERVAL_MS, LineChartCard } from '../live-charts/line-chart-card';
import { RunLegend } from '../live-charts/run-legend';
import { useRunsUnchangedIn } from '../live-charts/stable-runs';
import { toRows, type LinePair } from '../live-charts/series';
import { LAYER_METRICS, hasLayerMetric, layerLines, layersOf, medianStepLines, stepQuantileLines, type LayerMetric } from './insight-series';

const QUANTILE_LABELS = ['10th percentile', 'median', '90th percentile'];
const METRICS: readonly LayerMetric[] = ['gradNorm', 'weightNorm', 'updateRatio', 'firstMoment', 'secondMoment'];

const CHART_HEIGHT = 220;
/**
 * Up to seven charts appear together here. Each mounts in a task of its own (STAGGER_MS
 * apart) and updates at its own phase of the live-chart interval, so neither their
 * appearance nor their updates hold the page for the sum of them.
 */
const STAGGER_MS = 60;

function Chart(props: { index: number; title: string; file: string; lines: readonly LinePair[]; labels: readonly string[]; hidden: ReadonlySet<number>; yLabel: string; name: string }) {
  const rows = useMemo(() => toRows(props.lines), [props.lines]);
  const runs = useMemo(() => chartRuns(props.labels, props.lines, props.hidden), [props.labels, props.lines, props.hidden]);
  const delayMs = props.index * STAGGER_MS;
  return (
    <Deferred delayMs={delayMs} height={CHART_HEIGHT} label={props.title}>
      <LineChartCard title={props.title} fileName={props.file} rows={rows} runs={runs} xLabel="Step" yLabel={props.yLabel} logY style="batch" faintName="" mainName={props.name} height={CHART_HEIGHT} phaseMs={delayMs % LIVE_CHART_INTERVAL_MS} />
    </Deferred>
  );
}

function RunInsight({ run, file }: { run: RunView; file: (chart: string) => string }) {
  const probes = run.probes ?? [];
  const layers = useMemo(() => layersOf(probes), [probes]);
  const [hiddenLayers, toggleLayer] = useHiddenLines();
  const [hiddenQuantiles, toggleQuantile] = useHiddenLines();
  const shown = METRICS.filter((metric) => hasLayerMetric(probes, metric));
  const byMetric = useMemo(() => Object.fromEntries(METRICS.map((metric) => [metric, layerLines(probes, metric)])) as Record<LayerMetric, LinePair[]>, [probes]);
  const quantiles = useMemo(() => stepQuantileLines(probes), [probes]);
  const hasSteps = probes.some((p) => p.stepSizes);
  return (
    <>
      <RunLegend labels={layers} hidden={hiddenLayers} onToggle={toggleLayer} name="Layers shown" lineKey={false} />
      <div className="chart-grid">
        {shown.map((metric, index) => (
          <Chart
            key={metric}
            index={index}
            title={LAYER_METRICS[metric].title}
            file={file(metric)}
            lines={byMetric[metric]}
            labels={layers}
            hidden={hiddenLayers}
            yLabel={LAYER_METRICS[metric].yLabel}
            name={LAYER_METRICS[metric].yLabel}
          />
        ))}
      </div>
      {hasSteps && (
        <>
          <p className="field-help">What each parameter’s update multiplies its gradient (Adam: its first moment) by: lr for SGD, lr / (√v + ε) for the adaptive optimizers.</p>
          <RunLegend labels={QUANTILE_LABELS} hidden={hiddenQuantiles} onToggle={toggleQuantile} name="Percentiles shown" lineKey={false} />
          <div className="chart-grid">
            <Chart index={shown.length} title={`Effective step size of ${run.label}`} file={file('step-sizes')} lines={quantiles} labels={QUANTILE_LABELS} hidden={hiddenQuantiles} yLabel="step size" name="step size" />
          </div>
        </>
      )}
    </>
  );
}

/** Probe samples arrive every few steps, records ten times a second. */
const sameProbes = (run: RunView, before: RunView) => run.probes === before.probes && run.label === before.label;

/**
 * The charts sit in a fold, closed at first: they are built only when someone opens it,
 * so a comparison in progress does not pay for charts nobody is looking at.
 */
export function OptimizerInsight({ comparison }: { comparison: ComparisonView }) {
  const runs = useRunsUnchangedIn(comparison.runs, sameProbes);
  const probed = runs.filter((run) => (run.probes?.length ?? 0) > 0);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const [hiddenRuns, toggleRun] = useHiddenLines();
  const medians = useMemo(() => medianStepLines(runs), [runs]);
  const labels = useMemo(() => runs.map((run) => run.label), [runs]);
  const run = probed.find((r) => r.id === picked) ?? probed[0];
  const file = (chart: string) => `${safeFileName(comparison.name)}-${run ? safeFileName(run.label) : 'runs'}-${chart}`;
  return (
    <section aria-labelledby="insight-heading" className="panel">
      <h2 id="insight-heading">Inside the optimizer</h2>
      {!run ? (
        <p className="field-help">
          {comparison.status === 'running' || comparison.status === 'paused'
            ? 'Measurements appear after the first steps: the lab looks inside every run every few steps.'
            : 'No measurements of the optimizers were saved with this comparison.'}
        </p>
      ) : (
        <Fold summary="Per-layer norms, moments and step sizes, measured every few steps">
          <p className="field-help">Log scales. Pick a run to see its layers and its optimizer’s state.</p>
          <SelectField
            path="insight.run"
            label="Run"
            className="inline-field"
            value={run.id}
            options={probed.map((r) => ({ value: r.id, label: r.label }))}
            onChange={setPicked}
          />
          <RunInsight key={run.id} run={run} file={file} />
          <RunLegend labels={labels} hidden={hiddenRuns} onToggle={toggleRun} name="Runs shown in the step-size chart" lineKey={false} />
          <div className="chart-grid">
            <Chart index={METRICS.length + 1} title="Median effective step, all runs" file={`${safeFileName(comparison.name)}-median-steps`} lines={medians} labels={labels} hidden={hiddenRuns} yLabel="step size" name="median step" />
          </div>
        </Fold>
      )}
    </section>
  );
}
