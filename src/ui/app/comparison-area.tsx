/**
 * Layout of the comparison on screen, run first (TensorBoard's): a slim column with the
 * progress and controls, the runs (colour, shown or hidden, where each stands) and then
 * whatever the caller puts below them (the history); beside it, the charts take the
 * width: curves, results (both in view on a large screen), the diagnosis, the
 * optimizers' insides, a VAE's images, confusion matrix, bars. The progress panel and the run list follow the store at once;
 * the charts and tables get the comparison through useDeferredValue, so React renders
 * them in a transition that it can interrupt: records arriving ten times a second never
 * hold the page for long.
 */
import { memo, useDeferredValue, useRef, type ReactNode } from 'react';
import { ConfusionMatrix } from '../features/confusion-matrix/confusion-matrix';
import { DiagnosisPanel } from '../features/diagnosis/diagnosis-panel';
import { E5Bars } from '../features/e5-charts/e5-bars';
import { useChartView, type ChartView } from '../features/live-charts/chart-view';
import { LiveCharts } from '../features/live-charts/live-charts';
import { RunSelector } from '../features/live-charts/run-selector';
import { OptimizerInsight } from '../features/optimizer-insight/optimizer-insight';
import { ProgressPanel } from '../features/progress/progress-panel';
import { ResultsTable } from '../features/results/results-table';
import { VaeGallery } from '../features/vae-gallery/vae-gallery';
import type { ComparisonView } from '../../client/types';
import { useLabState } from './lab-store-context';

export function EmptyComparison() {
  return (
    <section className="panel empty-state" aria-labelledby="empty-heading">
      <h2 id="empty-heading">No comparison on screen</h2>
      <p>Pick a preset or set up your own comparison, then press Start: the curves appear here as the optimizers train, side by side from the same initial weights.</p>
      <p>Past comparisons are in the history; open one to see its charts again.</p>
    </section>
  );
}

export function ComparisonArea({ below }: { below?: ReactNode }) {
  const live = useLabState((s) => s.current);
  const charted = useChartedComparison(live);
  const comparison = useDeferredValue(charted);
  const dataset = useLabState((s) => (s.current ? s.datasets[s.current.config.dataset.name] : undefined));
  // Chart settings and hidden runs belong to the comparison on screen: a new one starts from the defaults.
  const view = useChartView(live?.id);
  if (!live || !comparison) return <EmptyComparison />;
  return (
    <div className="run-first">
      <div className="run-column">
        <ProgressPanel comparison={live} runList={false} />
        <RunSelector comparison={live} view={view} />
        {below}
      </div>
      {/* Busy while the charts show an older state than the progress panel (a person never notices; tests wait for it). */}
      <div className="chart-column" aria-busy={comparison !== charted}>
        <Charts comparison={comparison} view={view} classNames={dataset?.status === 'ready' ? dataset.summary.classNames : undefined} />
      </div>
    </div>
  );
}

/** What only the progress panel and the run list show: reports of it arrive up to ten times a second. */
const PROGRESS_ONLY: ReadonlySet<string> = new Set(['progress', 'wallClock']);

function sameForCharts(a: ComparisonView, b: ComparisonView): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ComparisonView>;
  return [...keys].every((key) => PROGRESS_ONLY.has(key) || a[key] === b[key]);
}

/**
 * The comparison as the charts and tables get it: the same object until something they
 * draw changes, so a progress report (per batch, on the main thread that SwiftShader's
 * training shares two cores with) re-renders the progress panel and the run list only.
 */
function useChartedComparison(live: ComparisonView | undefined): ComparisonView | undefined {
  const charted = useRef(live);
  if (live !== charted.current && (!live || !charted.current || !sameForCharts(live, charted.current))) charted.current = live;
  return charted.current;
}

interface ChartsProps {
  readonly comparison: ComparisonView;
  readonly view: ChartView;
  readonly classNames: readonly string[] | undefined;
}

/** Memoised: while a deferred render is pending, the urgent one skips all of this. */
const Charts = memo(function Charts({ comparison, view, classNames }: ChartsProps) {
  return (
    <>
      <LiveCharts comparison={comparison} view={view} />
      <ResultsTable runs={comparison.runs} config={comparison.config} />
      <DiagnosisPanel comparison={comparison} />
      <OptimizerInsight comparison={comparison} />
      <VaeGallery comparison={comparison} />
      <ConfusionMatrix
        runs={comparison.runs}
        dataset={comparison.config.dataset.name}
        classNames={classNames}
        comparisonName={comparison.name}
      />
      <E5Bars runs={comparison.runs} comparisonName={comparison.name} />
    </>
  );
});
