/**
 * The race out of the page: the trajectories as tidy CSV (one row per racer per step:
 * optimizer label, Keras name, step, x, y, loss), and the picture as PNG (the canvas
 * as on screen, with a legend of each racer's colour, label, step and loss, so a
 * slide needs nothing else).
 */
import type { RaceTrail } from '../../../client/race-trails';
import { toCsv } from '../../../persistence/csv';
import { context2d } from './race-painter';

export const RACE_CSV_COLUMNS = ['optimizer', 'keras_name', 'step', 'x', 'y', 'loss'] as const;

export interface ExportedRacer {
  readonly label: string;
  readonly name: string;
  readonly color: string;
  readonly trail: RaceTrail;
  /** For the legend: e.g. `step 120 · loss 0.0123`, or `diverged at step 14`. */
  readonly status: string;
}

export function raceCsv(racers: readonly ExportedRacer[]): string {
  const rows = racers.flatMap((racer) => {
    const { points, length } = racer.trail;
    return Array.from({ length }, (_, step) => [racer.label, racer.name, step, points[3 * step], points[3 * step + 1], points[3 * step + 2]]);
  });
  return toCsv(RACE_CSV_COLUMNS, rows);
}

export async function racePng(source: HTMLCanvasElement, title: string, racers: readonly ExportedRacer[]): Promise<Blob> {
  const { width, height } = source;
  const scale = width / (parseFloat(source.style.width) || width);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = context2d(canvas);
  ctx.drawImage(source, 0, 0);
  ctx.scale(scale, scale);
  const line = 18;
  ctx.font = '600 13px system-ui, sans-serif';
  const boxWidth = 16 + Math.max(ctx.measureText(title).width, ...racers.map((r) => ctx.measureText(`${r.label}  ${r.status}`).width + 18));
  ctx.fillStyle = 'rgba(255, 255, 255, 0.88)';
  ctx.strokeStyle = '#888';
  ctx.fillRect(8, 8, boxWidth, 10 + line * (racers.length + 1));
  ctx.strokeRect(8, 8, boxWidth, 10 + line * (racers.length + 1));
  ctx.fillStyle = '#111';
  ctx.fillText(title, 16, 8 + line);
  ctx.font = '13px system-ui, sans-serif';
  racers.forEach((racer, i) => {
    const y = 8 + line * (i + 2);
    ctx.fillStyle = racer.color;
    ctx.fillRect(16, y - 10, 12, 12);
    ctx.strokeRect(16, y - 10, 12, 12);
    ctx.fillStyle = '#111';
    ctx.fillText(`${racer.label}  ${racer.status}`, 34, y);
  });
  return new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
}
