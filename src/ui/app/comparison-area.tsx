/**
 * Layout of the comparison on screen: progress and controls, the diagnosis, curves, the
 * optimizers' insides, results, a VAE's images, confusion matrix, bars. The progress panel follows the store at once; the charts and tables get
 * the comparison through useDeferredValue, so React renders them in a transition that it
 * can interrupt: records arriving ten times a second never hold the page for long.
 */
import { memo, useDeferredValue } from 'react';
import { ConfusionMatrix } from '../features/confusion-matrix/confusion-matrix';
import { DiagnosisPanel } from '../features/diagnosis/diagnosis-panel';
import { E5Bars } from '../features/e5-charts/e5-bars';
import { LiveCharts } from '../features/live-charts/live-charts';
import { OptimizerInsight } from '../features/optimizer-insight/optimizer-insight';
import { ProgressPanel } from '../features/progress/progress-panel';
import { ResultsTable } from '../features/results/results-table';
import { VaeGallery } from '../features/vae-gallery/vae-gallery';
import type { ComparisonView } from '../../client/types';
import { useLabState } from './lab-store-context';

export function ComparisonArea() {
  const live = useLabState((s) => s.current);
  const comparison = useDeferredValue(live);
  const dataset = useLabState((s) => (s.current ? s.datasets[s.current.config.dataset.name] : undefined));
  if (!live || !comparison) {
    return (
      <section className="panel empty-state" aria-labelledby="empty-heading">
        <h2 id="empty-heading">No comparison on screen</h2>
        <p>Pick a preset or set up your own comparison, then press Start: the curves appear here as the optimizers train, side by side from the same initial weights.</p>
        <p>Past comparisons are in the history; open one to see its charts again.</p>
      </section>
    );
  }
  return (
    <>
      <ProgressPanel comparison={live} />
      {/* Busy while the charts show an older state than the progress panel (a person never notices; tests wait for it). */}
      <div className="contents" aria-busy={comparison !== live}>
        <Charts comparison={comparison} classNames={dataset?.status === 'ready' ? dataset.summary.classNames : undefined} />
      </div>
    </>
  );
}

/** Memoised: while a deferred render is pending, the urgent one skips all of this. */
const Charts = memo(function Charts({ comparison, classNames }: { comparison: ComparisonView; classNames: readonly string[] | undefined }) {
  return (
    <>
      <DiagnosisPanel comparison={comparison} />
      <LiveCharts comparison={comparison} />
      <OptimizerInsight comparison={comparison} />
      <ResultsTable runs={comparison.runs} config={comparison.config} />
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
