/** The marks on the race canvas: minima, critical points, the start, the racers, arrows. */
export type MarkerKind = 'minimum' | 'saddle' | 'maximum' | 'start' | 'current' | 'diverged';

const INK = '#111';

/** Arrows show direction exactly; their length grows with the logarithm of the magnitude (10⁻³ → 16 px, 1 → 54 px, capped at 90 px). */
export function arrowLength(magnitude: number): number {
  return Math.min(90, 12 + 14 * Math.log10(1 + magnitude / 1e-3));
}

export function drawMarker(ctx: CanvasRenderingContext2D, kind: MarkerKind, x: number, y: number, size: number, color = '#fff'): void {
  ctx.save();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = INK;
  ctx.fillStyle = color;
  ctx.beginPath();
  switch (kind) {
    case 'minimum':
      for (let i = 0; i < 10; i++) {
        const r = i % 2 === 0 ? size : size * 0.45;
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        ctx.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
      }
      ctx.closePath();
      ctx.fill();
      ctx.stroke();
      break;
    case 'maximum':
      ctx.moveTo(x, y - size);
      ctx.lineTo(x + size, y + size * 0.7);
      ctx.lineTo(x - size, y + size * 0.7);
      ctx.closePath();
      ctx.fill();
      ctx.stroke();
      break;
    case 'saddle':
      ctx.rect(x - size * 0.7, y - size * 0.7, size * 1.4, size * 1.4);
      ctx.fill();
      ctx.stroke();
      break;
    case 'start':
      ctx.lineWidth = 3;
      ctx.arc(x, y, size, 0, 2 * Math.PI);
      ctx.strokeStyle = '#fff';
      ctx.stroke();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = INK;
      ctx.stroke();
      break;
    case 'current':
      ctx.arc(x, y, size, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
      break;
    case 'diverged':
      ctx.restore();
      drawCross(ctx, x, y, size * 1.6, color);
      return;
  }
  ctx.restore();
}

export function drawCross(ctx: CanvasRenderingContext2D, x: number, y: number, size: number, color = INK): void {
  ctx.save();
  ctx.lineCap = 'round';
  for (const [width, style] of [
    [5, '#fff'],
    [2.5, color],
  ] as const) {
    ctx.lineWidth = width;
    ctx.strokeStyle = style;
    ctx.beginPath();
    ctx.moveTo(x - size, y - size);
    ctx.lineTo(x + size, y + size);
    ctx.moveTo(x + size, y - size);
    ctx.lineTo(x - size, y + size);
    ctx.stroke();
  }
  ctx.restore();
}

/** An arrow from (x, y) along the plane vector `v` (y up), in pixels on screen (y down). */
export function drawArrow(ctx: CanvasRenderingContext2D, x: number, y: number, v: readonly [number, number], color: string, style: { dashed: boolean; width: number }): void {
  const magnitude = Math.hypot(v[0], v[1]);
  if (!(magnitude > 0) || !Number.isFinite(magnitude)) return;
  const length = arrowLength(magnitude);
  const ux = v[0] / magnitude;
  const uy = -v[1] / magnitude;
  const tipX = x + ux * length;
  const tipY = y + uy * length;
  const head = 6 + style.width * 1.5;
  ctx.save();
  ctx.lineCap = 'round';
  for (const [width, stroke] of [
    [style.width + 2, 'rgba(0, 0, 0, 0.6)'],
    [style.width, color],
  ] as const) {
    ctx.lineWidth = width;
    ctx.strokeStyle = stroke;
    ctx.setLineDash(style.dashed ? [6, 4] : []);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(tipX, tipY);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.moveTo(tipX - head * (ux - 0.5 * uy), tipY - head * (uy + 0.5 * ux));
    ctx.lineTo(tipX, tipY);
    ctx.lineTo(tipX - head * (ux + 0.5 * uy), tipY - head * (uy - 0.5 * ux));
    ctx.stroke();
  }
  ctx.restore();
}
