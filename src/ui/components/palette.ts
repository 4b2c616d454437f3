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

type Rgb = readonly [number, number, number];

function hexRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The colour at t in [0, 1] along evenly spaced stops (linear in sRGB, which is enough for a legend-read heatmap). */
function along(stops: readonly string[], t: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const position = clamped * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(position));
  const [a, b] = [hexRgb(stops[i]!), hexRgb(stops[i + 1]!)];
  const f = position - i;
  const mix = (k: number) => Math.round(a[k]! + (b[k]! - a[k]!) * f);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

/**
 * Viridis (van der Walt & Smith, matplotlib), sampled at five stops: perceptually even,
 * readable in greyscale and under the common colour-vision deficiencies. t = 0 dark
 * purple, t = 1 yellow.
 */
const VIRIDIS = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const;

export function sequentialColor(t: number): string {
  return along(VIRIDIS, t);
}

/** Dark text on the light end of viridis, white on the dark end. */
export function sequentialTextColor(t: number): string {
  return t > 0.55 ? '#1a1a1a' : '#ffffff';
}

/**
 * ColorBrewer's RdBu (Brewer, colorbrewer2.org), marked colour-blind safe: v = -1 red,
 * 0 near white, +1 blue (E3's "the colder the colour, the higher the value").
 */
const RED_BLUE = ['#b2182b', '#ef8a62', '#fddbc7', '#f7f7f7', '#d1e5f0', '#67a9cf', '#2166ac'] as const;

export function divergingColor(value: number): string {
  return along(RED_BLUE, (value + 1) / 2);
}

/** Chart axis titles: recharts' default grey reads 3.95:1 on white; this reads 8:1 (WCAG asks 4.5:1). */
export const AXIS_TITLE_COLOR = '#4d4d4d';
