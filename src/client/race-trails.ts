/**
 * Trails of a race as the page keeps them: one growing Float32Array of (x, y, loss)
 * triples per racer, appended in place as frames arrive, so a canvas can draw only
 * the points it has not drawn yet, and nothing is copied per frame.
 */
export interface RaceTrail {
  /** (x, y, loss) triples; the first `length` points are valid. */
  readonly points: Float32Array;
  readonly length: number;
}

class GrowingTrail implements RaceTrail {
  points = new Float32Array(3 * 256);
  length = 0;

  append(source: Float32Array, from: number, count: number): void {
    const needed = 3 * (this.length + count);
    if (needed > this.points.length) {
      let size = this.points.length;
      while (size < needed) size *= 2;
      const grown = new Float32Array(size);
      grown.set(this.points.subarray(0, 3 * this.length));
      this.points = grown;
    }
    this.points.set(source.subarray(3 * from, 3 * (from + count)), 3 * this.length);
    this.length += count;
  }
}

export interface TrailSet {
  readonly trails: readonly RaceTrail[];
  /** Adds a frame's points: `counts[i]` triples of racer i, racer by racer. */
  append(counts: readonly number[], points: Float32Array): void;
}

export function createTrailSet(size: number): TrailSet {
  const trails = Array.from({ length: size }, () => new GrowingTrail());
  return {
    trails,
    append(counts, points) {
      let offset = 0;
      counts.forEach((count, i) => {
        trails[i]?.append(points, offset, count);
        offset += count;
      });
    },
  };
}
