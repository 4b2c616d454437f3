/** Layout of the comparison on screen: progress and controls, curves, results, confusion matrix, bars. */
import { ConfusionMatrix } from '../features/confusion-matrix/confusion-matrix';
import { E5Bars } from '../features/e5-charts/e5-bars';
import { LiveCharts } from '../features/live-charts/live-charts';
import { ProgressPanel } from '../features/progress/progress-panel';
import { ResultsTable } from '../features/results/results-table';
import { useLabState } from './lab-store-context';

export function ComparisonArea() {
  const comparison = useLabState((s) => s.current);
  const dataset = useLabState((s) => (s.current ? s.datasets[s.current.config.dataset.name] : undefined));
  if (!comparison) {
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
      <ProgressPanel comparison={comparison} />
      <LiveCharts comparison={comparison} />
      <ResultsTable runs={comparison.runs} />
      <ConfusionMatrix
        runs={comparison.runs}
        dataset={comparison.config.dataset.name}
        classNames={dataset?.status === 'ready' ? dataset.summary.classNames : undefined}
        comparisonName={comparison.name}
      />
      <E5Bars runs={comparison.runs} comparisonName={comparison.name} />
    </>
  );
}
