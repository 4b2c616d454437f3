/**
 * What the lab sees in each run, while it trains: per run, each notice with what was
 * seen (the numbers), why it likely happens and a "Try this" button. The button loads
 * the comparison's setup, with the fix applied to that run, into the setup form as a new
 * comparison: a student sees what changed (and may change more) before pressing Start,
 * and the comparison on screen goes on untouched.
 */
import { useMemo, useState } from 'react';
import type { ComparisonView } from '../../../client/types';
import { configWithFix, type Notice } from '../../../engine/diagnosis';
import { runColor } from '../../components/palette';
import { useConfigForm } from '../config/config-form-context';
import { diagnoseComparison, type RunDiagnosis } from './diagnosis-model';
import './diagnosis.css';

const SEVERITY_TEXT: Readonly<Record<Notice['severity'], string>> = { problem: 'Problem', warning: 'Worth a look' };

function NoticeCard({ notice, onTry }: { notice: Notice; onTry?: () => void }) {
  return (
    <article className={`notice-card notice-${notice.severity}`} aria-label={notice.title}>
      <h4>
        <span className="severity">{SEVERITY_TEXT[notice.severity]}</span> {notice.title}
      </h4>
      <p>
        <strong>Seen:</strong> {notice.seen}
      </p>
      <p>
        <strong>Why:</strong> {notice.why}
      </p>
      {notice.tryThis && onTry && (
        <button type="button" className="small" onClick={onTry}>
          Try this: {notice.tryThis.label}
        </button>
      )}
    </article>
  );
}

function RunNotices({ run, onTry }: { run: RunDiagnosis; onTry: (notice: Notice) => void }) {
  return (
    <section className="run-notices" aria-label={`Diagnosis of ${run.label}`}>
      <h3>
        <span className="swatch" style={{ background: runColor(run.runIndex) }} aria-hidden="true" />
        {run.label}
      </h3>
      {run.notices.map((notice) => (
        <NoticeCard key={notice.id} notice={notice} onTry={notice.tryThis ? () => onTry(notice) : undefined} />
      ))}
    </section>
  );
}

export function DiagnosisPanel({ comparison }: { comparison: ComparisonView }) {
  const { loadConfig } = useConfigForm();
  const [loaded, setLoaded] = useState<string | undefined>(undefined);
  const runs = useMemo(() => diagnoseComparison(comparison), [comparison]);
  const flagged = runs.filter((run) => run.notices.length > 0);
  const tryFix = (run: RunDiagnosis, notice: Notice) => {
    const config = configWithFix(comparison.config, run.runId, notice.tryThis!);
    loadConfig(config);
    setLoaded(`Loaded “${config.name}” into the setup: ${run.label} with “${notice.tryThis!.label.toLowerCase()}”, everything else as it was. Press Start comparison to run it.`);
    document.getElementById('setup-heading')?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  };
  return (
    <section aria-labelledby="diagnosis-heading" className="panel diagnosis">
      <h2 id="diagnosis-heading">Diagnosis</h2>
      <p className="field-help" role="status">
        {flagged.length === 0
          ? 'Nothing looks wrong so far. The lab checks the inputs, the loss and accuracy, the gradients and the ReLU units of every run as it trains.'
          : `${flagged.length} of ${runs.length} run${runs.length === 1 ? '' : 's'} ${flagged.length === 1 ? 'has' : 'have'} something worth a look.`}
      </p>
      {loaded && (
        <p className="diagnosis-loaded" role="status">
          {loaded}
        </p>
      )}
      {flagged.map((run) => (
        <RunNotices key={run.runId} run={run} onTry={(notice) => tryFix(run, notice)} />
      ))}
    </section>
  );
}
