/**
 * Exponential moving average with bias correction (as TensorBoard and Adam do): early
 * points are not dragged towards zero. Non-finite values are passed through as NaN and
 * do not poison the average after them.
 */
export function smoothSeries(values: readonly number[], weight: number): number[] {
  if (!(weight >= 0 && weight < 1)) throw new RangeError(`expected smoothing weight in [0, 1), found ${weight}`);
  let biased = 0;
  let steps = 0;
  return values.map((value) => {
    if (!Number.isFinite(value)) return Number.NaN;
    biased = biased * weight + (1 - weight) * value;
    steps += 1;
    return biased / (1 - weight ** steps);
  });
}

export interface TimedPoint {
  readonly value: number;
  /** Seconds, steps, or whatever axis the caller measures progress in. */
  readonly at: number;
}

/** Whether `value` meets `target`: >= for 'max' metrics (accuracy), <= for 'min' ones (loss); non-finite never does. */
export function meetsTarget(value: number, target: number, mode: 'max' | 'min'): boolean {
  return Number.isFinite(value) && (mode === 'max' ? value >= target : value <= target);
}

/**
 * First point at which `value` reaches the target (>= for 'max' metrics such as
 * accuracy, <= for 'min' metrics such as loss), or undefined: "not reached".
 */
export function timeToTarget(
  points: readonly TimedPoint[],
  target: number,
  mode: 'max' | 'min',
): number | undefined {
  return points.find((p) => meetsTarget(p.value, target, mode))?.at;
}
