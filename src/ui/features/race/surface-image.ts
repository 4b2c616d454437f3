/**
 * A surface as pixels: the loss on a log colour scale, log₁₀(f − f_min + δ) with
 * δ = 10⁻⁴ of the loss range on screen (four decades of contrast on every surface),
 * from near-white at the minimum to Okabe-Ito blue up the walls: one hue, so colour
 * vision does not matter, and light, so the runs' colours stay readable on it. Contour
 * lines mark every quarter decade where they are at least ~3 px apart. Pure: the canvas
 * puts the pixels on screen.
 */
import type { Surface } from '../../../engine/surfaces';

export interface SurfaceImageOptions {
  /** Projector mode: a stronger ramp and darker contours. */
  readonly highContrast: boolean;
}

const BLUE = [0, 114, 178] as const;
const BANDS_PER_DECADE = 4;

/** RGBA, row by row from the top (y = view.yMax) down. */
export function surfacePixels(surface: Surface, width: number, height: number, options: SurfaceImageOptions): Uint8ClampedArray<ArrayBuffer> {
  const { xMin, xMax, yMin, yMax } = surface.view;
  const values = new Float64Array(width * height);
  let highest = -Infinity;
  for (let row = 0; row < height; row++) {
    const y = yMax - ((row + 0.5) / height) * (yMax - yMin);
    for (let column = 0; column < width; column++) {
      const value = surface.value(xMin + ((column + 0.5) / width) * (xMax - xMin), y);
      values[row * width + column] = value;
      if (value > highest) highest = value;
    }
  }
  const delta = Math.max(1e-12, 1e-4 * (highest - surface.minimumValue));
  const low = Math.log10(delta);
  const span = Math.max(1e-9, Math.log10(highest - surface.minimumValue + delta) - low);
  const levels = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) levels[i] = (Math.log10(Math.max(0, values[i]! - surface.minimumValue) + delta) - low) / span;

  const strength = options.highContrast ? 0.7 : 0.5;
  const line = options.highContrast ? 0.6 : 0.82;
  const bands = Math.round(span * BANDS_PER_DECADE);
  const band = (i: number) => Math.floor(levels[i]! * bands);
  // A line where the band changes between neighbours, unless lines there would be closer
  // than about three pixels (around a minimum the log crowds them into a dark blot).
  const crowded = 1 / (3 * bands);
  const crosses = (i: number, j: number) => band(i) !== band(j) && Math.abs(levels[i]! - levels[j]!) < crowded;
  const pixels = new Uint8ClampedArray(4 * values.length);
  for (let row = 0; row < height; row++) {
    for (let column = 0; column < width; column++) {
      const i = row * width + column;
      const mix = strength * levels[i]!;
      const edge = (column + 1 < width && crosses(i, i + 1)) || (row + 1 < height && crosses(i, i + width));
      const shade = edge ? line : 1;
      for (let c = 0; c < 3; c++) pixels[4 * i + c] = (255 + (BLUE[c]! - 255) * mix) * shade;
      pixels[4 * i + 3] = 255;
    }
  }
  return pixels;
}
