/**
 * Decimation for long series: Largest-Triangle-Three-Buckets (Steinarsson 2013, "Downsampling
 * Time Series for Visual Representation"). It keeps the first and last points and, from
 * each of `threshold − 2` equal buckets, the point that forms the largest triangle with
 * the point kept before it and the mean of the next bucket, so peaks and spikes survive
 * where plain striding would drop them. O(n), no allocation beyond the result.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}

export function lttb(points: readonly Point[], threshold: number): Point[] {
  const n = points.length;
  if (threshold >= n || threshold <= 0) return points.slice();
  if (threshold < 3) return threshold === 1 ? [points[0]!] : [points[0]!, points[n - 1]!];

  const out: Point[] = [points[0]!];
  const bucketSize = (n - 2) / (threshold - 2);
  let a = 0; // index of the point kept last
  for (let i = 0; i < threshold - 2; i++) {
    const start = Math.floor(i * bucketSize) + 1;
    const end = Math.min(Math.floor((i + 1) * bucketSize) + 1, n - 1);
    // The mean of the next bucket (the last point for the last bucket).
    const nextStart = end;
    const nextEnd = Math.min(Math.floor((i + 2) * bucketSize) + 1, n);
    let meanX = 0;
    let meanY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      meanX += points[j]!.x;
      meanY += points[j]!.y;
    }
    const count = nextEnd - nextStart;
    meanX /= count;
    meanY /= count;

    const pa = points[a]!;
    let bestArea = -1;
    let best = start;
    for (let j = start; j < end; j++) {
      const p = points[j]!;
      const area = Math.abs((pa.x - meanX) * (p.y - pa.y) - (pa.x - p.x) * (meanY - pa.y));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    out.push(points[best]!);
    a = best;
  }
  out.push(points[n - 1]!);
  return out;
}

/**
 * Points a chart can draw: finite values only (a diverged run's NaN/Infinity would break
 * the scale), and only positive ones on a log axis.
 */
export function drawable(points: readonly Point[], logY: boolean): Point[] {
  return points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && (!logY || p.y > 0));
}
