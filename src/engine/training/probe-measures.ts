/**
 * The reductions a probe runs on the backend, written for both of its costs: on small
 * networks a probe costs its number of kernels, on large ones its copies. So each
 * variable is measured where it lies (no flattening: on WebGL a matrix reshaped to a
 * vector is a copy, and copying FCNN's 1.07M weights into vectors cost more than the
 * training step itself), and the effective steps are gathered at a fixed sample of
 * positions and read back as they are (a few thousand numbers per variable, summarised
 * in JS: probe-step-sizes.ts). Call inside `tf.tidy`.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, hashSeed } from '../../lib/rng';

/** Parameters per variable whose effective step enters the histogram. */
export const SAMPLE_PER_VARIABLE = 4096;

/** `t` as a vector (rank-1 tensors as they are). */
export const flat = (t: tf.Tensor): tf.Tensor1D => (t.rank === 1 ? t : t.reshape([-1])) as tf.Tensor1D;

/** Several tensors end to end as one vector. */
export const joined = (tensors: readonly tf.Tensor[]): tf.Tensor1D => (tensors.length === 1 ? flat(tensors[0]!) : (tf.concat(tensors.map(flat)) as tf.Tensor1D));

/** [min, max, mean, std] of a batch's inputs. */
export function inputStatsOf(x: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x);
    return tf.stack([tf.min(x), tf.max(x), mean, tf.sqrt(variance)]) as tf.Tensor1D;
  });
}

/** Share of units (the last axis) whose output is ≤ 0 for every sample (and position) of the batch. */
export function deadShareOf(output: tf.Tensor): tf.Scalar {
  const axes = output.shape.slice(0, -1).map((_, i) => i);
  return tf.mean(tf.cast(tf.lessEqual(tf.max(output, axes), 0), 'float32'));
}

/** Sum of every element of `t`, without flattening it first (two reductions, no copy). */
export function sumAll(t: tf.Tensor): tf.Scalar {
  return (t.rank >= 2 ? tf.sum(tf.sum(t, -1)) : tf.sum(t)) as tf.Scalar;
}

/**
 * One layer's [‖g‖², ‖w‖², ‖w − w₀‖², ‖w₀‖²], over its variables, with w₀ each variable's
 * weights before the step (a clone: on WebGL it shares the texture, no copy). Measured
 * per variable and added, not on the layer flattened into one vector (see sumAll).
 */
export function layerSquares(gradients: readonly tf.Tensor[], variables: readonly tf.Tensor[], before: readonly tf.Tensor[]): tf.Tensor1D {
  const perVariable = variables.map((w, k) => {
    const w0 = before[k]!;
    return tf.stack([sumAll(tf.square(gradients[k]!)), sumAll(tf.square(w)), sumAll(tf.square(tf.sub(w, w0))), sumAll(tf.square(w0))]);
  });
  return tf.addN(perVariable) as tf.Tensor1D;
}

/** Mean of every element of the tensors together (of their absolute values when `absolute`). */
export function meanOfAll(tensors: readonly tf.Tensor[], absolute: boolean): tf.Scalar {
  const sums = tensors.map((t) => sumAll(absolute ? tf.abs(t) : t));
  const count = tensors.reduce((n, t) => n + t.size, 0);
  return tf.div(tf.addN(sums), count) as tf.Scalar;
}

/**
 * A fixed sample of every variable's positions (a whole variable when it is small), the
 * same at every probe and in every run: what the step-size summary is taken over. Owns
 * its index tensors until `dispose`.
 */
export class StepSample {
  private readonly indices: readonly (tf.Tensor1D | null)[];
  /** Per sampled position, in the order `slots` joins them: how many parameters it stands for (its variable's size over its sample). */
  readonly weights: Float64Array;

  constructor(private readonly variables: readonly tf.Variable[]) {
    const weights: number[] = [];
    this.indices = variables.map((v) => {
      const count = Math.min(v.size, SAMPLE_PER_VARIABLE);
      for (let i = 0; i < count; i++) weights.push(v.size / count);
      if (v.size <= SAMPLE_PER_VARIABLE) return null;
      // The name without the model id: every run of a comparison samples the same positions.
      const rng = createRng(hashSeed('probe-sample', v.name.split('/').slice(1).join('/')));
      return tf.tensor1d(Int32Array.from({ length: count }, () => rng.int(v.size)), 'int32');
    });
    this.weights = Float64Array.from(weights);
  }

  /**
   * Each slot of the variables (by name), at the sampled positions, end to end. Gathered
   * when first read, so only the slots the effective step uses are: gathering a slot
   * flattens it, a copy on WebGL (Adam's momentum, never read here, cost half the probe).
   */
  slots(slotsOf: (v: tf.Variable) => Readonly<Record<string, tf.Tensor>>): Record<string, tf.Tensor1D> {
    const perVariable = this.variables.map(slotsOf);
    const sampled: Record<string, tf.Tensor1D> = {};
    for (const name of Object.keys(perVariable[0] ?? {})) {
      let gathered: tf.Tensor1D | undefined;
      const gather = () =>
        joined(
          perVariable.map((slots, i) => {
            const indices = this.indices[i];
            return indices ? tf.gather(flat(slots[name]!), indices) : flat(slots[name]!);
          }),
        );
      Object.defineProperty(sampled, name, { enumerable: true, get: () => (gathered ??= gather()) });
    }
    return sampled;
  }

  dispose(): void {
    this.indices.forEach((t) => t?.dispose());
  }
}
