/**
 * Run colours: the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"), which
 * stays distinguishable under the common colour-vision deficiencies. Ordered for a white
 * background (yellow last: it has the least contrast), then Paul Tol's muted colours for
 * larger comparisons: nine or ten runs (E5 part two), fourteen (E1's VAE1 vs VAE2).
 */
export const OKABE_ITO = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#D55E00', // vermillion
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#000000', // black
  '#F0E442', // yellow
] as const;

const EXTRA = ['#882255', '#999933', '#332288', '#117733', '#AA4499', '#44AA99'] as const;

export const RUN_COLORS: readonly string[] = [...OKABE_ITO, ...EXTRA];

/** The colour of the run at this position in its comparison (cycles past fourteen runs). */
export function runColor(index: number): string {
  const n = RUN_COLORS.length;
  return RUN_COLORS[((index % n) + n) % n]!;
}
