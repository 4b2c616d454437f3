/**
 * Where the names at the ends of the lines go (lecture mode labels lines instead of a
 * legend): each at its line's last point, pushed apart just enough that no two overlap,
 * and kept inside the plot. Pure, so the placement is tested without a chart.
 */

export interface LineEnd {
  readonly key: string;
  /** The line's last point, in pixels from the chart's top. */
  readonly y: number;
}

export interface PlacedLabel {
  readonly key: string;
  /** Where the label's centre goes. */
  readonly y: number;
  /** Where the line ends (for a leader line when the label had to move). */
  readonly anchorY: number;
}

export interface LabelBand {
  readonly top: number;
  readonly bottom: number;
  /** A label's height: centres at least this far apart. */
  readonly gap: number;
}

/**
 * Sorted by height, labels are pushed down past their upper neighbour, then the whole
 * stack is pulled back up where it ran past the bottom: the fewest moves that keep the
 * order of the lines' ends, which is what a reader matches colours by.
 */
export function placeEndLabels(ends: readonly LineEnd[], band: LabelBand): PlacedLabel[] {
  const sorted = [...ends].filter((end) => Number.isFinite(end.y)).sort((a, b) => a.y - b.y);
  const half = band.gap / 2;
  const ys = sorted.map((end) => Math.min(band.bottom - half, Math.max(band.top + half, end.y)));
  for (let i = 1; i < ys.length; i++) ys[i] = Math.max(ys[i]!, ys[i - 1]! + band.gap);
  const overflow = (ys.at(-1) ?? 0) - (band.bottom - half);
  if (overflow > 0) {
    ys[ys.length - 1]! -= overflow;
    for (let i = ys.length - 2; i >= 0; i--) ys[i] = Math.min(ys[i]!, ys[i + 1]! - band.gap);
  }
  return sorted.map((end, i) => ({ key: end.key, y: ys[i]!, anchorY: end.y }));
}
