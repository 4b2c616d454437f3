import type { Rng } from '../../lib/rng';
import type { InitializerName } from './names';

export {
  DEFAULT_KERNEL_INITIALIZER,
  initializerNames,
  isInitializerName,
  type InitializerName,
} from './names';

/**
 * Weight initialisers with Keras 3 names and semantics, computed in plain JavaScript from
 * the project's seeded generator, so that one seed gives bit-identical initial weights on
 * every backend (cpu, wasm, webgl) and in every thread.
 *
 * All the random ones are Keras's `VarianceScaling(scale, mode, distribution)`:
 *
 *   n      = fan_in | fan_out | (fan_in + fan_out) / 2     (mode), at least 1
 *   uniform:          w ~ U[-limit, limit],  limit  = sqrt(3 * scale / n)
 *   truncated_normal: w ~ N(0, sigma) redrawn outside +-2 sigma,
 *                     sigma = sqrt(scale / n) / 0.87962566103423978
 *
 * The constant is the standard deviation of a unit normal truncated to [-2, 2], so the
 * truncated draw ends up with standard deviation sqrt(scale / n), as Keras documents.
 *
 * | name           | scale | mode    | distribution     |
 * |----------------|-------|---------|------------------|
 * | glorot_uniform | 1     | fan_avg | uniform          |  (Keras's default kernel initializer)
 * | glorot_normal  | 1     | fan_avg | truncated_normal |
 * | he_uniform     | 2     | fan_in  | uniform          |
 * | he_normal      | 2     | fan_in  | truncated_normal |
 * | lecun_uniform  | 1     | fan_in  | uniform          |
 * | lecun_normal   | 1     | fan_in  | truncated_normal |
 */

/** Fan-in and fan-out of a weight tensor, as Keras's `compute_fans` defines them. */
export interface Fans {
  readonly fanIn: number;
  readonly fanOut: number;
}

/** Fills a tensor of `shape` (row-major) with initial values. */
export type Initializer = (shape: readonly number[], fans: Fans, rng: Rng) => Float32Array;

/** Standard deviation of a unit normal truncated to [-2, 2] (Keras's constant). */
export const TRUNCATED_NORMAL_STD_OF_UNIT = 0.87962566103423978;

/**
 * Keras `compute_fans`: a vector has fan_in = fan_out = its length; a matrix [in, out];
 * a convolution kernel [...receptive field, in, out] multiplies both by the receptive
 * field size. So a Conv2D kernel [kh, kw, inCh, outCh] has fan_in = kh*kw*inCh and
 * fan_out = kh*kw*outCh, and a Conv2DTranspose kernel [kh, kw, filters, inCh] has
 * fan_in = kh*kw*filters (Keras's own quirk, kept).
 */
export function computeFans(shape: readonly number[]): Fans {
  if (shape.length === 0) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0]!, fanOut: shape[0]! };
  if (shape.length === 2) return { fanIn: shape[0]!, fanOut: shape[1]! };
  let receptive = 1;
  for (const dim of shape.slice(0, -2)) receptive *= dim;
  return { fanIn: shape[shape.length - 2]! * receptive, fanOut: shape[shape.length - 1]! * receptive };
}

type FanMode = 'fanIn' | 'fanOut' | 'fanAvg';

function fanFor(mode: FanMode, fans: Fans): number {
  const n = mode === 'fanAvg' ? (fans.fanIn + fans.fanOut) / 2 : fans[mode];
  return Math.max(1, n);
}

function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** U[-limit, limit] with limit = sqrt(3 * scale / n). */
function varianceScalingUniform(scale: number, mode: FanMode): Initializer {
  return (shape, fans, rng) => {
    const limit = Math.sqrt((3 * scale) / fanFor(mode, fans));
    const out = new Float32Array(sizeOf(shape));
    for (let i = 0; i < out.length; i++) out[i] = (2 * rng.next() - 1) * limit;
    return out;
  };
}

/** N(0, sigma) truncated at +-2 sigma (rejection), sigma = sqrt(scale / n) / 0.8796... */
function varianceScalingTruncatedNormal(scale: number, mode: FanMode): Initializer {
  return (shape, fans, rng) => {
    const stddev = Math.sqrt(scale / fanFor(mode, fans)) / TRUNCATED_NORMAL_STD_OF_UNIT;
    const out = new Float32Array(sizeOf(shape));
    for (let i = 0; i < out.length; i++) {
      let z = rng.normal();
      while (z < -2 || z > 2) z = rng.normal();
      out[i] = z * stddev;
    }
    return out;
  };
}

function constant(value: number): Initializer {
  return (shape) => new Float32Array(sizeOf(shape)).fill(value);
}

/** Name → implementation, Keras 3 names. */
export const initializers = {
  glorot_uniform: varianceScalingUniform(1, 'fanAvg'),
  glorot_normal: varianceScalingTruncatedNormal(1, 'fanAvg'),
  he_uniform: varianceScalingUniform(2, 'fanIn'),
  he_normal: varianceScalingTruncatedNormal(2, 'fanIn'),
  lecun_uniform: varianceScalingUniform(1, 'fanIn'),
  lecun_normal: varianceScalingTruncatedNormal(1, 'fanIn'),
  zeros: constant(0),
  ones: constant(1),
} as const satisfies Record<InitializerName, Initializer>;
