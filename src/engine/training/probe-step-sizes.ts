/**
 * A probe's effective step sizes, summarised from the values read back (no tfjs): the
 * histogram over STEP_SIZE_BINS and the exact quantiles at STEP_SIZE_QUANTILES, both over
 * the probe's sample, each sampled parameter weighted by how many it stands for. The
 * quantiles are read from the values themselves, not from the histogram: its bins are
 * half a decade wide, and reading a constant step of 0.01 back from its bin gave 0.011,
 * 0.018 and 0.028 for the 10th, 50th and 90th percentile.
 */
import { STEP_SIZE_BIN_COUNT, STEP_SIZE_BINS, STEP_SIZE_QUANTILES, stepSizeBinEdge, type StepSizeHistogram } from './probe-types';

/** The bin a step size falls in: below the first edge in the first, above the last or non-finite in the last. */
export function stepSizeBin(step: number): number {
  if (Number.isNaN(step)) return STEP_SIZE_BIN_COUNT - 1;
  const guess = Math.floor(STEP_SIZE_BINS.perDecade * (Math.log10(step) - STEP_SIZE_BINS.minExponent));
  let bin = Math.min(STEP_SIZE_BIN_COUNT - 1, Math.max(0, Number.isFinite(guess) ? guess : step > 0 ? STEP_SIZE_BIN_COUNT - 1 : 0));
  // log10 rounds: the edges decide, as stepSizeBinEdge states them.
  while (bin > 0 && step < stepSizeBinEdge(bin)) bin--;
  while (bin < STEP_SIZE_BIN_COUNT - 1 && step >= stepSizeBinEdge(bin + 1)) bin++;
  return bin;
}

/** Sorting key: NaN after everything, as the last bin holds it. */
const orderOf = (value: number) => (Number.isNaN(value) ? Number.POSITIVE_INFINITY : value);

/**
 * The weighted q-quantiles of `values`: for each q the smallest value whose cumulative
 * weight (values sorted) reaches q times the total. A constant is its own every quantile.
 */
export function weightedQuantiles(values: ArrayLike<number>, weights: ArrayLike<number>, qs: readonly number[]): number[] {
  if (values.length !== weights.length) throw new Error(`weightedQuantiles needs one weight per value: got ${values.length} values and ${weights.length} weights.`);
  if (values.length === 0) throw new Error('weightedQuantiles needs at least one value: got none.');
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => orderOf(values[a]!) - orderOf(values[b]!));
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]!;
  return qs.map((q) => {
    const target = q * total;
    let below = 0;
    for (const i of order) {
      below += weights[i]!;
      if (below >= target) return values[i]!;
    }
    return values[order.at(-1)!]!;
  });
}

/** The histogram (counts rounded to whole parameters) and exact quantiles of sampled step sizes. */
export function sampledStepSizes(values: ArrayLike<number>, weights: ArrayLike<number>): StepSizeHistogram {
  const counts = new Array<number>(STEP_SIZE_BIN_COUNT).fill(0);
  for (let i = 0; i < values.length; i++) counts[stepSizeBin(values[i]!)]! += weights[i]!;
  return { counts: counts.map((c) => Math.round(c)), quantiles: weightedQuantiles(values, weights, STEP_SIZE_QUANTILES) };
}

/** One step size for all `parameters` (SGD, Lion): one full bin, and that step as every quantile. */
export function constantStepSizes(step: number, parameters: number): StepSizeHistogram {
  const counts = new Array<number>(STEP_SIZE_BIN_COUNT).fill(0);
  counts[stepSizeBin(step)] = parameters;
  return { counts, quantiles: STEP_SIZE_QUANTILES.map(() => step) };
}
