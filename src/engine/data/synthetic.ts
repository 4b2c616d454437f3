import { ConfigError } from '../../lib/errors';
import { createRng, hashSeed } from '../../lib/rng';
import type { Dataset } from './types';

/**
 * Small 2-D sets for the hyperparameter grids (E3) and for quick tests. Both are pure
 * functions of their options: the same seed gives the same points everywhere.
 */

export interface ProdOptions {
  /** 2,500 in E3. */
  readonly count?: number;
  readonly seed: number;
}

/** Half-width of the input square: the points lie in [-2, 2] x [-2, 2]. */
export const PROD_INPUT_SCALE = 2;

/**
 * E3's "prod" regression set. The document shows only `trainFCNN(nb_pnt=2500,
 * dataset='prod')`; its author's public class (takeawildguess/FCNNlib, toyNN) draws
 * X = 2 * (2 * rand(n, 2) - 1), uniform in [-2, 2]^2, and sets y = x1 * x2 / 4, which
 * keeps the target in [-1, 1]. We do the same, drawing x1 then x2 per point as numpy
 * fills an (n, 2) array; only the random generator differs.
 */
export function makeProdRegression(options: ProdOptions): Dataset {
  const count = options.count ?? 2500;
  if (!Number.isInteger(count) || count < 1) {
    throw new ConfigError('bad-count', 'a whole number of points, at least 1', String(count), 'count');
  }
  const rng = createRng(hashSeed('prod', options.seed));
  const inputs = new Float32Array(count * 2);
  const targets = new Float32Array(count);
  const s = PROD_INPUT_SCALE;
  for (let i = 0; i < count; i++) {
    const x1 = s * (2 * rng.next() - 1);
    const x2 = s * (2 * rng.next() - 1);
    inputs[2 * i] = x1;
    inputs[2 * i + 1] = x2;
    targets[i] = (x1 * x2) / (s * s);
  }
  return { name: 'prod', task: 'regression', count, inputShape: [2], inputs, targets, classNames: [] };
}

export interface SpiralOptions {
  readonly count: number;
  readonly seed: number;
  /** Standard deviation of Gaussian noise added to each coordinate (default 0.05). */
  readonly noise?: number;
  /** Number of arms, one class each (default 2). */
  readonly classes?: number;
}

/**
 * Interleaved spiral arms, TensorFlow Playground style: point i of arm j sits at radius
 * r = i / n_j and angle 1.75 · 2π · r + 2πj / classes, so each arm winds almost twice
 * round the centre inside the unit disc and no straight line separates them. Samples
 * alternate between arms, so any prefix is close to balanced.
 */
export function makeSpiral(options: SpiralOptions): Dataset {
  const { count, seed } = options;
  const noise = options.noise ?? 0.05;
  const classes = options.classes ?? 2;
  if (!Number.isInteger(classes) || classes < 2 || classes > 255) {
    throw new ConfigError('bad-classes', 'from 2 to 255 spiral arms', String(classes), 'classes');
  }
  if (!Number.isInteger(count) || count < classes) {
    throw new ConfigError('bad-count', `a whole number of points, at least ${classes}`, String(count), 'count');
  }
  if (!(noise >= 0) || !Number.isFinite(noise)) {
    throw new ConfigError('bad-noise', 'a noise level of 0 or more', String(noise), 'noise');
  }
  const rng = createRng(hashSeed('spiral', seed));
  const inputs = new Float32Array(count * 2);
  const targets = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    const arm = k % classes;
    const i = Math.floor(k / classes);
    const armSize = Math.floor(count / classes) + (arm < count % classes ? 1 : 0);
    const r = i / armSize;
    const t = 1.75 * 2 * Math.PI * r + (2 * Math.PI * arm) / classes;
    inputs[2 * k] = r * Math.sin(t) + noise * rng.normal();
    inputs[2 * k + 1] = r * Math.cos(t) + noise * rng.normal();
    targets[k] = arm;
  }
  return {
    name: 'spiral',
    task: 'classification',
    count,
    inputShape: [2],
    inputs,
    targets,
    classNames: Array.from({ length: classes }, (_, j) => `arm ${j + 1}`),
  };
}
