/**
 * The architectures as plain data, free of tfjs: their names, one typed options object
 * per architecture, a serialisable `ModelSpec`, and what a UI shows about each
 * (`architectureInfo`), plus the activation and initializer names the options accept.
 *
 * This module and everything it imports must stay free of `@tensorflow/*`: the UI's main
 * thread and persistence use it without loading tfjs (tests/unit/tfjs-free-modules.test.ts
 * checks). The builders are in `./architectures`, which re-exports all of this.
 */
import type { ActivationName, InitializerName } from './names';
import type { VaeShapeOptions } from './vae-catalog';

export {
  activationNames,
  DEFAULT_KERNEL_INITIALIZER,
  initializerNames,
  isActivationName,
  isInitializerName,
  type ActivationName,
  type InitializerName,
} from './names';

/** What a sequential model learns: classes (logits, softmax cross-entropy) or values (MSE). */
export type SupervisedTask = 'classification' | 'regression';

/**
 * Dropout rates by site. Sites:
 * - `input`:  after Flatten, before the first Dense (E2's Dropout(0.2));
 * - `conv`:   after each MaxPool of a CNN (MCNN's Dropout(0.25));
 * - `hidden`: after each hidden Dense, after its BatchNormalization when it has one
 *             (where Keras users put it: E2's and MCNN's Dropout(0.5)).
 * A missing field keeps the architecture's default (0 everywhere except MCNN: conv 0.25,
 * hidden 0.5). `scale` multiplies every resolved rate (0.5 halves MCNN's).
 */
export interface DropoutRates {
  readonly input?: number;
  readonly conv?: number;
  readonly hidden?: number;
  readonly scale?: number;
}

/**
 * A number is one rate for every site the architecture uses by default: `hidden` for
 * fcnn, scnn, bcnn and dense; `input` and `hidden` for mlp; `conv` and `hidden` for mcnn.
 * So `dropout: 0` turns all of an architecture's dropout off, MCNN's included.
 */
export type DropoutOption = number | DropoutRates;

/** Options every architecture takes. */
export interface ModelOptionsBase {
  /** One example's shape: [28, 28, 1], [32, 32, 3], or [features] for dense nets. */
  readonly inputShape: readonly number[];
  /** Seeds the initial weights: the same seed gives the same weights on every backend. */
  readonly seed: number;
  readonly dropout?: DropoutOption;
  /**
   * Keras `regularizers.l2(l2)` on the kernels of every hidden Dense and Conv2D layer (not
   * the output layer, as in E2): adds l2 * sum(kernel^2) per kernel to the loss. Keras's
   * string 'l2' means 0.01. Default 0.
   */
  readonly l2?: number;
  /**
   * Insert BatchNormalization after each hidden Dense layer (before its dropout). MCNN has
   * one by default; false removes it. Default false elsewhere.
   */
  readonly batchNorm?: boolean;
  /** Kernel initializer of every Dense/Conv2D layer. Default glorot_uniform (Keras), he_normal for mlp. */
  readonly kernelInitializer?: InitializerName;
  /** Variable name prefix, unique among live models. Default: generated. */
  readonly modelId?: string;
}

export interface ClassifierOptions extends ModelOptionsBase {
  readonly numClasses: number;
}

/** E2's MLP. */
export interface MlpOptions extends ClassifierOptions {
  /** Default [1000, 1000]. */
  readonly hiddenUnits?: readonly number[];
  /** Default relu. */
  readonly activation?: ActivationName;
}

/** Small dense networks: E3's regression grids, the synthetic sets, E5's MLP. */
export interface DenseNetOptions extends ModelOptionsBase {
  /** Default: 'classification' when numClasses is given, else 'regression'. */
  readonly task?: SupervisedTask;
  /** Classification only. */
  readonly numClasses?: number;
  /** Regression outputs. Default 1. */
  readonly outputUnits?: number;
  /** Default [16, 16]. [] gives a linear model. */
  readonly hiddenUnits?: readonly number[];
  /** Hidden activation. Default relu. */
  readonly activation?: ActivationName;
}

/**
 * The convolutional VAE (E1's VAE1 and VAE2): image input, no classes. Of the common
 * options it takes `l2` (on every kernel) and `kernelInitializer`; dropout and batch
 * normalisation are refused.
 */
export interface VaeOptions extends ModelOptionsBase, VaeShapeOptions {}

/** Each architecture's options type. */
export interface ArchitectureOptionsMap {
  readonly fcnn: ClassifierOptions;
  readonly scnn: ClassifierOptions;
  readonly bcnn: ClassifierOptions;
  readonly mcnn: ClassifierOptions;
  readonly mlp: MlpOptions;
  readonly dense: DenseNetOptions;
  readonly vae: VaeOptions;
}

export type ArchitectureName = keyof ArchitectureOptionsMap;

/** An architecture and its options in one serialisable object (for protocol messages). */
export type ModelSpec = {
  [K in ArchitectureName]: { readonly architecture: K } & ArchitectureOptionsMap[K];
}[ArchitectureName];

