import * as tf from '@tensorflow/tfjs';
import type { ActivationName } from './names';

export { activationNames, isActivationName, type ActivationName } from './names';

/**
 * Activation functions by Keras name. Each maps a tensor to a new tensor (`linear`
 * returns its input unchanged).
 *
 * | name     | f(x)                                                        |
 * |----------|-------------------------------------------------------------|
 * | linear   | x                                                           |
 * | relu     | max(0, x)                                                   |
 * | tanh     | tanh(x)                                                     |
 * | sigmoid  | 1 / (1 + e^-x)                                              |
 * | elu      | x if x > 0 else e^x - 1        (Keras alpha = 1)            |
 * | selu     | 1.0507 * (x if x > 0 else 1.67326 * (e^x - 1))              |
 * | softplus | log(1 + e^x)                                                |
 * | softmax  | e^x_i / sum_j e^x_j over the last axis (not for classifier  |
 * |          | outputs: those stay logits and the loss uses log-softmax)   |
 */
export const activations = {
  linear: (x: tf.Tensor): tf.Tensor => x,
  relu: (x: tf.Tensor): tf.Tensor => tf.relu(x),
  tanh: (x: tf.Tensor): tf.Tensor => tf.tanh(x),
  sigmoid: (x: tf.Tensor): tf.Tensor => tf.sigmoid(x),
  elu: (x: tf.Tensor): tf.Tensor => tf.elu(x),
  selu: (x: tf.Tensor): tf.Tensor => tf.selu(x),
  softplus: (x: tf.Tensor): tf.Tensor => tf.softplus(x),
  softmax: (x: tf.Tensor): tf.Tensor => tf.softmax(x),
} as const satisfies Record<ActivationName, (x: tf.Tensor) => tf.Tensor>;

/** The tfjs fused-op activation with the same meaning, where one exists. */
export type FusedActivation = 'linear' | 'relu' | 'elu' | 'sigmoid';

/**
 * Activations tfjs can fuse into matMul/conv2d (one kernel on webgl in inference; tfjs
 * unfuses them itself while taking gradients). Others run as a separate op.
 */
export const fusedActivations: Partial<Record<ActivationName, FusedActivation>> = {
  linear: 'linear',
  relu: 'relu',
  elu: 'elu',
  sigmoid: 'sigmoid',
};
