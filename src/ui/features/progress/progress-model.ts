/**
 * Progress bars as data. Runs advance in lock-step, so every run still training is at the
 * comparison's position; a finished run sits at the epoch it stopped at. The estimate
 * counts what is left of each phase at the rate that phase has gone so far: training
 * ticks, the validation and test still due, the epoch ends' snapshots and checkpoints.
 */
import type { ComparisonView, RunView, WallClock } from '../../../client/types';
import { countOf } from '../../../lib/plural';
import type { ComparisonProgress, ProgressPhase } from '../../../engine/training/types';

/** The phase in a person's words. */
export const PHASE_WORDS: Readonly<Record<ProgressPhase, string>> = {
  training: 'training',
  evaluating: 'evaluating',
  // The lab reads the models at epoch ends only to decode a VAE's galleries.
  snapshot: 'decoding images',
  checkpointing: 'saving a checkpoint',
  paused: 'paused',
};

/**
 * Before anything was evaluated, a sample's evaluation is guessed at a third of its
 * training step: a forward pass, where training adds a backward pass of about twice that.
 */
const EVALUATION_SHARE_OF_STEP = 1 / 3;

/** Fraction of the training ticks done, in [0, 1]. */
export function tickFraction(progress: ComparisonProgress | undefined): number {
  if (!progress || progress.epochs <= 0) return 0;
  const tick = progress.ticksPerEpoch > 0 ? progress.tick / progress.ticksPerEpoch : 0;
  return clamp01((progress.epoch - 1 + tick) / progress.epochs);
}

/**
 * Seconds left as of the progress report: undefined until one lock-step tick is trained
 * (before, start-up is all there is to go on).
 */
export function etaSeconds(progress: ComparisonProgress | undefined): number | undefined {
  if (!progress || progress.ticksTrained < 1 || progress.samplesTrained <= 0) return undefined;
  const { phaseSeconds: seconds } = progress;
  const ticksLeft = progress.epochEndsLeft === 0 ? 0 : Math.max(0, (progress.epochs - progress.epoch + 1) * progress.ticksPerEpoch - progress.tick);
  const training = ticksLeft * secondsPerTick(progress);
  const perSample =
    progress.samplesEvaluated > 0
      ? progress.evaluatedSeconds / progress.samplesEvaluated
      : (seconds.training / progress.samplesTrained) * EVALUATION_SHARE_OF_STEP;
  // The evaluation under way is among the samples still to evaluate, and part done.
  const inProgress = Math.max(0, seconds.evaluating - progress.evaluatedSeconds);
  const evaluation = Math.max(0, progress.samplesToEvaluate * perSample - inProgress);
  const perEpochEnd = progress.epochEndsDone > 0 ? (seconds.snapshot + seconds.checkpointing) / progress.epochEndsDone : 0;
  return training + evaluation + progress.epochEndsLeft * perEpochEnd;
}

/** Training seconds a tick takes: after the first, without it (its warm-up would weigh on the estimate for minutes). */
function secondsPerTick(progress: ComparisonProgress): number {
  const { ticksTrained, firstTickSeconds } = progress;
  const training = progress.phaseSeconds.training;
  if (firstTickSeconds === undefined || ticksTrained < 2) return training / ticksTrained;
  return (training - firstTickSeconds) / (ticksTrained - 1);
}

/**
 * Fraction of the comparison's time done: its working time so far over that plus the
 * estimate, so the final evaluation is part of the bar; by ticks until there is an estimate.
 */
export function comparisonFraction(progress: ComparisonProgress | undefined): number {
  const left = etaSeconds(progress);
  if (!progress || left === undefined) return tickFraction(progress);
  const worked = progress.elapsedSeconds - progress.phaseSeconds.paused;
  return worked + left > 0 ? clamp01(worked / (worked + left)) : tickFraction(progress);
}

/** Training samples a second, all runs together, over the training time so far. */
export function samplesPerSecond(progress: ComparisonProgress | undefined): number | undefined {
  if (!progress || progress.samplesTrained <= 0 || progress.phaseSeconds.training <= 0) return undefined;
  return progress.samplesTrained / progress.phaseSeconds.training;
}

/** One run's samples a second while it trained (its batch size over the lock-step's pace). */
export function runSamplesPerSecond(progress: ComparisonProgress | undefined, runId: string): number | undefined {
  const own = progress?.runs.find((r) => r.runId === runId);
  return own && own.samples > 0 && own.seconds > 0 ? own.samples / own.seconds : undefined;
}

/**
 * Wall-clock seconds from the click on Start to `nowMs` (or to the end, once it ended),
 * and the estimate counted down from its report to `nowMs`.
 */
export function wallTime(clock: WallClock | undefined, progress: ComparisonProgress | undefined, nowMs: number): { elapsed?: number; left?: number } {
  if (!clock) return {};
  if (clock.seconds !== undefined) return { elapsed: clock.seconds };
  const eta = etaSeconds(progress);
  const sinceReport = clock.progressAt === undefined ? 0 : Math.max(0, nowMs - clock.progressAt) / 1000;
  return {
    elapsed: clock.before + Math.max(0, nowMs - clock.since) / 1000,
    ...(eta !== undefined ? { left: Math.max(0, eta - sinceReport) } : {}),
  };
}

export interface RunProgress {
  readonly runId: string;
  readonly label: string;
  readonly fraction: number;
  /** Words for the bar: "epoch 3 of 10", "finished", "diverged at step 123"... */
  readonly text: string;
  readonly eta?: number;
  /** While it trains, and after: its samples a second. */
  readonly samplesPerSecond?: number;
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
  const rate = runSamplesPerSecond(view.progress, run.id);
  const own = { runId: run.id, label: run.label, ...(rate !== undefined ? { samplesPerSecond: rate } : {}) };
  if (result) {
    const text =
      result.status === 'diverged'
        ? `diverged${result.divergedAtStep !== undefined ? ` at step ${result.divergedAtStep}` : ''}`
        : `${FINISHED_TEXT[result.status] ?? result.status} after ${result.epochsCompleted} of ${countOf(epochs, 'epoch')}`;
    return { ...own, fraction: result.status === 'completed' ? 1 : result.epochsCompleted / epochs, text, active: false };
  }
  const active = view.status === 'running' || view.status === 'paused';
  if (!active || !view.progress) {
    return { ...own, fraction: run.epochs.length / epochs, text: `${run.epochs.length} of ${countOf(epochs, 'epoch')}`, active: false };
  }
  const { progress } = view;
  const eta = view.status === 'paused' ? undefined : etaSeconds(progress);
  return {
    ...own,
    fraction: comparisonFraction(progress),
    text: `epoch ${progress.epoch} of ${progress.epochs}${view.status === 'paused' ? ' (paused)' : ''}`,
    ...(eta !== undefined ? { eta } : {}),
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

/** "1.2k samples/s", "850 samples/s", "0.8 samples/s". */
export function formatRate(samplesPerSecond: number): string {
  if (samplesPerSecond >= 1000) return `${(samplesPerSecond / 1000).toFixed(1)}k samples/s`;
  return `${samplesPerSecond >= 10 ? Math.round(samplesPerSecond) : samplesPerSecond.toFixed(1)} samples/s`;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
