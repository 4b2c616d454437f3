import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '../../lib/errors';

/** Anything with an ordered list of variables, e.g. every TrainableModel. */
export interface HasVariables {
  readonly allVariables: readonly tf.Variable[];
}

/**
 * A snapshot of every variable (trainable and state), in `allVariables` order. The
 * tensors are the caller's to dispose; they share storage with the variables' current
 * values (tfjs tensors are immutable, and a variable's assign swaps in new storage), so a
 * snapshot costs no copy and later training never changes it.
 */
export function getWeights(model: HasVariables): tf.Tensor[] {
  return model.allVariables.map((v) => tf.clone(v));
}

/**
 * Assigns `weights` (as from `getWeights`, same order, shapes and dtypes) to the model's
 * variables. The caller still owns and disposes `weights`.
 */
export function setWeights(model: HasVariables, weights: readonly tf.Tensor[]): void {
  const vars = model.allVariables;
  if (weights.length !== vars.length) {
    throw new ConfigError('weights-mismatch', `${vars.length} weight tensors`, `${weights.length}`, 'setWeights');
  }
  vars.forEach((v, i) => {
    const w = weights[i]!;
    if (w.dtype !== v.dtype || w.shape.length !== v.shape.length || w.shape.some((d, j) => d !== v.shape[j])) {
      throw new ConfigError(
        'weights-mismatch',
        `${v.dtype} [${v.shape.join(', ')}] for ${v.name}`,
        `${w.dtype} [${w.shape.join(', ')}]`,
        `setWeights[${i}]`,
      );
    }
  });
  vars.forEach((v, i) => v.assign(weights[i]!));
}
