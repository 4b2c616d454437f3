/** Past sweeps (from IndexedDB): open, resume one that stopped, delete (asks first; its group comparisons stay in the history). */
import type { SweepSummary } from '../../../persistence/sweep-types';
import { DeleteButton } from '../../components/delete-button';
import { STATUS_WORDS } from '../history/history-panel';
import { useSweepActions, useSweepState } from './sweep-store-context';

function SweepItem({ summary, current, running }: { summary: SweepSummary; current: boolean; running: boolean }) {
  const actions = useSweepActions();
  const resumable = !running && (summary.status === 'interrupted' || summary.status === 'cancelled' || summary.status === 'failed');
  return (
    <li className={current ? 'current' : undefined} aria-current={current ? 'true' : undefined}>
      <div className="history-text">
        <strong>{summary.name}</strong>
        <span className="field-help">
          {summary.finishedCount} of {summary.trialCount} trials · {running ? 'running' : STATUS_WORDS[summary.status]} · {new Date(summary.updatedAt).toLocaleString()}
        </span>
      </div>
      <div className="history-actions">
        <button type="button" className="small" onClick={() => void actions.open(summary.id)} aria-label={`Open sweep ${summary.name}`} disabled={current}>
          Open
        </button>
        {resumable && (
          <button type="button" className="small" onClick={() => void actions.resume(summary.id)} aria-label={`Resume sweep ${summary.name}`}>
            Resume
          </button>
        )}
        <DeleteButton name={`sweep ${summary.name}`} onDelete={() => void actions.delete(summary.id)} disabled={running} />
      </div>
    </li>
  );
}

export function SweepHistory() {
  const sweeps = useSweepState((s) => s.sweeps);
  const currentId = useSweepState((s) => s.current?.sweep.id);
  const runningId = useSweepState((s) => s.runningId);
  return (
    <section aria-labelledby="sweep-history-heading" className="panel history">
      <h2 id="sweep-history-heading">Sweeps</h2>
      {sweeps.length === 0 ? (
        <p className="field-help">No sweeps yet. Each one you start is saved here group by group; its groups are ordinary comparisons in the Compare tab’s history.</p>
      ) : (
        <ul className="history-list">
          {sweeps.map((summary) => (
            <SweepItem key={summary.id} summary={summary} current={summary.id === currentId} running={summary.id === runningId} />
          ))}
        </ul>
      )}
    </section>
  );
}
