/**
 * Past comparisons (from IndexedDB): open, delete (asks first), and import a JSON file
 * (asks first when the history holds its comparison already).
 */
import { useRef, useState } from 'react';
import { countOf } from '../../../lib/plural';
import type { ComparisonSummary } from '../../../persistence/types';
import { useLabActions, useLabState } from '../../app/lab-store-context';
import { DeleteButton } from '../../components/delete-button';
import { AlreadyStoredQuestion, type AlreadyStored } from './already-stored-question';
import { ResumeControls } from './resume-controls';

/** A saved comparison's (or sweep's) status, in a word. */
export const STATUS_WORDS: Readonly<Record<ComparisonSummary['status'], string>> = {
  running: 'running',
  paused: 'paused',
  completed: 'finished',
  cancelled: 'stopped',
  interrupted: 'interrupted',
  failed: 'failed',
};

function HistoryItem({ summary, current }: { summary: ComparisonSummary; current: boolean }) {
  const actions = useLabActions();
  const when = new Date(summary.updatedAt).toLocaleString();
  return (
    <li className={current ? 'current' : undefined} aria-current={current ? 'true' : undefined}>
      <div className="history-text">
        <strong>{summary.name}</strong>
        <span className="field-help">
          {summary.dataset} · {summary.architecture} · {countOf(summary.runCount, 'run')} · {countOf(summary.epochsDone, 'epoch')} · {STATUS_WORDS[summary.status]} · {when}
        </span>
      </div>
      <div className="history-actions">
        <button type="button" className="small" onClick={() => void actions.open(summary.id)} aria-label={`Open ${summary.name}`} disabled={current}>
          Open
        </button>
        {/* The comparison on screen has these in its own controls. */}
        {!current && <ResumeControls id={summary.id} name={summary.name} status={summary.status} resumableFromEpoch={summary.resumableFromEpoch} size="small" />}
        <DeleteButton name={summary.name} onDelete={() => void actions.delete(summary.id)} disabled={summary.status === 'running' || summary.status === 'paused'} />
      </div>
    </li>
  );
}

export function HistoryPanel() {
  const history = useLabState((s) => s.history);
  const currentId = useLabState((s) => s.current?.id);
  const actions = useLabActions();
  const input = useRef<HTMLInputElement>(null);
  const [importing, setImporting] = useState<string>();
  const [question, setQuestion] = useState<AlreadyStored>();
  const importFile = async (fileName: string, read: () => Promise<string>, whenStored?: 'keep-both' | 'replace') => {
    setQuestion(undefined);
    setImporting(fileName);
    try {
      const text = await read();
      const outcome = await actions.importJson(text, whenStored);
      if (outcome.kind === 'already-stored') setQuestion({ text, fileName, name: outcome.name, updatedAt: outcome.updatedAt });
    } finally {
      setImporting(undefined);
      if (input.current) input.current.value = '';
    }
  };
  const onFile = (file: File | undefined) => {
    if (file) void importFile(file.name, () => file.text());
  };
  const onAnswer = (answer: 'replace' | 'keep-both' | 'cancel') => {
    if (!question) return;
    if (answer === 'cancel') return setQuestion(undefined);
    void importFile(question.fileName, async () => question.text, answer);
  };
  return (
    <section aria-labelledby="history-heading" className="panel history">
      <h2 id="history-heading">History</h2>
      <div className="import">
        <label htmlFor="import-json">Import a comparison (JSON)</label>
        <input id="import-json" ref={input} type="file" accept="application/json,.json" onChange={(event) => onFile(event.target.files?.[0])} />
        {importing && <span className="field-help">Reading {importing}…</span>}
        {question && <AlreadyStoredQuestion question={question} onAnswer={onAnswer} />}
      </div>
      {history.length === 0 ? (
        <p className="field-help">No comparisons yet. Each one you start is saved here, epoch by epoch.</p>
      ) : (
        <ul className="history-list">
          {history.map((summary) => (
            <HistoryItem key={summary.id} summary={summary} current={summary.id === currentId} />
          ))}
        </ul>
      )}
    </section>
  );
}
