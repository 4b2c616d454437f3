/**
 * What the comparison runner's probes report, as plain data (no tfjs: the UI, the
 * protocol and persistence read it). A probe is taken every `every` steps of a run (and
 * at its first step): statistics of the batch the model saw, of every layer's gradient,
 * weights and update, of the optimizer's state, and the distribution of the optimizer's
 * effective per-parameter step sizes.
 */

/** Value statistics of one training batch, after scaling: what the network was fed. */
export interface InputStats {
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly std: number;
}

/** One layer (its kernel and bias together) at one probe. */
export interface LayerProbe {
  /** The layer's name in the model, e.g. `2_dense`. */
  readonly layer: string;
  /** ‖g‖₂ over the layer's variables: the raw gradient of the loss, before any clipping. */
  readonly gradNorm: number;
  /** ‖w‖₂ after the step. */
  readonly weightNorm: number;
  /** ‖Δw‖₂ / ‖w‖₂ for this step, with w before it (about 1e-3 is the usual healthy size). */
  readonly updateRatio: number;
  /** Mean |m| of the optimizer's first moment (momentum), where it keeps one. */
  readonly firstMoment?: number;
  /** Mean √v of its second moment (or accumulator, or Adamax's u), in gradient units. */
  readonly secondMoment?: number;
  /** ReLU layers: the share of units that were 0 for every sample of the batch. */
  readonly deadShare?: number;
}

/**
 * Effective step sizes of every trainable parameter as a histogram over fixed,
 * log-spaced bins (STEP_SIZE_BINS); one count per bin, the first and last bins open.
 */
export interface StepSizeHistogram {
  readonly counts: readonly number[];
  /**
   * The exact step sizes at STEP_SIZE_QUANTILES, in that order. Absent from probes saved
   * before they were measured: those are read from the histogram (stepSizeQuantile).
   */
  readonly quantiles?: readonly number[];
}

/** The quantiles of the effective step size a probe measures exactly: 10th percentile, median, 90th. */
export const STEP_SIZE_QUANTILES = [0.1, 0.5, 0.9] as const;

export interface ProbeSample {
  readonly runId: string;
  /** The run's step this probe was taken at (after the step's update), 1-based. */
  readonly step: number;
  readonly epoch: number;
  /** The learning rate this step used. */
  readonly learningRate: number;
  readonly input: InputStats;
  readonly layers: readonly LayerProbe[];
  /** Absent for optimizers the probes cannot introspect (a foreign tf.Optimizer). */
  readonly stepSizes?: StepSizeHistogram;
}

/**
 * Bins of the effective step size: bin i holds steps in
 * [10^(minExponent + i / perDecade), 10^(minExponent + (i + 1) / perDecade)); the first bin
 * also holds everything below, the last everything above (and non-finite values).
 */
export const STEP_SIZE_BINS = { minExponent: -12, maxExponent: 2, perDecade: 2 } as const;

export const STEP_SIZE_BIN_COUNT = (STEP_SIZE_BINS.maxExponent - STEP_SIZE_BINS.minExponent) * STEP_SIZE_BINS.perDecade;

/** The lower edge of bin `index` (its geometric centre with `centre`). */
export function stepSizeBinEdge(index: number, centre = false): number {
  return 10 ** (STEP_SIZE_BINS.minExponent + (index + (centre ? 0.5 : 0)) / STEP_SIZE_BINS.perDecade);
}

/**
 * The q-quantile (0..1) of a histogram, read at bin centres (log-interpolated within the
 * bin the quantile falls in). Undefined for an empty histogram.
 */
export function histogramQuantile(counts: readonly number[], q: number): number | undefined {
  const total = counts.reduce((sum, c) => sum + c, 0);
  if (total <= 0) return undefined;
  const target = q * total;
  let below = 0;
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i]!;
    if (count > 0 && below + count >= target) {
      const within = Math.min(1, Math.max(0, (target - below) / count));
      return 10 ** (STEP_SIZE_BINS.minExponent + (i + within) / STEP_SIZE_BINS.perDecade);
    }
    below += count;
  }
  return stepSizeBinEdge(counts.length - 1, true);
}

/**
 * The q-quantile of a probe's step sizes: exact where the probe measured that quantile,
 * else read from its histogram (probes saved before the quantiles were measured).
 */
export function stepSizeQuantile(stepSizes: StepSizeHistogram, q: number): number | undefined {
  const measured = STEP_SIZE_QUANTILES.indexOf(q as (typeof STEP_SIZE_QUANTILES)[number]);
  const exact = measured >= 0 ? stepSizes.quantiles?.[measured] : undefined;
  return exact ?? histogramQuantile(stepSizes.counts, q);
}

/** Probes are taken at a run's first step and then every `every` steps. */
export function isProbeStep(step: number, every: number): boolean {
  return step === 1 || step % every === 0;
}
