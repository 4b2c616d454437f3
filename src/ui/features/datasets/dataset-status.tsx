/**
 * Where the chosen dataset stands: nothing to download (synthetic), not loaded yet
 * (load now, or pick / drop the official files), downloading (a progress bar with bytes
 * and percent), ready, or failed with the reason.
 */
import { useState, type DragEvent } from 'react';
import type { DatasetName } from '../../../engine/experiment/config';
import { useLabActions, useLabState } from '../../app/lab-store-context';
import { DATASETS, percentOf, progressText } from './dataset-info';
import { useCachedDataset } from './use-cached-dataset';

/** Where a loaded set came from, in a person's words. */
const ORIGIN_WORDS: Readonly<Record<string, string>> = {
  cache: 'cached in this browser',
  network: 'downloaded',
  files: 'from your files',
};

export function DatasetStatus({ name }: { name: DatasetName }) {
  const state = useLabState((s) => s.datasets[name]);
  const actions = useLabActions();
  const [dragging, setDragging] = useState(false);
  const info = DATASETS[name];
  const cached = useCachedDataset(name, !info.synthetic && state.status === 'absent');
  if (info.synthetic) return <p className="field-help">{info.about}</p>;

  const takeFiles = (files: FileList | null) => {
    if (files && files.length) actions.loadDataset(name, Array.from(files));
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    takeFiles(event.dataTransfer.files);
  };
  const percent = state.status === 'loading' ? percentOf(state.progress) : undefined;

  return (
    <div className="dataset-status" aria-live="polite">
      <p className="field-help">{info.about}</p>
      {state.status === 'absent' && (
        <p>
          {cached ? 'Cached in this browser: it loads from the cache, with no download, when the comparison starts.' : 'Not loaded yet: it loads when the comparison starts.'}{' '}
          <button type="button" className="small" onClick={() => actions.loadDataset(name)}>
            Load {info.label} now
          </button>
        </p>
      )}
      {state.status === 'loading' && (
        <div className="download">
          <progress max={100} value={percent} aria-label={`Loading ${info.label}`} />
          <span>{progressText(state.progress)}</span>
        </div>
      )}
      {state.status === 'ready' && (
        <p className="ok">
          Ready: {state.summary.trainCount.toLocaleString('en')} training and {state.summary.testCount.toLocaleString('en')} test samples ({ORIGIN_WORDS[state.summary.origin] ?? `from ${state.summary.origin}`}).
        </p>
      )}
      {state.status === 'error' && (
        <div role="alert" className="error-box">
          <p>
            {info.label} could not be loaded: {state.error.message}
            {state.error.expected && ` (expected ${state.error.expected}, found ${state.error.found ?? 'something else'})`}
          </p>
          <button type="button" className="small" onClick={() => actions.loadDataset(name)}>
            Try again
          </button>
        </div>
      )}
      <div
        className={`drop-zone ${dragging ? 'dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={`files-${name}`}>Or use the official files from disk (pick or drop them here):</label>
        <input id={`files-${name}`} type="file" multiple accept=".gz,.tar,.bin,.tgz" onChange={(event) => takeFiles(event.target.files)} />
        <span className="field-help">{info.files}</span>
      </div>
    </div>
  );
}
