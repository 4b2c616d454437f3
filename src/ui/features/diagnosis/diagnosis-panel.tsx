/**
 * What the lab sees in the runs, while they train: each finding once, naming the runs it
 * applies to, with what was seen in each (the numbers), why it likely happens and a
 * "Try this" button. The button loads the comparison's setup, with the fix applied to
 * every run the finding names, into the setup form as a new comparison: a student sees
 * what changed (and may change more) before pressing Start, and the comparison on screen
 * goes on untouched.
 */
import { useMemo, useState } from 'react';
import type { ComparisonView } from '../../../client/types';
import { configWithFixes, type Severity } from '../../../engine/diagnosis';
import { runColor } from '../../components/palette';
import { useConfigForm } from '../config/config-form-context';
import { diagnoseComparison } from './diagnosis-model';
import { groupNotices, runNames, type NoticeGroup } from './notice-groups';
import './diagnosis.css';

/** "raise the learning rate: SGD to 0.1": the fix for a sentence, run names as they are. */
const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

const SEVERITY_TEXT: Readonly<Record<Severity, string>> = { problem: 'Problem', warning: 'Worth a look' };

function RunName({ label, runIndex, last }: { label: string; runIndex: number; last: boolean }) {
  return (
    <span className="notice-run">
      <span className="swatch" style={{ background: runColor(runIndex) }} aria-hidden="true" />
      {label}
      {last ? '' : ', '}
    </span>
  );
}

function NoticeCard({ group, onTry }: { group: NoticeGroup; onTry: () => void }) {
  const single = group.runs.length === 1;
  return (
    <article className={`notice-card notice-${group.severity}`} aria-label={group.title}>
      <h4>
        <span className="severity">{SEVERITY_TEXT[group.severity]}</span> {group.title}
      </h4>
      <p className="notice-runs">
        <strong>{single ? 'Run:' : `${group.runs.length} runs:`}</strong>{' '}
        {group.runs.map((run, i) => (
          <RunName key={run.runId} label={run.label} runIndex={run.runIndex} last={i === group.runs.length - 1} />
        ))}
      </p>
      {single ? (
        <p>
          <strong>Seen:</strong> {group.runs[0]!.notice.seen}
        </p>
      ) : (
        <div className="notice-seen">
          <strong>Seen:</strong>
          <ul>
            {group.runs.map((run) => (
              <li key={run.runId}>
                <strong>{run.label}:</strong> {run.notice.seen}
              </li>
            ))}
          </ul>
        </div>
      )}
      {group.why.map((why) => (
        <p key={why}>
          <strong>Why:</strong> {why}
        </p>
      ))}
      {group.tryThis && (
        <button type="button" className="small" onClick={onTry}>
          Try this: {group.tryThis.label}
        </button>
      )}
    </article>
  );
}

export function DiagnosisPanel({ comparison }: { comparison: ComparisonView }) {
  const { loadConfig } = useConfigForm();
  // What the setup holds now, said beside the comparison it came from: another one on screen makes it old news.
  const [loaded, setLoaded] = useState<{ readonly comparisonId: string; readonly text: string }>();
  if (loaded && loaded.comparisonId !== comparison.id) setLoaded(undefined);
  const runs = useMemo(() => diagnoseComparison(comparison), [comparison]);
  const groups = useMemo(() => groupNotices(runs), [runs]);
  const flagged = runs.filter((run) => run.notices.length > 0);
  const tryFix = (group: NoticeGroup) => {
    const config = configWithFixes(comparison.config, group.tryThis!.fixes);
    loadConfig(config);
    setLoaded({ comparisonId: comparison.id, text: `Loaded “${config.name}” into the setup: ${runNames(group)} with “${lowerFirst(group.tryThis!.label)}”, everything else as it was. Press Start comparison to run it.` });
    document.getElementById('setup-heading')?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  };
  return (
    <section aria-labelledby="diagnosis-heading" className="panel diagnosis">
      <h2 id="diagnosis-heading">Diagnosis</h2>
      <p className="field-help" role="status">
        {flagged.length === 0
          ? 'Nothing looks wrong so far. The lab checks the inputs, the loss and accuracy, the step sizes, the gradients and the ReLU units of every run as it trains.'
          : `${flagged.length} of ${runs.length} run${runs.length === 1 ? '' : 's'} ${flagged.length === 1 ? 'has' : 'have'} something worth a look.`}
      </p>
      {loaded && (
        <p className="diagnosis-loaded" role="status">
          {loaded.text}{' '}
          <button type="button" className="small" onClick={() => setLoaded(undefined)}>
            Dismiss
          </button>
        </p>
      )}
      {groups.map((group) => (
        <NoticeCard key={group.key} group={group} onTry={() => tryFix(group)} />
      ))}
    </section>
  );
}
