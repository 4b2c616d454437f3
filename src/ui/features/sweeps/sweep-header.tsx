/** The sweep on screen: what it is, where it stands, and stop, resume, or take it into the builder. */
import type { SweepView } from '../../../client/sweeps/sweep-store';
import type { ComparisonStatus } from '../../../persistence/types';
import type { TrialOutcome } from '../../../engine/sweeps/outcome';
import { useLabState } from '../../app/lab-store-context';
import { formatDuration } from '../progress/progress-model';
import { estimateText, sweepEstimate } from './builder/estimate-model';
import { useSweepForm } from './builder/sweep-form-context';
import { useSweepActions, useSweepState } from './sweep-store-context';

const STATUS_TEXT: Readonly<Record<ComparisonStatus, string>> = {
  running: 'Training',
  paused: 'Paused',
  completed: 'Finished',
  cancelled: 'Stopped: finished groups are kept, resume goes on with the rest',
  interrupted: 'Interrupted (the tab was closed or reloaded): finished groups are kept, resume goes on with the rest',
  failed: 'Failed',
};

export function SweepHeader({ view, running, outcomes }: { view: SweepView; running: boolean; outcomes: Readonly<Record<string, TrialOutcome>> }) {
  const actions = useSweepActions();
  const { loadSweep } = useSweepForm();
  const rates = useSweepState((s) => s.rates);
  const backend = useLabState((s) => s.backend?.name);
  const { sweep, plan } = view;
  const finished = Object.keys(outcomes).length;
  const group = sweep.groups.findIndex((g) => g.status === 'running');
  const status = running ? 'running' : sweep.status === 'running' ? 'interrupted' : sweep.status;
  const left = running ? sweepEstimate({ plan, rates, backend, done: outcomes }) : undefined;
  const resumable = !running && (status === 'interrupted' || status === 'cancelled' || status === 'failed');
  return (
    <section aria-labelledby="sweep-heading" className="panel">
      <div className="panel-head">
        <h2 id="sweep-heading">{sweep.name}</h2>
        <span className={`status status-${status}`} role="status">
          {STATUS_TEXT[status]}
          {running && group >= 0 && ` · group ${group + 1} of ${sweep.groups.length}`}
          {` · ${finished} of ${sweep.trials.length} trials done`}
          {left?.seconds !== undefined && ` · about ${formatDuration(left.seconds)} left`}
        </span>
      </div>
      <p className="field-help">
        {plan.kind === 'grid' ? 'Grid' : 'Random search'} over {plan.params.join(', ')} · {plan.basePlan.dataset.name}, {plan.basePlan.spec.architecture} · lock-step groups of at most {plan.groupSize}
        {sweep.backend && ` · trained on ${sweep.backend.name}`} · started {new Date(sweep.createdAt).toLocaleString()}
        {left && estimateText(left) && ` · estimate ${estimateText(left)}`}
      </p>
      {sweep.error && !running && (
        <div role="alert" className="error-box">
          {sweep.error}
        </div>
      )}
      <div className="controls" role="group" aria-label="Sweep controls">
        {running && (
          <button type="button" className="danger" onClick={() => actions.stop()}>
            Stop sweep
          </button>
        )}
        {resumable && (
          <button type="button" className="primary" onClick={() => void actions.resume(sweep.id)}>
            Resume sweep
          </button>
        )}
        <button type="button" onClick={() => loadSweep(sweep.config)}>
          Use this sweep in the builder
        </button>
      </div>
    </section>
  );
}
