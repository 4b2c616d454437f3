/**
 * What a run's records say about its learning rate, decided once per run: every detector
 * that advises on the rate reads this verdict, so one run gets one direction. Evidence
 * that the rate is too high (the loss blew up, the ReLU units died) wins over evidence
 * that it is too low, since a blown-up run can also look stuck; with neither, nobody
 * advises on the rate. Each threshold is a named constant with the reason for its value.
 */
import type { ProbeSample } from '../training/probe-types';
import { endWindows, formatNumber, mean, percent, relativeChange } from './series';
import type { RunRecords } from './types';

/**
 * Exploding: the latest tenth of the batch losses averages at least this many times the
 * run's lowest level (the lowest tenth, or its very first loss, the untrained network's,
 * if that was lower). Healthy curves wobble by tens of percent, not tenfold.
 */
export const EXPLODING_FACTOR = 10;
/**
 * Exploded: one batch loss at least this many times the first (the untrained network's),
 * even if it came back down. A healthy run never climbs far above where it started. On
 * E1's FCNN (2,000 images, batch 200) SGD at 10 jumps from 2.7 to 238 (87 times) at step
 * 2, Adam at 0.1 to 67 (25 times), Adam at 1 to 4,600, then all three drift back to
 * about 2.3 at chance; the stock optimizers never go above their first loss.
 */
export const SPIKE_FACTOR = 10;

/**
 * Too slow: each step moves the weights by less than this share of their size (the
 * layers holding most of the weight, at the latest probe; see typicalUpdateRatio). About
 * 1e-3 is healthy (Karpathy's rule of thumb). Measured on E1's FCNN on Fashion-MNIST
 * (2,000 images, batch 200) at step 1: RMSprop 5e-2, Adam, Adamax and Nadam 2.5e-2, SGD
 * at 0.01 3.5e-4, Adagrad at 0.001 1.1e-4, Adadelta at 0.001 2e-5; with batch 20, at
 * steps 20 to 60: Adam 5.3e-3 to 7e-3, SGD 2.2e-4 to 3.5e-4, Adagrad 7e-5 to 1e-4.
 */
export const SLOW_UPDATE_RATIO = 1e-3;
/** ...while the loss fell by less than this share from the first tenth of the steps to the latest tenth. */
export const SLOW_MAX_DROP = 0.2;
/** ...and did not rise by more than this share (a rising loss with tiny steps is something else). */
export const SLOW_MAX_RISE = 0.05;
/** Without probes, only a loss that all but stands still for this many steps counts as too slow. */
export const SLOW_MIN_STEPS_WITHOUT_PROBES = 50;
export const SLOW_MAX_DROP_WITHOUT_PROBES = 0.02;

/**
 * A ReLU layer counts as dying when at least this share of its units gave 0 for every
 * sample of the batch, at the latest two probes. Healthy layers fed only positive
 * inputs (after a sigmoid, or from pixels) have a third to a half of their units silent
 * on a batch; a learning rate that kills the layer leaves over 95% dead.
 */
export const DEAD_SHARE = 0.8;

export const finiteLosses = (run: RunRecords): number[] => run.losses.filter(Number.isFinite);

/** How the loss blew up: what a student sees, in one title and one sentence with the numbers. */
export interface Blowup {
  readonly title: string;
  readonly seen: string;
}

/** The loss stopped being finite, climbed far above its start, or is growing by an order of magnitude. */
export function blowupOf(run: RunRecords): Blowup | undefined {
  const badIndex = run.losses.findIndex((loss) => !Number.isFinite(loss));
  if (run.status === 'diverged' || badIndex !== -1) {
    const step = run.divergedAtStep ?? run.steps[badIndex];
    const before = run.losses.slice(0, badIndex === -1 ? undefined : badIndex).filter(Number.isFinite).at(-1);
    return {
      title: 'The run diverged',
      seen: `The loss stopped being a finite number${step !== undefined ? ` at step ${step}` : ''}${before !== undefined ? ` (the last finite value was ${formatNumber(before)})` : ''}.`,
    };
  }
  const losses = finiteLosses(run);
  const peak = losses.reduce((max, loss, i) => (loss > losses[max]! ? i : max), 0);
  if (losses.length > 1 && losses[0]! > 0 && losses[peak]! >= SPIKE_FACTOR * losses[0]!) {
    return {
      title: 'The loss exploded',
      seen: `The loss reached ${formatNumber(losses[peak]!)} at step ${run.steps[run.losses.indexOf(losses[peak]!)]}, from ${formatNumber(losses[0]!)} at the start; it is ${formatNumber(losses.at(-1)!)} now.`,
    };
  }
  const size = Math.max(3, Math.floor(losses.length / 10));
  if (losses.length < 3 * size) return undefined;
  let lowest = losses[0]!;
  for (let i = 0; i + size <= losses.length - size; i += size) lowest = Math.min(lowest, mean(losses.slice(i, i + size)));
  const latest = mean(losses.slice(-size));
  if (!(lowest > 0) || latest < EXPLODING_FACTOR * lowest) return undefined;
  return {
    title: 'The loss is exploding',
    seen: `The loss averages ${formatNumber(latest)} over the latest ${size} steps, ${formatNumber(latest / lowest)} times its lowest level (${formatNumber(lowest)}).`,
  };
}

