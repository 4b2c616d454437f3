/**
 * Draws a race on one visible canvas. Behind it, off screen, a scene canvas holds the
 * surface (painted once per surface, size and contrast, minima marked) with every trail
 * on it; each frame that something moved, the scene is copied to the visible canvas and
 * the overlay (each racer's current point, its arrows, the start, the keyboard cursor)
 * is drawn on top.
 *
 * Why this shape: on a software renderer (SwiftShader, a projector laptop without a GPU
 * driver) a frame costs about what the compositor must redraw, so one visible layer beats
 * four stacked ones, and CPU-backed canvases (`willReadFrequently`) beat emulated-GPU
 * ones. Trails are drawn incrementally onto the scene, only the segments added since the
 * last frame, each with a dark outline, and points closer than half a pixel to the last
 * drawn one are skipped; eight 5,000-point trails then cost per frame what their new
 * segments cost. A full redraw happens only for a new race, a resize or a new surface.
 */
import type { RaceTrail } from '../../../client/race-trails';
import type { RaceEntryState } from '../../../engine/race/types';
import type { Point, Surface } from '../../../engine/surfaces';
import { drawArrow, drawCross, drawMarker } from './canvas-shapes';
import type { Arrows } from './race-settings';
import { surfacePixels } from './surface-image';
import { toPixel, type Viewport } from './viewport';

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

/** Where a trail's drawing stands: the points taken so far and the last vertex drawn, in CSS pixels. */
interface TrailCursor {
  taken: number;
  /** Vertices stroked so far (points too close to the last one are not). */
  vertices: number;
  x: number;
  y: number;
}

const OUTLINE = 'rgba(0, 0, 0, 0.6)';
/** Points nearer than this to the last drawn vertex (CSS pixels) add nothing visible. */
const MIN_SEGMENT_PX = 0.5;

export function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  // CPU-backed: cheaper than an emulated GPU for what this draws, and read back for PNGs.
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas in this browser');
  return ctx;
}

export class RacePainter {
  private readonly scene = document.createElement('canvas');
  private setup: Scene | undefined;
  private drawnGeneration = -1;
  private cursors: TrailCursor[] = [];
  private overlayKey = '';
  private lastStates: readonly RaceEntryState[] = [];
  private lastArrows: readonly Arrows[] = [];
  private dirty = true;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  /** A new surface, size or contrast: repaints the surface and, at the next paint, every trail. */
  setScene(surface: Surface, viewport: Viewport, scale: number, highContrast: boolean): void {
    this.setup = { surface, viewport, scale, highContrast };
    for (const canvas of [this.canvas, this.scene]) {
      canvas.width = Math.round(viewport.width * scale);
      canvas.height = Math.round(viewport.height * scale);
    }
    this.canvas.style.width = `${viewport.width}px`;
    this.canvas.style.height = `${viewport.height}px`;
    this.drawnGeneration = -1;
  }

  private get lineWidth(): number {
    return this.setup!.highContrast ? 3.5 : 2;
  }

  /** The surface alone, with its minima and other critical points marked. */
  private paintSurface(ctx: CanvasRenderingContext2D): void {
    const { surface, viewport, scale, highContrast } = this.setup!;
    const { width, height } = viewport;
    const bitmap = document.createElement('canvas');
    bitmap.width = width;
    bitmap.height = height;
    context2d(bitmap).putImageData(new ImageData(surfacePixels(surface, width, height, { highContrast }), width, height), 0, 0);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(bitmap, 0, 0, this.scene.width, this.scene.height);
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    const size = highContrast ? 9 : 7;
    for (const minimum of surface.minima) drawMarker(ctx, 'minimum', ...toPixel(viewport, minimum.x, minimum.y), size);
    for (const point of surface.criticalPoints) drawMarker(ctx, point.kind, ...toPixel(viewport, point.x, point.y), size);
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
  }

  /** Draws what changed since the last call; nothing at all when nothing did. */
  paint(input: PaintInput): void {
    if (!this.setup) return;
    const ctx = context2d(this.scene);
    if (input.generation !== this.drawnGeneration || input.trails.length !== this.cursors.length) {
      this.paintSurface(ctx);
      this.drawnGeneration = input.generation;
      this.cursors = input.trails.map(() => ({ taken: 0, vertices: 0, x: NaN, y: NaN }));
      this.dirty = true;
    }
    input.trails.forEach((trail, i) => {
      if (trail.length > this.cursors[i]!.taken && this.strokeTrail(ctx, trail, this.cursors[i]!, input.colors[i]!)) this.dirty = true;
    });
    const key = `${input.start.x},${input.start.y},${input.cursor?.x},${input.cursor?.y}`;
    if (key !== this.overlayKey || input.states !== this.lastStates || input.arrows !== this.lastArrows) this.dirty = true;
    if (!this.dirty) return;
    this.overlayKey = key;
    this.lastStates = input.states;
    this.lastArrows = input.arrows;
    this.dirty = false;
    const visible = context2d(this.canvas);
    visible.setTransform(1, 0, 0, 1, 0, 0);
    visible.drawImage(this.scene, 0, 0);
    this.paintOverlay(visible, input);
    // For tests and curious readers: how much trail the picture holds.
    const vertices = String(this.cursors.reduce((sum, cursor) => sum + cursor.vertices, 0));
    if (this.canvas.dataset.trailVertices !== vertices) this.canvas.dataset.trailVertices = vertices;
  }

  /** Strokes the trail's points not taken yet (outline, then colour); false if none was far enough to show. */
  private strokeTrail(ctx: CanvasRenderingContext2D, trail: RaceTrail, cursor: TrailCursor, color: string): boolean {
    const { viewport } = this.setup!;
    const { points, length } = trail;
    const path = new Path2D();
    let drawn = false;
    if (Number.isNaN(cursor.x)) [cursor.x, cursor.y] = toPixel(viewport, points[0]!, points[1]!);
    path.moveTo(cursor.x, cursor.y);
    for (let i = Math.max(1, cursor.taken); i < length; i++) {
      const [x, y] = toPixel(viewport, points[3 * i]!, points[3 * i + 1]!);
      if (Math.abs(x - cursor.x) < MIN_SEGMENT_PX && Math.abs(y - cursor.y) < MIN_SEGMENT_PX) continue;
      path.lineTo(x, y);
      cursor.x = x;
      cursor.y = y;
      cursor.vertices++;
      drawn = true;
    }
    cursor.taken = length;
    if (!drawn) return false;
    ctx.strokeStyle = OUTLINE;
    ctx.lineWidth = this.lineWidth + 2;
    ctx.stroke(path);
    ctx.strokeStyle = color;
    ctx.lineWidth = this.lineWidth;
    ctx.stroke(path);
    return true;
  }

  private paintOverlay(ctx: CanvasRenderingContext2D, input: PaintInput): void {
    const { viewport, scale, surface, highContrast } = this.setup!;
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
