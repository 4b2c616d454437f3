import type * as tf from '@tensorflow/tfjs';
import type { Batch } from '../data/types';
import type { ActivationName } from './names';

/** A layer as a forward-pass observer sees it. */
export interface ObservedLayer {
  /** `${index}_${kind}`, as in the names of the layer's variables. */
  readonly name: string;
  /** The nonlinearity its output went through, if the layer has one. */
  readonly activation?: ActivationName;
}

/** Per-step context: whether noise layers act, and the seed that makes their noise. */
export interface ForwardContext {
  readonly training: boolean;
  /**
   * Seed for this step's randomness (dropout masks, VAE sampling). Every run in a
   * comparison gets the same value at the same step, so they see identical noise.
   */
  readonly noiseSeed: number;
  /**
   * Optional, for the runner's probes: called with every layer's output, in order,
   * during this pass. The output belongs to the pass (it is disposed with it): keep
   * (`tf.keep`) whatever is computed from it that must outlive the pass. Observing
   * never changes the pass's values.
   */
  readonly onLayerOutput?: (layer: ObservedLayer, output: tf.Tensor) => void;
}

/** A scalar loss plus metric tensors produced by the same forward pass. */
export interface LossOutput {
  /** Scalar total loss, the value minimised (includes any L2 penalty). */
  readonly loss: tf.Scalar;
  /**
   * Extra scalars from the same pass, named, e.g. { correct } for classifiers or
   * { reconstruction, kl } for a VAE. Summed over the batch's real rows.
   */
  readonly metrics: Readonly<Record<string, tf.Scalar>>;
}

/**
 * What the trainer needs from a model, whatever its kind: variables to optimise,
 * a loss for a batch, and predictions. Classifiers, regressors and (later) the VAE all
 * implement it, so the comparison runner never looks inside.
 */
export interface TrainableModel {
  readonly name: string;
  readonly task: 'classification' | 'regression' | 'generative';
  readonly trainableVariables: readonly tf.Variable[];
  /** Trainable plus state such as BatchNorm moving statistics: all that a snapshot needs. */
  readonly allVariables: readonly tf.Variable[];
  /**
   * Loss for a batch. Called inside `optimizer.minimize`; must not dispose its inputs.
   * State updates that are not gradients (BatchNorm moving averages) are returned as
   * pending assignments and applied by `applyStateUpdates` after the step.
   */
  loss(batch: Batch, ctx: ForwardContext): LossOutput;
  /** Network output for inputs (logits for classifiers). Caller disposes the result. */
  predict(x: tf.Tensor): tf.Tensor;
  /** Apply (and dispose) state updates collected by the last training-mode `loss` call. */
  applyStateUpdates(): void;
  /** Number of parameters, trainable and not, counted like Keras's `model.count_params()`. */
  countParams(): { trainable: number; nonTrainable: number };
  dispose(): void;
}
