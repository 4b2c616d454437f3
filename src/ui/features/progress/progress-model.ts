/**
 * Progress bars as data. Runs advance in lock-step, so every run still training is at the
 * comparison's position; a finished run sits at the epoch it stopped at.
 */
import type { ComparisonView, RunView } from '../../../client/types';
import type { ComparisonProgress } from '../../../engine/training/types';

/** Fraction of the comparison's work done, in [0, 1]. */
export function comparisonFraction(progress: ComparisonProgress | undefined): number {
  if (!progress || progress.epochs <= 0) return 0;
  const tick = progress.ticksPerEpoch > 0 ? progress.tick / progress.ticksPerEpoch : 0;
  return Math.min(1, Math.max(0, (progress.epoch - 1 + tick) / progress.epochs));
}

/**
 * Seconds left, extrapolating the rate so far; undefined until there is a rate to go on
 * (the first few percent are dominated by start-up).
 */
export function etaSeconds(progress: ComparisonProgress | undefined): number | undefined {
  const fraction = comparisonFraction(progress);
  if (!progress || fraction < 0.01 || progress.elapsedSeconds <= 0) return undefined;
  return (progress.elapsedSeconds / fraction) * (1 - fraction);
}

export interface RunProgress {
  readonly runId: string;
  readonly label: string;
  readonly fraction: number;
  /** Words for the bar: "epoch 3 of 10", "finished", "diverged at step 123"... */
  readonly text: string;
  readonly eta?: number;
  readonly active: boolean;
}

const FINISHED_TEXT: Readonly<Record<string, string>> = {
  completed: 'finished',
  'stopped-early': 'stopped early',
  stopped: 'stopped',
  cancelled: 'cancelled',
};

export function runProgress(run: RunView, view: Pick<ComparisonView, 'progress' | 'status' | 'config'>): RunProgress {
  const epochs = view.progress?.epochs ?? view.config.training.epochs;
  const result = run.result;
  if (result) {
    const text =
      result.status === 'diverged'
        ? `diverged${result.divergedAtStep !== undefined ? ` at step ${result.divergedAtStep}` : ''}`
        : `${FINISHED_TEXT[result.status] ?? result.status} after ${result.epochsCompleted} of ${epochs} epochs`;
    return { runId: run.id, label: run.label, fraction: result.status === 'completed' ? 1 : result.epochsCompleted / epochs, text, active: false };
  }
  const active = view.status === 'running' || view.status === 'paused';
  if (!active || !view.progress) {
    return { runId: run.id, label: run.label, fraction: run.epochs.length / epochs, text: `${run.epochs.length} of ${epochs} epochs`, active: false };
  }
  const { progress } = view;
  return {
    runId: run.id,
    label: run.label,
    fraction: comparisonFraction(progress),
    text: `epoch ${progress.epoch} of ${progress.epochs}${view.status === 'paused' ? ' (paused)' : ''}`,
    eta: view.status === 'paused' ? undefined : etaSeconds(progress),
    active,
  };
}

/** "45 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
