import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '../../../lib/errors';
import type { Rng } from '../../../lib/rng';
import { isActivationName, type ActivationName } from '../activations';
import { computeFans, initializers, isInitializerName, type InitializerName } from '../initializers';
import type { Padding, Shape, Size2d } from './types';

/**
 * A named variable holding `initializer`'s values for `shape`. The values are computed in
 * JS, so they are the same on every backend. tfjs registers variables globally by name:
 * a name in use raises a ConfigError (two models sharing a modelId).
 */
export function makeVariable(
  name: string,
  shape: readonly number[],
  initializer: InitializerName,
  rng: Rng,
  trainable: boolean,
): tf.Variable {
  if (Object.prototype.hasOwnProperty.call(tf.engine().registeredVariables, name)) {
    throw new ConfigError('duplicate-variable', 'a model id not used by a live model', `a variable named ${name} already exists`, name);
  }
  const values = initializers[initializer](shape, computeFans(shape), rng);
  const initial = tf.tensor(values, [...shape], 'float32');
  try {
    return tf.variable(initial, trainable, name);
  } finally {
    initial.dispose();
  }
}

export function positiveInt(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ConfigError('bad-layer', 'a positive integer', String(value), where);
  }
  return value;
}

export function nonNegative(value: number | undefined, fallback: number, where: string): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < 0) throw new ConfigError('bad-layer', 'a finite number >= 0', String(v), where);
  return v;
}

export function size2d(value: Size2d | undefined, fallback: number, where: string): [number, number] {
  const v = value ?? fallback;
  const pair: readonly [number, number] = typeof v === 'number' ? [v, v] : v;
  return [positiveInt(pair[0], `${where}[0]`), positiveInt(pair[1], `${where}[1]`)];
}

export function padding(value: Padding | undefined, where: string): Padding {
  const v = value ?? 'valid';
  if (v !== 'valid' && v !== 'same') throw new ConfigError('bad-layer', "'valid' or 'same'", String(v), where);
  return v;
}

export function activation(value: ActivationName | undefined, where: string): ActivationName {
  const v = value ?? 'linear';
  if (!isActivationName(v)) throw new ConfigError('bad-layer', 'a known activation', String(v), where);
  return v;
}

export function initializer(value: InitializerName | undefined, fallback: InitializerName, where: string): InitializerName {
  const v = value ?? fallback;
  if (!isInitializerName(v)) throw new ConfigError('bad-layer', 'a known initializer', String(v), where);
  return v;
}

export function requireRank(inputShape: Shape, rank: number, kind: string, where: string): void {
  if (inputShape.length !== rank) {
    const hint = rank === 1 ? ' (add a flatten layer before it)' : '';
    throw new ConfigError(
      'bad-input-shape',
      `a rank-${rank} input per example for ${kind}${hint}`,
      `[${inputShape.join(', ')}]`,
      where,
    );
  }
}

/** Output length of a convolution or pooling window along one axis (TF/Keras). */
export function windowOutputLength(n: number, k: number, s: number, pad: Padding): number {
  return pad === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1;
}

export function requirePositiveOutput(shape: Shape, inputShape: Shape, where: string): void {
  if (shape.some((d) => !(d >= 1))) {
    throw new ConfigError(
      'bad-input-shape',
      'an input large enough for this layer',
      `input [${inputShape.join(', ')}] gives output [${shape.join(', ')}]`,
      where,
    );
  }
}

export function sizeOf(shape: Shape): number {
  return shape.reduce((a, b) => a * b, 1);
}
