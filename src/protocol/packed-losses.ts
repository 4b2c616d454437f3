/**
 * Per-batch losses cross the worker boundary as one Float64Array of
 * [runIndex, step, loss] triples (see PackedBatchLosses), so thousands of points cost
 * one transferable buffer instead of thousands of cloned objects.
 */
export interface BatchLossPoint {
  readonly runIndex: number;
  readonly step: number;
  readonly loss: number;
}

export const VALUES_PER_POINT = 3;

/** Packs points into a fresh Float64Array that the sender may transfer. */
export function packBatchLosses(points: readonly BatchLossPoint[]): Float64Array {
  const triples = new Float64Array(points.length * VALUES_PER_POINT);
  points.forEach((point, i) => {
    triples[i * VALUES_PER_POINT] = point.runIndex;
    triples[i * VALUES_PER_POINT + 1] = point.step;
    triples[i * VALUES_PER_POINT + 2] = point.loss;
  });
  return triples;
}

/** The inverse of packBatchLosses; a trailing partial triple is ignored. */
export function unpackBatchLosses(triples: Float64Array): BatchLossPoint[] {
  const points: BatchLossPoint[] = [];
  for (let i = 0; i + VALUES_PER_POINT <= triples.length; i += VALUES_PER_POINT) {
    points.push({ runIndex: triples[i]!, step: triples[i + 1]!, loss: triples[i + 2]! });
  }
  return points;
}
