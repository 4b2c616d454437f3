/** Small number helpers the detectors share: windows of a loss curve, medians, readable numbers. */

export const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The mean of the first and of the last tenth of a series (at least `minimum` points
 * each), so one noisy batch decides nothing. Undefined when the series is shorter than
 * two such windows or a window holds a non-finite value.
 */
export function endWindows(values: readonly number[], minimum = 3): { first: number; last: number } | undefined {
  const size = Math.max(minimum, Math.floor(values.length / 10));
  if (values.length < 2 * size) return undefined;
  const first = mean(values.slice(0, size));
  const last = mean(values.slice(-size));
  return Number.isFinite(first) && Number.isFinite(last) ? { first, last } : undefined;
}

/** (last − first) / |first|: −0.3 is a 30% fall. */
export const relativeChange = (first: number, last: number): number => (last - first) / Math.abs(first);

/** A number for a sentence: three significant digits, exponents for the very small and large. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e5)) return value.toExponential(1).replace('.0e', 'e').replace('e+', 'e');
  return Number(value.toPrecision(3)).toString();
}

export const percent = (share: number): string => `${(share * 100).toFixed(Math.abs(share) < 0.1 ? 1 : 0)}%`;
