/**
 * Draws a race on four stacked canvases: the surface (painted once per surface, size
 * and contrast, minima marked), the trails' dark halos, the trails, and an overlay
 * (each racer's current point, its arrows, the start, the keyboard cursor) redrawn
 * only when something on it moved.
 *
 * Trails are drawn incrementally: each frame strokes only the segments added since the
 * last one, so eight 5,000-point trails cost what eight new segments cost. Halos live
 * on their own canvas under every trail, so a new segment's halo never covers an older
 * segment of another racer. A full redraw happens only for a new race, a resize or a
 * new surface.
 */
import type { RaceTrail } from '../../../client/race-trails';
import type { RaceEntryState } from '../../../engine/race/types';
import type { Point, Surface } from '../../../engine/surfaces';
import { drawArrow, drawCross, drawMarker } from './canvas-shapes';
import type { Arrows } from './race-settings';
import { surfacePixels } from './surface-image';
import { toPixel, type Viewport } from './viewport';

export interface RaceLayers {
  readonly base: HTMLCanvasElement;
  readonly halo: HTMLCanvasElement;
  readonly trails: HTMLCanvasElement;
  readonly overlay: HTMLCanvasElement;
}

export interface PaintInput {
  readonly generation: number;
  readonly trails: readonly RaceTrail[];
  readonly colors: readonly string[];
  readonly states: readonly RaceEntryState[];
  readonly arrows: readonly Arrows[];
  readonly start: Point;
  readonly cursor?: Point;
}

interface Scene {
  readonly surface: Surface;
  readonly viewport: Viewport;
  readonly scale: number;
  readonly highContrast: boolean;
}

const HALO = 'rgba(0, 0, 0, 0.6)';

function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas in this browser');
  return ctx;
}

export class RacePainter {
  private scene: Scene | undefined;
  private drawnGeneration = -1;
  private drawn: number[] = [];
  private overlayKey = '';
  private lastStates: readonly RaceEntryState[] = [];
  private lastArrows: readonly Arrows[] = [];

  constructor(private readonly layers: RaceLayers) {}

  /** A new surface, size or contrast: repaints the surface and, at the next paint, every trail. */
  setScene(surface: Surface, viewport: Viewport, scale: number, highContrast: boolean): void {
    this.scene = { surface, viewport, scale, highContrast };
    for (const canvas of Object.values(this.layers)) {
      canvas.width = Math.round(viewport.width * scale);
      canvas.height = Math.round(viewport.height * scale);
      canvas.style.width = `${viewport.width}px`;
      canvas.style.height = `${viewport.height}px`;
    }
    this.paintBase();
    this.drawnGeneration = -1;
    this.overlayKey = '';
  }

  private get lineWidth(): number {
    return this.scene!.highContrast ? 3.5 : 2;
  }

  private paintBase(): void {
    const { surface, viewport, scale, highContrast } = this.scene!;
    const ctx = context(this.layers.base);
    const { width, height } = viewport;
    const image = new ImageData(surfacePixels(surface, width, height, { highContrast }), width, height);
    const bitmap = document.createElement('canvas');
    bitmap.width = width;
    bitmap.height = height;
    context(bitmap).putImageData(image, 0, 0);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(bitmap, 0, 0, this.layers.base.width, this.layers.base.height);
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    const size = highContrast ? 9 : 7;
    for (const minimum of surface.minima) drawMarker(ctx, 'minimum', ...toPixel(viewport, minimum.x, minimum.y), size);
    for (const point of surface.criticalPoints) drawMarker(ctx, point.kind, ...toPixel(viewport, point.x, point.y), size);
  }

  /** Draws what changed since the last call. */
  paint(input: PaintInput): void {
    if (!this.scene) return;
    if (input.generation !== this.drawnGeneration || input.trails.length !== this.drawn.length) this.clearTrails(input);
    let grew = false;
    input.trails.forEach((trail, i) => {
      if (trail.length > this.drawn[i]!) {
        this.strokeTrail(trail, Math.max(0, this.drawn[i]! - 1), input.colors[i]!);
        this.drawn[i] = trail.length;
        grew = true;
      }
    });
    const key = `${input.start.x},${input.start.y},${input.cursor?.x},${input.cursor?.y}`;
    if (grew || key !== this.overlayKey || input.states !== this.lastStates || input.arrows !== this.lastArrows) {
      this.overlayKey = key;
      this.lastStates = input.states;
      this.lastArrows = input.arrows;
      this.paintOverlay(input);
    }
  }

  private clearTrails(input: PaintInput): void {
    const { scale } = this.scene!;
    for (const canvas of [this.layers.halo, this.layers.trails]) {
      const ctx = context(canvas);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(scale, 0, 0, scale, 0, 0);
      ctx.lineJoin = 'round';
      ctx.lineCap = 'round';
    }
    this.drawnGeneration = input.generation;
    this.drawn = input.trails.map(() => 0);
  }

  /** Strokes the trail from point `from` to its end, halo first. */
  private strokeTrail(trail: RaceTrail, from: number, color: string): void {
    const { viewport } = this.scene!;
    const { points, length } = trail;
    if (length - from < 2) return;
    const path = new Path2D();
    path.moveTo(...toPixel(viewport, points[3 * from]!, points[3 * from + 1]!));
    for (let i = from + 1; i < length; i++) path.lineTo(...toPixel(viewport, points[3 * i]!, points[3 * i + 1]!));
    const halo = context(this.layers.halo);
    halo.strokeStyle = HALO;
    halo.lineWidth = this.lineWidth + 2;
    halo.stroke(path);
    const line = context(this.layers.trails);
    line.strokeStyle = color;
    line.lineWidth = this.lineWidth;
    line.stroke(path);
  }

  private paintOverlay(input: PaintInput): void {
    const { viewport, scale, surface, highContrast } = this.scene!;
    const ctx = context(this.layers.overlay);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.layers.overlay.width, this.layers.overlay.height);
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    const size = highContrast ? 8 : 6;
    drawMarker(ctx, 'start', ...toPixel(viewport, input.start.x, input.start.y), size + 2);
    if (input.cursor) drawCross(ctx, ...toPixel(viewport, input.cursor.x, input.cursor.y), 12);
    input.trails.forEach((trail, i) => {
      if (trail.length === 0) return;
      const x = trail.points[3 * (trail.length - 1)]!;
      const y = trail.points[3 * (trail.length - 1) + 1]!;
      const [px, py] = toPixel(viewport, x, y);
      const color = input.colors[i]!;
      const state = input.states[i];
      const arrows = input.arrows[i];
      if (arrows?.gradient && !state?.diverged) {
        const [gx, gy] = surface.gradient(x, y);
        drawArrow(ctx, px, py, [-gx, -gy], color, { dashed: true, width: this.lineWidth });
      }
      if (arrows?.momentum && state?.momentum && !state.diverged) drawArrow(ctx, px, py, state.momentum, color, { dashed: false, width: this.lineWidth + 1 });
      drawMarker(ctx, state?.diverged ? 'diverged' : 'current', px, py, size, color);
    });
  }
}
