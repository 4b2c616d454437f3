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

/**
 * First point at which `value` reaches the target (>= for 'max' metrics such as
 * accuracy, <= for 'min' metrics such as loss), or undefined: "not reached".
 */
export function timeToTarget(
  points: readonly TimedPoint[],
  target: number,
  mode: 'max' | 'min',
): number | undefined {
  const reached = points.find((p) =>
    Number.isFinite(p.value) && (mode === 'max' ? p.value >= target : p.value <= target),
  );
  return reached?.at;
}
