/**
 * The comparison on screen: what it is, where it stands (a progress bar per run with
 * ETA), and the controls: pause, resume, stop all, stop one; when it stopped before its
 * end, resume from the last checkpoint or restart.
 */
import type { CSSProperties } from 'react';
import type { ComparisonView } from '../../../client/types';
import { useLabActions } from '../../app/lab-store-context';
import { runColor } from '../../components/palette';
import { useConfigForm } from '../config/config-form-context';
import { ComparisonFiles } from '../history/comparison-files';
import { ResumeControls } from '../history/resume-controls';
import { comparisonFraction, formatDuration, formatRate, PHASE_WORDS, runProgress, samplesPerSecond, wallTime } from './progress-model';
import { useNow } from './use-now';

const STATUS_TEXT: Readonly<Record<ComparisonView['status'], string>> = {
  // Until the first progress: the data loads and the models are built.
  running: 'Preparing',
  paused: 'Paused',
  completed: 'Finished',
  cancelled: 'Stopped',
  interrupted: 'Interrupted (the tab was closed or reloaded): finished epochs are kept',
  failed: 'Failed',
};

export interface ProgressPanelProps {
  readonly comparison: ComparisonView;
  /**
   * Whether the panel lists the runs with their bars. Off where a run list beside the
   * charts shows them (the Compare view's run selector), so no run is listed twice.
   */
  readonly runList?: boolean;
}

export function ProgressPanel({ comparison, runList = true }: ProgressPanelProps) {
  const actions = useLabActions();
  const { loadConfig } = useConfigForm();
  const { status, progress } = comparison;
  const active = status === 'running' || status === 'paused';
  const now = useNow(status === 'running');
  const wall = wallTime(comparison.wallClock, progress, now);
  const rate = samplesPerSecond(progress);
  const backend = comparison.backend;
  return (
    <section aria-labelledby="comparison-heading" className="panel">
      <div className="panel-head">
        <h2 id="comparison-heading">{comparison.name}</h2>
        <span className={`status status-${status}`} role="status">
          {statusText(comparison, wall, rate)}
        </span>
      </div>
      <p className="field-help">
        {comparison.config.dataset.name}, {comparison.config.architecture}, started {new Date(comparison.startedAt).toLocaleString()}
        {backend && ` · trained on ${backend.name} (${backend.float32 ? 'float32' : 'float16'})`}
      </p>
      {comparison.error && (
        <div role="alert" className="error-box">
          {comparison.error.message}
        </div>
      )}
      <div className="controls" role="group" aria-label="Training controls">
        {status === 'running' && (
          <button type="button" onClick={() => actions.pause()}>
            Pause
          </button>
        )}
        {status === 'paused' && (
          <button type="button" className="primary" onClick={() => actions.resume()}>
            Resume
          </button>
        )}
        {active && (
          <button type="button" className="danger" onClick={() => actions.cancel()}>
            Stop all
          </button>
        )}
        <ResumeControls id={comparison.id} name={comparison.name} status={status} resumableFromEpoch={comparison.resumableFromEpoch} />
        <button type="button" onClick={() => loadConfig(comparison.config)}>
          Use this setup
        </button>
        <ComparisonFiles comparison={comparison} />
      </div>
      {runList && <ul className="run-progress">
        {comparison.runs.map((run, i) => {
          const p = runProgress(run, comparison);
          return (
            <li key={run.id}>
              <span className="run-name">
                <span className="swatch" style={{ background: runColor(i) }} aria-hidden="true" />
                {run.label}
              </span>
              <progress max={1} value={p.fraction} aria-label={`Progress of ${run.label}`} style={{ '--run-color': runColor(i) } as CSSProperties} />
              <span className="run-progress-text">
                {p.text}
                {p.active && p.samplesPerSecond !== undefined && ` · ${formatRate(p.samplesPerSecond)}`}
              </span>
              {p.active && (
                <button type="button" className="small" onClick={() => actions.stopRun(run.id)} aria-label={`Stop ${run.label}`}>
                  Stop
                </button>
              )}
            </li>
          );
        })}
      </ul>}
    </section>
  );
}

/**
 * "Training · epoch 2 of 4 · 37% · 1.2k samples/s · 1 min 05 s elapsed · about 50 s left"
 * while it runs (the phase first), "Finished · 3 min 49 s" once it ended: the wall time.
 */
function statusText(comparison: ComparisonView, wall: { elapsed?: number; left?: number }, rate: number | undefined): string {
  const { status, progress } = comparison;
  const active = status === 'running' || status === 'paused';
  const phase = status === 'running' && progress ? PHASE_WORDS[progress.phase] : undefined;
  const parts = [phase ? phase[0]!.toUpperCase() + phase.slice(1) : STATUS_TEXT[status]];
  if (!active) return [...parts, ...(wall.elapsed !== undefined ? [formatDuration(wall.elapsed)] : [])].join(' · ');
  if (progress) parts.push(`epoch ${progress.epoch} of ${progress.epochs}`, `${Math.round(comparisonFraction(progress) * 100)}%`);
  if (rate !== undefined) parts.push(formatRate(rate));
  if (wall.elapsed !== undefined) parts.push(`${formatDuration(wall.elapsed)} elapsed`);
  if (status === 'running' && wall.left !== undefined) parts.push(`about ${formatDuration(wall.left)} left`);
  return parts.join(' · ');
}
