/**
 * The sweep on screen: its header, the group training now (the lab's progress panel),
 * then the views: valley, heatmap, all curves, the trials table and, for "prod", the data
 * and predictions. The views get the outcomes through useDeferredValue, so they render
 * in a transition while records stream in.
 */
import { memo, useDeferredValue, useMemo, useState } from 'react';
import type { SweepView } from '../../../client/sweeps/sweep-store';
import type { ComparisonView } from '../../../client/types';
import { OBJECTIVES, OBJECTIVE_INFO, judge, type Objective } from '../../../engine/sweeps/objective';
import type { TrialOutcome } from '../../../engine/sweeps/outcome';
import { useLabState } from '../../app/lab-store-context';
import { useLabView } from '../../app/lab-view-context';
import { safeFileName } from '../../components/download';
import { ProgressPanel } from '../progress/progress-panel';
import { SweepHeader } from './sweep-header';
import { useSweepActions, useSweepState } from './sweep-store-context';
import { AllCurves } from './views/all-curves';
import { heatmapOf } from './views/heatmap-model';
import { ProdScatter } from './views/prod-scatter';
import { SweepHeatmapChart } from './views/sweep-heatmap';
import { paramLabel, shownOutcomes } from './views/sweep-model';
import { TrialsTable } from './views/trials-table';
import { trialRows } from './views/trials-model';
import { ValleyChart } from './views/valley-chart';
import { valleyOf } from './views/valley-model';

export function SweepArea() {
  const current = useSweepState((s) => s.current);
  const runningId = useSweepState((s) => s.runningId);
  const live = useLabState((s) => s.current);
  if (!current) {
    return (
      <section className="panel empty-state" aria-labelledby="sweep-empty-heading">
        <h2 id="sweep-empty-heading">No sweep on screen</h2>
        <p>Build a sweep, or load a preset (E3’s grids, E4’s learning-rate valley, E5’s random search), then press Start sweep: the valley chart, the heatmap and every curve fill in as the trials end.</p>
        <p>Past sweeps are listed under the builder; open one to see its charts again, or resume one that stopped.</p>
      </section>
    );
  }
  return <SweepScreen view={current} running={runningId === current.sweep.id} live={live} />;
}

function SweepScreen({ view, running, live: liveView }: { view: SweepView; running: boolean; live: ComparisonView | undefined }) {
  const { sweep, plan } = view;
  const comparisonId = running ? sweep.groups.find((g) => g.status === 'running')?.comparisonId : undefined;
  const batchOf = useMemo(() => {
    const sizes = new Map(sweep.trials.map((t) => [t.id, t.run.batchSize ?? plan.base.training.batchSize]));
    return (id: string) => sizes.get(id) ?? plan.base.training.batchSize;
  }, [sweep.trials, plan]);
  const outcomes = useMemo(() => shownOutcomes(sweep.outcomes, liveView, comparisonId, batchOf), [sweep.outcomes, liveView, comparisonId, batchOf]);
  const deferred = useDeferredValue(outcomes);
  return (
    <>
      <SweepHeader view={view} running={running} outcomes={outcomes} />
      {liveView && liveView.id === comparisonId && <ProgressPanel comparison={liveView} />}
      <div className="contents" aria-busy={deferred !== outcomes}>
        <SweepCharts view={view} outcomes={deferred} />
      </div>
    </>
  );
}

/** The objectives this sweep can be ranked by: its own, and those some trial has a value for. */
function rankable(objective: Objective, outcomes: Readonly<Record<string, TrialOutcome>>): Objective[] {
  const values = Object.values(outcomes);
  return OBJECTIVES.filter((o) => o === objective || values.some((outcome) => judge(outcome, o).verdict === 'value'));
}

const SweepCharts = memo(function SweepCharts({ view, outcomes }: { view: SweepView; outcomes: Readonly<Record<string, TrialOutcome>> }) {
  const { sweep, plan } = view;
  const [chosen, setChosen] = useState<Objective>();
  const objective = chosen ?? plan.objective;
  const sweepActions = useSweepActions();
  const { setView } = useLabView();
  const { trials } = sweep;
  const { params, kind } = plan;
  const metric = OBJECTIVE_INFO[objective].label;
  const valley = useMemo(() => valleyOf({ trials, params, outcomes, objective, kind }), [trials, params, outcomes, objective, kind]);
  const heatmap = useMemo(() => (kind === 'grid' ? heatmapOf({ trials, params, outcomes, objective }) : undefined), [trials, params, outcomes, objective, kind]);
  const rows = useMemo(() => trialRows({ trials, params, outcomes, objective, stopRule: plan.basePlan.spec.stopRule }), [trials, params, outcomes, objective, plan]);
  const file = (chart: string) => `${safeFileName(sweep.name)}-${chart}`;
  const open = async (trialId: string) => {
    if (await sweepActions.openTrial(trialId)) setView('compare');
  };
  return (
    <>
      <section aria-labelledby="sweep-charts-heading" className="panel">
        <div className="panel-head">
          <h2 id="sweep-charts-heading">Results</h2>
          <label className="inline">
            Rank by
            <select value={objective} onChange={(event) => setChosen(event.target.value as Objective)}>
              {rankable(plan.objective, outcomes).map((o) => (
                <option key={o} value={o}>
                  {OBJECTIVE_INFO[o].label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="chart-grid">
          {valley && <ValleyChart valley={valley} yLabel={metric} title={`Valley: ${metric} by ${valley.xLabel}`} fileName={file('valley')} />}
          {heatmap && <SweepHeatmapChart map={heatmap} metricLabel={metric} title={`Heatmap: ${metric}`} fileName={file('heatmap')} />}
        </div>
      </section>
      <AllCurves trials={trials} params={params} outcomes={outcomes} kind={kind} fileName={file('curves')} />
      <TrialsTable rows={rows} paramLabels={params.map(paramLabel)} objective={objective} onOpen={(id) => void open(id)} />
      <ProdScatter plan={plan.basePlan} trials={trials} outcomes={outcomes} bestId={rows.find((r) => r.best)?.id} fileName={file('prod')} />
    </>
  );
});