export interface ArchitectureInfo {
  readonly label: string;
  /** One or two sentences for the UI. */
  readonly description: string;
  /** Layers in Keras notation (classifier output shown as logits). */
  readonly layers: string;
  /** The reference experiment(s) that use it. */
  readonly experiments: readonly string[];
  /** Keras count_params() for 28x28x1 input and 10 classes, where the reference gives it. */
  readonly kerasParams28x28x1?: number;
  /** Whether it needs image input [h, w, c]. */
  readonly needsImageInput: boolean;
}

export const architectureNames: readonly ArchitectureName[] = ['fcnn', 'scnn', 'bcnn', 'mcnn', 'mlp', 'dense', 'vae'];

export const architectureInfo: { readonly [K in ArchitectureName]: ArchitectureInfo } = {
  fcnn: {
    label: 'FCNN',
    description: 'Fully connected network: three hidden layers with tanh, sigmoid and relu.',
    layers: 'Flatten, Dense(784, tanh), Dense(512, sigmoid), Dense(100, relu), Dense(classes)',
    experiments: ['E1'],
    kerasParams28x28x1: 1_069_670,
    needsImageInput: false,
  },
  scnn: {
    label: 'SCNN',
    description: 'Simple CNN: one 5x5 convolution, max-pooling and one hidden dense layer.',
    layers: 'Conv2D(40, 5x5, relu), MaxPool(2), Flatten, Dense(100, relu), Dense(classes)',
    experiments: ['E1'],
    kerasParams28x28x1: 578_150,
    needsImageInput: true,
  },
  bcnn: {
    label: 'BCNN',
    description: 'Basic CNN: two 3x3 convolution + max-pooling blocks and one hidden dense layer.',
    layers:
      'Conv2D(48, 3x3, relu), MaxPool(2), Conv2D(96, 3x3, relu), MaxPool(2), Flatten, Dense(100, relu), Dense(classes)',
    experiments: ['E1'],
    kerasParams28x28x1: 283_158,
    needsImageInput: true,
  },
  mcnn: {
    label: 'MCNN',
    description:
      'Multi-layer CNN: two blocks of two "same" convolutions with max-pooling and dropout, then a dense layer with batch normalisation and dropout. The heaviest model.',
    layers:
      'Conv2D(32, 5x5, relu, same) x2, MaxPool(2), Dropout(0.25), Conv2D(64, 3x3, relu, same) x2, MaxPool(2), Dropout(0.25), Flatten, Dense(512, relu), BatchNormalization, Dropout(0.5), Dense(classes)',
    experiments: ['E1'],
    kerasParams28x28x1: 1_695_210,
    needsImageInput: true,
  },
  mlp: {
    label: 'MLP',
    description:
      'Two wide relu layers with He-normal initialisation, optionally L2-regularised (E2: 0.01) or with dropout (E2: 0.2 on the input, 0.5 on hidden layers).',
    layers: 'Flatten, [Dropout(input)], Dense(1000, relu), [Dropout(hidden)], Dense(1000, relu), [Dropout(hidden)], Dense(classes)',
    experiments: ['E2'],
    needsImageInput: false,
  },
  dense: {
    label: 'Dense network',
    description:
      'A small configurable dense network: hidden sizes and activation of your choice, for regression (one linear output, mean squared error) or classification.',
    layers: '[Flatten], Dense(h1, act), ..., Dense(outputs)',
    experiments: ['E3', 'E5'],
    needsImageInput: false,
  },
  vae: {
    label: 'Convolutional VAE',
    description:
      'A variational autoencoder: two strided convolutions and a dense layer encode an image into z_mean and z_log_var; z is sampled from them and decoded back by a dense layer, two strided transposed convolutions and a sigmoid convolution. Loss per image: summed squared reconstruction error plus the KL divergence to N(0, I). VAE1: filters 16 and 32, kernel 3, latent 5; VAE2: 32 and 64, kernel 5, latent 10.',
    layers:
      'encoder: Conv2D(f1, k, relu, strides 2, same), Conv2D(f2, k, relu, strides 2, same), Flatten, Dense(16, relu), z_mean = Dense(latent), z_log_var = Dense(latent), z = z_mean + exp(z_log_var / 2) * eps; decoder: Dense(h/4 * w/4 * f2, relu), Reshape, Conv2DTranspose(f2, k, relu, strides 2, same), Conv2DTranspose(f1, k, relu, strides 2, same), Conv2D(channels, k, sigmoid, same)',
    experiments: ['E1'],
    needsImageInput: true,
  },
};

/**
 * The architectures whose hidden layers and activation a config sets (`hiddenUnits`,
 * `activation`): the dense-only models, with their default layer sizes.
 */
export const DEFAULT_HIDDEN_UNITS: { readonly mlp: readonly number[]; readonly dense: readonly number[] } = {
  mlp: [1000, 1000],
  dense: [16, 16],
};

export function hasHiddenLayerOptions(architecture: string): architecture is keyof typeof DEFAULT_HIDDEN_UNITS {
  return Object.prototype.hasOwnProperty.call(DEFAULT_HIDDEN_UNITS, architecture);
}

export function isArchitectureName(name: string): name is ArchitectureName {
  return Object.prototype.hasOwnProperty.call(architectureInfo, name);
}
