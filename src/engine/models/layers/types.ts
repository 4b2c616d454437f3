import type * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../../lib/rng';
import type { ActivationName, InitializerName } from '../names';
import type { ForwardContext } from '../types';

/** Shape of one example, without the batch dimension, e.g. [28, 28, 1] or [784]. */
export type Shape = readonly number[];

export type Padding = 'valid' | 'same';

/** A size given once for both spatial axes (Keras `3`) or per axis (`[3, 5]`). */
export type Size2d = number | readonly [number, number];

/**
 * Keras Dense: y = activation(x · kernel + bias), kernel [in, units]. Input must be rank 1
 * per example (put a flatten before it).
 */
export interface DenseSpec {
  readonly kind: 'dense';
  readonly units: number;
  /** Default 'linear'. */
  readonly activation?: ActivationName;
  /** Default true. */
  readonly useBias?: boolean;
  /** Default: the model's kernel initializer (Keras: glorot_uniform). */
  readonly kernelInitializer?: InitializerName;
  /** Default 'zeros'. */
  readonly biasInitializer?: InitializerName;
  /** Keras `regularizers.l2(l2)` on the kernel: adds l2 * sum(kernel^2) to the loss. Default 0. */
  readonly l2?: number;
}

/** Keras Conv2D on NHWC input: kernel [kh, kw, inCh, filters]. */
export interface Conv2dSpec {
  readonly kind: 'conv2d';
  readonly filters: number;
  readonly kernelSize: Size2d;
  /** Default 1. */
  readonly strides?: Size2d;
  /** Default 'valid'. */
  readonly padding?: Padding;
  readonly activation?: ActivationName;
  readonly useBias?: boolean;
  readonly kernelInitializer?: InitializerName;
  readonly biasInitializer?: InitializerName;
  readonly l2?: number;
}

/**
 * Keras Conv2DTranspose on NHWC input: kernel [kh, kw, filters, inCh]. Output size per
 * axis: 'same' n * s; 'valid' n * s + max(k - s, 0) (Keras `deconv_output_length`).
 */
export interface Conv2dTransposeSpec extends Omit<Conv2dSpec, 'kind'> {
  readonly kind: 'conv2dTranspose';
}

/** Keras MaxPooling2D: pool 2, strides = pool size, padding 'valid' by default. */
export interface MaxPool2dSpec {
  readonly kind: 'maxPool2d';
  /** Default 2. */
  readonly poolSize?: Size2d;
  /** Default: the pool size. */
  readonly strides?: Size2d;
  /** Default 'valid'. */
  readonly padding?: Padding;
}

/** Keras Flatten: [B, ...] → [B, prod(...)] in row-major (HWC) order. */
export interface FlattenSpec {
  readonly kind: 'flatten';
}

/** Keras Reshape: [B, ...] → [B, ...targetShape] (for a VAE decoder). */
export interface ReshapeSpec {
  readonly kind: 'reshape';
  readonly targetShape: Shape;
}

/**
 * Keras Dropout: in training mode, each value is zeroed with probability `rate` and the
 * survivors scaled by 1 / (1 - rate); identity in inference. The mask comes from
 * `hashSeed(ctx.noiseSeed, layerIndex)`: new each step, the same for every run of a
 * comparison at the same step.
 */
export interface DropoutSpec {
  readonly kind: 'dropout';
  readonly rate: number;
}

/**
 * Keras BatchNormalization over the last axis. Defaults: momentum 0.99, epsilon 1e-3,
 * gamma 1, beta 0, moving mean 0, moving variance 1.
 *
 *   training:  y = gamma * (x - mu_B) / sqrt(var_B + eps) + beta, with the batch mean and
 *              (biased) batch variance; pending updates
 *              moving_mean <- moving_mean * momentum + mu_B  * (1 - momentum)
 *              moving_var  <- moving_var  * momentum + var_B * (1 - momentum)
 *   inference: the same with moving_mean and moving_var.
 */
export interface BatchNormSpec {
  readonly kind: 'batchNorm';
  readonly momentum?: number;
  readonly epsilon?: number;
}

/** A bare activation (Keras Activation layer). */
export interface ActivationSpec {
  readonly kind: 'activation';
  readonly activation: ActivationName;
}

export type LayerSpec =
  | DenseSpec
  | Conv2dSpec
  | Conv2dTransposeSpec
  | MaxPool2dSpec
  | FlattenSpec
  | ReshapeSpec
  | DropoutSpec
  | BatchNormSpec
  | ActivationSpec;

export type LayerKindName = LayerSpec['kind'];

export type SpecOf<K extends LayerKindName> = Extract<LayerSpec, { kind: K }>;

/** What `build` gets besides the input shape and the spec. */
export interface LayerBuildContext {
  /**
   * Random stream for this layer's initial values. The stack forks it per layer with
   * random weights (by their ordinal), so adding a dropout or batch-norm layer does not
   * change the other layers' initial weights.
   */
  readonly rng: Rng;
  /** Variable name prefix, unique per model instance: `${modelId}/${index}_${kind}`. */
  readonly scope: string;
  /** Position in the model; seeds this layer's dropout masks. */
  readonly layerIndex: number;
  /** Kernel initializer when the spec names none. */
  readonly defaultKernelInitializer: InitializerName;
  /** Where this spec sits in the configuration, for error messages, e.g. `layers[3]`. */
  readonly where: string;
  /**
   * Creates the variable `${scope}/${suffix}` filled by `initializer`, drawing from
   * `rng.fork(suffix)`. The stack tracks it, so a build that fails later disposes it.
   */
  readonly createVariable: (
    suffix: string,
    shape: readonly number[],
    initializer: InitializerName,
    trainable: boolean,
  ) => tf.Variable;
}

/** A forward pass's context as a layer sees it. */
export interface LayerApplyContext extends ForwardContext {
  /**
   * Records a non-gradient state assignment (BatchNorm moving statistics). Called only in
   * training mode; the model keeps the value and applies it in `applyStateUpdates`.
   */
  readonly addStateUpdate: (variable: tf.Variable, value: tf.Tensor) => void;
}

/** A kernel that the L2 penalty applies to, with its factor. */
export interface Penalty {
  readonly variable: tf.Variable;
  readonly l2: number;
}

/** One layer with its variables, ready to run. */
export interface BuiltLayer {
  readonly kind: LayerKindName;
  /** `${index}_${kind}`, also the variables' name scope within the model. */
  readonly name: string;
  readonly index: number;
  readonly inputShape: Shape;
  readonly outputShape: Shape;
  /** Optimised variables, in Keras's order (kernel, bias; gamma, beta). */
  readonly trainable: readonly tf.Variable[];
  /** Non-trainable state (BatchNorm moving mean, moving variance). */
  readonly state: readonly tf.Variable[];
  /** Kernels with an L2 factor > 0. */
  readonly penalties: readonly Penalty[];
  /** x: [batch, ...inputShape] → [batch, ...outputShape]. Runs inside the caller's tidy. */
  apply(x: tf.Tensor, ctx: LayerApplyContext): tf.Tensor;
}

/** One kind of layer: how to build it from an input shape and its spec. */
export interface LayerKind<S extends LayerSpec> {
  /** Whether `build` draws initial values from the rng (kernels). */
  readonly randomInit: boolean;
  build(inputShape: Shape, spec: S, ctx: LayerBuildContext): BuiltLayer;
}
