// Helpers shared by this folder's tests (not exported from index.ts).
import * as tf from '@tensorflow/tfjs';
import type { Batch } from '../data/types';
import { createRng } from '../../lib/rng';

export async function useCpuBackend(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

/** A classification batch of `rows` random inputs in [0, 1); rows >= size are padding. */
export function randomBatch(inputShape: readonly number[], rows: number, numClasses: number, seed = 1, size = rows): Batch {
  const rng = createRng(seed);
  const perRow = inputShape.reduce((a, b) => a * b, 1);
  const x = new Float32Array(rows * perRow);
  for (let i = 0; i < x.length; i++) x[i] = rng.next();
  const y = new Int32Array(rows);
  for (let i = 0; i < rows; i++) y[i] = rng.int(numClasses);
  return { x: tf.tensor(x, [rows, ...inputShape]), y: tf.tensor1d(y, 'int32'), size };
}

export function disposeBatch(batch: Batch): void {
  batch.x.dispose();
  batch.y.dispose();
}

export function registeredNamesStartingWith(prefix: string): string[] {
  return Object.keys(tf.engine().registeredVariables).filter((n) => n.startsWith(prefix));
}
