/**
 * Before starting: how many runs in how many lock-step groups, how long they should take
 * (from a measured rate, and which), a calibration when no rate is known here yet, every
 * problem of the sweep (each a button to its field), and Start.
 */
import { ProblemList } from '../../../components/problem-list';
import { useLabState } from '../../../app/lab-store-context';
import { useSweepActions, useSweepState } from '../sweep-store-context';
import { estimateText, sweepEstimate } from './estimate-model';
import { useSweepForm } from './sweep-form-context';
import { sweepPathLabel } from './sweep-path-label';
import { usePending } from '../../../components/use-pending';

export function SweepStartBar() {
  const { config, plan, errors, valid } = useSweepForm();
  const actions = useSweepActions();
  const rates = useSweepState((s) => s.rates);
  const calibrating = useSweepState((s) => s.calibrating);
  const runningSweep = useSweepState((s) => s.runningId);
  const backend = useLabState((s) => s.backend?.name);
  const labBusy = useLabState((s) => s.current?.status === 'running' || s.current?.status === 'paused');
  const dataset = useLabState((s) => (plan ? s.datasets[plan.basePlan.dataset.name] : undefined));
  const [starting, start] = usePending(() => actions.start(config));
  const busy = labBusy || runningSweep !== undefined;
  const problems = Object.entries(errors);
  const estimate = plan ? sweepEstimate({ plan, rates, backend, fullTrainCount: dataset?.status === 'ready' ? dataset.summary.trainCount : undefined }) : undefined;
  return (
    <div className="start-bar">
      {estimate && (
        <div className="sweep-estimate" role="status" aria-label="Sweep size">
          <p>
            <strong>{estimate.runs} runs</strong> in {estimate.groups} lock-step group{estimate.groups === 1 ? '' : 's'} of at most {plan!.groupSize}.{' '}
            {estimate.seconds !== undefined ? `Estimated time: ${estimateText(estimate)}.` : `No measured rate for ${plan!.basePlan.dataset.name} · ${plan!.basePlan.spec.architecture} on ${backend ?? 'this backend'} yet.`}
          </p>
          <button type="button" className="small" onClick={() => void actions.calibrate(config)} disabled={!valid || busy || calibrating}>
            {calibrating ? 'Calibrating…' : estimate.seconds === undefined ? 'Calibrate (trains the first trial a few seconds)' : 'Calibrate again'}
          </button>
        </div>
      )}
      <ProblemList id="sweep-problems" problems={problems} label={sweepPathLabel} />
      <button type="button" className="primary" disabled={!valid || busy || starting || calibrating} aria-describedby={problems.length ? 'sweep-problems' : undefined} onClick={() => void start()}>
        {runningSweep ? 'A sweep is running' : labBusy ? 'A comparison is running' : starting ? 'Starting…' : 'Start sweep'}
      </button>
    </div>
  );
}
