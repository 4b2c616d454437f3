/** A confusion matrix as heatmap cells, with row shares, per-class accuracy and colours. Pure. */
import { accuracyFromConfusion, perClassAccuracy, rowNormalized } from '../../../engine/metrics/classification';

export interface HeatCell {
  readonly row: number;
  readonly column: number;
  readonly count: number;
  /** count / row total: the share of true class `row` predicted as `column`. */
  readonly share: number;
}

export interface Heatmap {
  readonly cells: readonly HeatCell[];
  readonly size: number;
  readonly perClass: readonly number[];
  readonly accuracy: number;
  readonly total: number;
}

export function heatmap(matrix: readonly (readonly number[])[]): Heatmap {
  const shares = rowNormalized(matrix);
  const cells: HeatCell[] = [];
  matrix.forEach((row, i) => row.forEach((count, j) => cells.push({ row: i, column: j, count, share: shares[i]![j]! })));
  return {
    cells,
    size: matrix.length,
    perClass: perClassAccuracy(matrix),
    accuracy: accuracyFromConfusion(matrix),
    total: matrix.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0),
  };
}

/** White → Okabe-Ito blue (#0072B2) by share in [0, 1]: one hue, so colour-vision deficiency does not matter. */
export function shareColor(share: number): string {
  const t = Math.min(1, Math.max(0, share));
  const mix = (from: number, to: number) => Math.round(from + (to - from) * Math.sqrt(t));
  return `rgb(${mix(255, 0)}, ${mix(255, 114)}, ${mix(255, 178)})`;
}

/** Dark text on light cells, white on dark ones. */
export function textColor(share: number): string {
  return share > 0.35 ? '#ffffff' : '#1a1a1a';
}

export function percentText(share: number): string {
  if (!Number.isFinite(share)) return '–';
  return share >= 0.995 || share === 0 ? `${Math.round(share * 100)}%` : `${(share * 100).toFixed(1)}%`;
}