/** Layers with a dead share at both of the latest two probes (one probe if there is only one after the first step). */
export function dyingLayers(run: RunRecords): { layer: string; share: number }[] {
  const recent = run.probes.filter((p) => p.step > 1).slice(-2);
  if (recent.length === 0) return [];
  const shareOf = (probe: ProbeSample, layer: string) => probe.layers.find((l) => l.layer === layer)?.deadShare;
  return recent
    .at(-1)!
    .layers.filter((l) => l.deadShare !== undefined && recent.every((p) => (shareOf(p, l.layer) ?? 0) >= DEAD_SHARE))
    .map((l) => ({ layer: l.layer, share: l.deadShare! }));
}

/**
 * The update ratio of the layers that hold most of the network's weight: the median of
 * the layers' ratios, each layer weighing as its ‖w‖². A mean would let a small output
 * layer that moves fast (E1's FCNN under SGD: 3.8e-3 on 1,010 weights) hide the
 * 1.0M weights of the first two layers that crawl (3.6e-4).
 */
function typicalUpdateRatio(probe: ProbeSample): number | undefined {
  const layers = probe.layers.filter((l) => Number.isFinite(l.updateRatio) && Number.isFinite(l.weightNorm)).sort((a, b) => a.updateRatio - b.updateRatio);
  const total = layers.reduce((sum, l) => sum + l.weightNorm ** 2, 0);
  if (!(total > 0)) return undefined;
  let below = 0;
  return layers.find((l) => (below += l.weightNorm ** 2) >= total / 2)?.updateRatio;
}

/** The typical update ratio at the latest probe (the first step's when it is the only one). */
export function latestUpdateRatio(run: RunRecords): number | undefined {
  const probe = run.probes.at(-1);
  return probe ? typicalUpdateRatio(probe) : undefined;
}

/** How the loss moved from the first tenth of the steps to the latest: −0.3 is a 30% fall. */
export function lossChange(run: RunRecords): { first: number; last: number; change: number } | undefined {
  const windows = endWindows(finiteLosses(run));
  return windows ? { ...windows, change: relativeChange(windows.first, windows.last) } : undefined;
}

export interface SlowSteps {
  readonly first: number;
  readonly last: number;
  readonly change: number;
  /** Absent without probes. */
  readonly updateRatio?: number;
}

/** The loss barely falls and the weights barely move (or, without probes, the loss stands still for long). */
function slowStepsOf(run: RunRecords): SlowSteps | undefined {
  const moved = lossChange(run);
  if (!moved || moved.change > SLOW_MAX_RISE) return undefined;
  const drop = -moved.change;
  const updateRatio = latestUpdateRatio(run);
  if (updateRatio === undefined) {
    const long = (run.steps.at(-1) ?? 0) >= SLOW_MIN_STEPS_WITHOUT_PROBES;
    return long && drop < SLOW_MAX_DROP_WITHOUT_PROBES ? moved : undefined;
  }
  return drop < SLOW_MAX_DROP && updateRatio < SLOW_UPDATE_RATIO ? { ...moved, updateRatio } : undefined;
}

export type RateVerdict =
  | { readonly direction: 'lower'; readonly because: 'blowup' | 'dead-relu' }
  | { readonly direction: 'raise'; readonly because: 'slow'; readonly slow: SlowSteps };

const unscaledPixels = (run: RunRecords) => run.scaling === 'none' && run.pixelInputs;

/** The one direction the run's learning rate should go, or undefined when the records do not say. */
export function rateVerdict(run: RunRecords): RateVerdict | undefined {
  if (blowupOf(run)) return { direction: 'lower', because: 'blowup' };
  // Raw pixels kill units whatever the rate: that is the inputs' fault, not the rate's.
  if (!unscaledPixels(run) && dyingLayers(run).length > 0) return { direction: 'lower', because: 'dead-relu' };
  const slow = slowStepsOf(run);
  return slow ? { direction: 'raise', because: 'slow', slow } : undefined;
}

/** "(down 3.4%)": a loss change for a sentence. */
export const changeText = (change: number): string => `${change <= 0 ? 'down' : 'up'} ${percent(Math.abs(change))}`;
