/**
 * The valley chart's y axis on a log scale: Adam's final losses can sit a decade below
 * SGD's, flat on a linear axis. Ticks are 1-2-5 multiples of powers of ten when the
 * values span less than two decades, else the decades alone. Pure.
 */

const STEPS = [1, 2, 5] as const;

const isDecade = (t: number): boolean => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9;

/** Whether the values can go on a log axis at all: all positive (a loss of 0 cannot). */
export const loggable = (values: readonly number[]): boolean => values.length > 0 && values.every((v) => v > 0 && Number.isFinite(v));

/** 1, 2 and 5 times the powers of ten from below `low` to above `high`, ascending. */
function oneTwoFive(low: number, high: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(low)) - 1; e <= Math.ceil(Math.log10(high)); e++) {
    for (const step of STEPS) ticks.push(Number((step * 10 ** e).toPrecision(12)));
  }
  return ticks;
}

export interface LogAxis {
  readonly domain: readonly [number, number];
  readonly ticks: readonly number[];
  /** Where the "no value" markers sit, above every value. */
  readonly band: number;
}

/** A log axis for positive values: from the 1-2-5 value at or below the lowest to above the highest. */
export function logAxis(values: readonly number[]): LogAxis {
  if (!loggable(values)) {
    throw new Error(`A log axis needs positive, finite values; got ${JSON.stringify(values)}`);
  }
  const low = Math.min(...values);
  const high = Math.max(...values);
  const wide = high / low >= 100;
  const candidates = oneTwoFive(low, high).filter((t) => !wide || isDecade(t));
  const bottom = candidates.filter((t) => t <= low * (1 + 1e-9)).at(-1)!;
  const band = high * 1.5;
  const ticks = candidates.filter((t) => t >= bottom && t <= band);
  return { domain: [bottom, band * 1.15], ticks, band };
}
