/**
 * Start, or why not yet: every problem of the setup listed (each a button that focuses
 * its field), the same messages that sit beside the fields.
 */
import { ProblemList } from '../../components/problem-list';
import { useLabActions, useLabState } from '../../app/lab-store-context';
import { useConfigForm } from './config-form-context';
import { pathLabel } from './path-label';
import { usePending } from '../../components/use-pending';

export function StartBar() {
  const { config, errors, valid, form } = useConfigForm();
  const actions = useLabActions();
  const status = useLabState((s) => s.current?.status);
  const [starting, start] = usePending(() => actions.start(config));
  const busy = status === 'running' || status === 'paused';
  const problems = Object.entries(errors);
  const runLabels = form.runs.map((run) => run.label);
  return (
    <div className="start-bar">
      <ProblemList id="setup-problems" problems={problems} label={(path) => pathLabel(path, runLabels)} />
      <button
        type="button"
        className="primary"
        disabled={!valid || busy || starting}
        aria-describedby={problems.length ? 'setup-problems' : undefined}
        onClick={() => void start()}
      >
        {busy ? 'A comparison is running' : starting ? 'Starting…' : 'Start comparison'}
      </button>
    </div>
  );
}
