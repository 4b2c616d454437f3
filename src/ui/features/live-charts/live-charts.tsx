/**
 * Watching it train: loss and accuracy per epoch, and the per-batch loss with its
 * moving average, for the comparison on screen. Shaping is memoised and the smoothing
 * value deferred, so dragging the slider never blocks the page. The chart settings and
 * the hidden runs come from the caller (`useChartView`), which shares them with the run
 * list beside the charts.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { useLectureMode } from '../lecture-mode/lecture-mode-context';
import { LECTURE_SHORTCUT_KEY, LectureToggle } from '../lecture-mode/lecture-toggle';
import { chartRuns } from './legend-state';
import { useRunsUnchangedIn } from './stable-runs';
import type { ComparisonView, RunView } from '../../../client/types';
import { safeFileName } from '../../components/download';
import { ChartOptions } from './chart-options';
import type { ChartView } from './chart-view';
import { LIVE_CHART_INTERVAL_MS, LineChartCard } from './line-chart-card';
import { LineStyleKey } from './run-legend';
import { LossViewSwitch } from './loss-view-switch';
import { batchLossLines, epochLines, hasMetric, LOSS_VIEW_AXES, toRows, X_MODE_LABELS, type LossView } from './series';

/** Between the updates of the three charts: a third of their interval, so each renders in its own task. */
const PHASE_MS = Math.round(LIVE_CHART_INTERVAL_MS / 3);

const sameEpochs = (run: RunView, before: RunView) => run.epochs === before.epochs;

export interface LiveChartsProps {
  readonly comparison: ComparisonView;
  readonly view: ChartView;
}

export function LiveCharts({ comparison, view }: LiveChartsProps) {
  const { options, setOptions, hidden } = view;
  const lecture = useLectureMode().on;
  const [lossView, setLossView] = useState<LossView>('loss');
  const smoothing = useDeferredValue(options.smoothing);
  const { runs } = comparison;
  const { xMode, logY } = options;
  // Epoch mode needs the ticks per epoch until a run finishes its first epoch; step mode needs nothing.
  const axisProgress = xMode === 'step' ? undefined : comparison.progress;

  // Stable while the labels are: the epoch charts then skip re-rendering on smoothing changes.
  const labelKey = JSON.stringify(runs.map((run) => run.label));
  const labels = useMemo(() => JSON.parse(labelKey) as string[], [labelKey]);
  // The epoch charts change only when an epoch ends, not with every batch of records.
  const epochRuns = useRunsUnchangedIn(runs, sameEpochs);
  // A generative comparison's loss has parts (reconstruction, KL) to show instead of the total.
  const hasParts = useMemo(() => hasMetric(epochRuns, 'kl'), [epochRuns]);
  const shownLoss = hasParts ? lossView : 'loss';
  const loss = useMemo(() => epochLines(epochRuns, shownLoss, { xMode, logY }), [epochRuns, shownLoss, xMode, logY]);
  const accuracy = useMemo(() => epochLines(epochRuns, 'accuracy', { xMode, logY: false }), [epochRuns, xMode]);
  const batches = useMemo(() => batchLossLines(runs, { xMode, logY, smoothing, progress: axisProgress }), [runs, xMode, logY, smoothing, axisProgress]);
  const lossRows = useMemo(() => toRows(loss), [loss]);
  const accuracyRows = useMemo(() => toRows(accuracy), [accuracy]);
  const batchRows = useMemo(() => toRows(batches), [batches]);
  const showAccuracy = useMemo(() => hasMetric(epochRuns, 'accuracy'), [epochRuns]);
  const lossRuns = useMemo(() => chartRuns(labels, loss, hidden), [labels, loss, hidden]);
  const accuracyRuns = useMemo(() => chartRuns(labels, accuracy, hidden), [labels, accuracy, hidden]);
  const batchRuns = useMemo(() => chartRuns(labels, batches, hidden), [labels, batches, hidden]);

  const xLabel = X_MODE_LABELS[xMode];
  const file = (chart: string) => `${safeFileName(comparison.name)}-${chart}`;

  return (
    <section aria-labelledby="curves-heading" className="panel">
      <div className="panel-head">
        <h2 id="curves-heading">Curves</h2>
        <LectureToggle shortcut={LECTURE_SHORTCUT_KEY} />
      </div>
      <div className="curves-bar">
        <ChartOptions value={options} onChange={setOptions} />
        <LineStyleKey />
      </div>
      {hasParts && <LossViewSwitch value={lossView} onChange={setLossView} />}
      <div className="chart-grid">
        <LineChartCard
          title="Loss per epoch"
          fileName={file(shownLoss === 'loss' ? 'loss' : `loss-${shownLoss}`)}
          rows={lossRows}
          runs={lossRuns}
          xLabel={xLabel}
          yLabel={LOSS_VIEW_AXES[shownLoss]}
          logY={logY}
          style="epoch"
          integerX={xMode === 'epoch'}
          faintName="train"
          mainName="validation"
          phaseMs={PHASE_MS}
        />
        {showAccuracy && (
          <LineChartCard
            title="Accuracy per epoch"
            fileName={file('accuracy')}
            rows={accuracyRows}
            runs={accuracyRuns}
            xLabel={xLabel}
            yLabel="accuracy"
            logY={false}
            style="epoch"
            integerX={xMode === 'epoch'}
            faintName="train"
            mainName="validation"
            phaseMs={2 * PHASE_MS}
          />
        )}
        {/* A lecture shows the epoch curves, large, with the results below them on one screen. */}
        {!lecture && <LineChartCard
          title="Loss per batch"
          fileName={file('batch-loss')}
          rows={batchRows}
          runs={batchRuns}
          xLabel={xLabel}
          yLabel="loss"
          logY={logY}
          style="batch"
          faintName="raw"
          mainName={smoothing > 0 ? `smoothed ${smoothing.toFixed(2)}` : 'raw'}
        />}
      </div>
    </section>
  );
}
