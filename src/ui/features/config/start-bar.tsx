/**
 * Start, or why not yet: every problem of the setup listed (each a button that focuses
 * its field), the same messages that sit beside the fields. It sits at the top of the
 * setup and stays in view while the form scrolls, so it is near the top of the tab order
 * and in reach at the bottom of a long setup.
 */
import { ProblemList } from '../../components/problem-list';
import { useLabActions, useLabState } from '../../app/lab-store-context';
import { useConfigForm } from './config-form-context';
import { pathLabel } from './path-label';
import { usePending } from '../../components/use-pending';
import { START_BUTTON_ID } from '../../app/setup-fold';

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
        id={START_BUTTON_ID}
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
