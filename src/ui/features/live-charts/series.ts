/**
 * Chart data shaping, pure: a comparison's runs in, one point list per drawn line out,
 * already filtered for the axis and decimated. Components memoise these calls; nothing
 * here touches React or recharts.
 */
import type { RunView } from '../../../client/types';
import type { ComparisonProgress, EpochRecord } from '../../../engine/training/types';
import { smoothSeries } from '../../../engine/metrics/series';
import { drawable, lttb, type Point } from './decimate';

export type XMode = 'epoch' | 'step' | 'time';
export type EpochMetric = 'loss' | 'accuracy' | LossPart;

/** What the loss chart of a generative comparison can show: the total or one of its parts. */
export type LossPart = 'reconstruction' | 'kl';
export type LossView = 'loss' | LossPart;

export const LOSS_VIEW_LABELS: Readonly<Record<LossView, string>> = {
  loss: 'Total',
  reconstruction: 'Reconstruction',
  kl: 'KL',
};

export const LOSS_VIEW_AXES: Readonly<Record<LossView, string>> = {
  loss: 'loss',
  reconstruction: 'reconstruction error per image',
  kl: 'KL per image',
};

export const X_MODE_LABELS: Readonly<Record<XMode, string>> = {
  epoch: 'Epoch',
  step: 'Step',
  time: 'Wall-clock (s)',
};

/** Points per drawn line: about one per horizontal pixel of a wide chart. */
export const DEFAULT_MAX_POINTS = 600;

export interface LinePair {
  readonly runId: string;
  /** Dashed: the training metric, or the raw per-batch loss. */
  readonly faint: readonly Point[];
  /** Solid: the validation metric, or the smoothed per-batch loss. */
  readonly main: readonly Point[];
}

export interface ShapeOptions {
  readonly xMode: XMode;
  readonly logY: boolean;
  readonly maxPoints?: number;
}

function epochX(record: EpochRecord, xMode: XMode): number {
  if (xMode === 'step') return record.steps;
  if (xMode === 'time') return record.elapsedSeconds;
  return record.epoch;
}

const EPOCH_VALUES: Readonly<Record<EpochMetric, readonly [(r: EpochRecord) => number | undefined, (r: EpochRecord) => number | undefined]>> = {
  loss: [(r) => r.loss, (r) => r.valLoss],
  accuracy: [(r) => r.accuracy, (r) => r.valAccuracy],
  reconstruction: [(r) => r.reconstruction, (r) => r.valReconstruction],
  kl: [(r) => r.kl, (r) => r.valKl],
};

function finish(points: Point[], options: ShapeOptions): Point[] {
  return lttb(drawable(points, options.logY), options.maxPoints ?? DEFAULT_MAX_POINTS);
}

/** Per run: the training metric (faint, dashed) and the validation metric (main, solid) per epoch. */
export function epochLines(runs: readonly RunView[], metric: EpochMetric, options: ShapeOptions): LinePair[] {
  const [train, validation] = EPOCH_VALUES[metric];
  const collect = (records: readonly EpochRecord[], pick: (r: EpochRecord) => number | undefined): Point[] => {
    const points: Point[] = [];
    for (const record of records) {
      const y = pick(record);
      if (y !== undefined) points.push({ x: epochX(record, options.xMode), y });
    }
    return finish(points, options);
  };
  return runs.map((run) => ({ runId: run.id, faint: collect(run.epochs, train), main: collect(run.epochs, validation) }));
}

/** Whether any run has this metric at all (a regression set has no accuracy, a classifier no KL). */
export function hasMetric(runs: readonly RunView[], metric: EpochMetric): boolean {
  const [train, validation] = EPOCH_VALUES[metric];
  return runs.some((run) => run.epochs.some((r) => train(r) !== undefined || validation(r) !== undefined));
}

/**
 * Maps a run's step count to seconds since the comparison started, by linear
 * interpolation between the ends of its epochs (the only timestamps a run has), and for
 * a running run the latest progress report; clamped past the last one.
 */
export function stepToTime(run: RunView, progress?: ComparisonProgress): (step: number) => number {
  const knots: { step: number; t: number }[] = [{ step: 0, t: 0 }];
  for (const record of run.epochs) knots.push({ step: record.steps, t: record.elapsedSeconds });
  const lastStep = run.steps.at(-1);
  const lastKnot = knots.at(-1)!;
  if (!run.result && progress && lastStep !== undefined && lastStep > lastKnot.step && progress.elapsedSeconds > lastKnot.t) {
    knots.push({ step: lastStep, t: progress.elapsedSeconds });
  }
  return (step) => {
    let i = 1;
    while (i < knots.length && knots[i]!.step < step) i++;
    if (i >= knots.length) return knots.at(-1)!.t;
    const a = knots[i - 1]!;
    const b = knots[i]!;
    return b.step === a.step ? b.t : a.t + ((step - a.step) / (b.step - a.step)) * (b.t - a.t);
  };
}

/** Step → x for the chosen axis. Epoch mode uses the run's own steps per epoch. */
export function batchXMapper(run: RunView, xMode: XMode, progress?: ComparisonProgress): (step: number) => number {
  if (xMode === 'step') return (step) => step;
  if (xMode === 'time') return stepToTime(run, progress);
  const perEpoch = run.epochs[0]?.steps ?? progress?.ticksPerEpoch;
  return perEpoch ? (step) => step / perEpoch : (step) => step;
}

export interface BatchOptions extends ShapeOptions {
  /** EMA weight in [0, 1): 0 is no smoothing. */
  readonly smoothing: number;
  readonly progress?: ComparisonProgress;
}

/** Per run: the raw per-batch loss (faint) and its bias-corrected moving average (main). */
export function batchLossLines(runs: readonly RunView[], options: BatchOptions): LinePair[] {
  return runs.map((run) => {
    const toX = batchXMapper(run, options.xMode, options.progress);
    const xs = run.steps.map(toX);
    const smoothed = options.smoothing > 0 ? smoothSeries(run.losses, options.smoothing) : run.losses;
    const raw: Point[] = [];
    const main: Point[] = [];
    for (let i = 0; i < xs.length; i++) {
      raw.push({ x: xs[i]!, y: run.losses[i]! });
      main.push({ x: xs[i]!, y: smoothed[i]! });
    }
    return { runId: run.id, faint: finish(raw, options), main: finish(main, options) };
  });
}

/** One chart row: x and each drawn line's value there (`r{index}f` faint, `r{index}m` main). */
export type ChartRow = { x: number } & Record<string, number>;

export const lineKey = (runIndex: number, part: 'faint' | 'main'): string => `r${runIndex}${part === 'faint' ? 'f' : 'm'}`;

/**
 * Lines → rows keyed by x, sorted, for recharts (one data array per chart, so the
 * tooltip lists every run that has a point at the hovered x). Keys use the run's index,
 * never its id: recharts reads a dotted dataKey as a path.
 */
export function toRows(lines: readonly LinePair[]): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  lines.forEach((line, runIndex) => {
    for (const part of ['faint', 'main'] as const) {
      const key = lineKey(runIndex, part);
      for (const point of line[part]) {
        let row = rows.get(point.x);
        if (!row) {
          row = { x: point.x } as ChartRow;
          rows.set(point.x, row);
        }
        row[key] = point.y;
      }
    }
  });
  return [...rows.values()].sort((a, b) => a.x - b.x);
}
