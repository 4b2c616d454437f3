/** Numbers on axes and in tooltips: short, and exact enough to tell runs apart. */
export function formatValue(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e5)) return value.toExponential(2);
  return Number(value.toPrecision(4)).toString();
}

export function formatTick(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-2 || abs >= 1e4)) return value.toExponential(0);
  return Number(value.toPrecision(3)).toString();
}

/**
 * Round ticks from 0 to just past `max`: about `count` steps of 1, 2, 2.5 or 5 times a
 * power of ten (whole steps only when `integer`), so axes read 0, 2, 4, 6 and not
 * 0, 0.358, 0.716.
 */
export function niceTicks(max: number, count = 5, integer = false): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  if (integer) step = Math.max(1, Math.ceil(step));
  const ticks: number[] = [];
  for (let i = 0; ticks.length === 0 || ticks.at(-1)! < max - 1e-12; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}
