import { ConfigError } from '../../lib/errors';
import { isActivationName, type ActivationName } from './activations';
import { isInitializerName, type InitializerName } from './initializers';
import type { LayerSpec } from './layers/types';
import { SequentialModel, type SequentialModelOptions, type SupervisedTask } from './sequential';

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

/** Each architecture's options type. */
export interface ArchitectureOptionsMap {
  readonly fcnn: ClassifierOptions;
  readonly scnn: ClassifierOptions;
  readonly bcnn: ClassifierOptions;
  readonly mcnn: ClassifierOptions;
  readonly mlp: MlpOptions;
  readonly dense: DenseNetOptions;
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

export const architectureNames: readonly ArchitectureName[] = ['fcnn', 'scnn', 'bcnn', 'mcnn', 'mlp', 'dense'];

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
};

interface SiteRates {
  readonly input: number;
  readonly conv: number;
  readonly hidden: number;
}

type Site = keyof SiteRates;

const NO_DROPOUT: SiteRates = { input: 0, conv: 0, hidden: 0 };

function resolveDropout(option: DropoutOption | undefined, defaults: SiteRates, sites: readonly Site[]): SiteRates {
  const check = (rate: number, where: string): number => {
    if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) {
      throw new ConfigError('bad-model', 'a dropout rate in [0, 1)', String(rate), where);
    }
    return rate;
  };
  if (option === undefined) return defaults;
  if (typeof option === 'number') {
    const rate = check(option, 'dropout');
    return { ...NO_DROPOUT, ...Object.fromEntries(sites.map((s) => [s, rate])) };
  }
  const scale = option.scale ?? 1;
  if (!Number.isFinite(scale) || scale < 0) throw new ConfigError('bad-model', 'a scale >= 0', String(scale), 'dropout.scale');
  const pick = (site: Site): number => check((option[site] ?? defaults[site]) * scale, `dropout.${site}`);
  return { input: pick('input'), conv: pick('conv'), hidden: pick('hidden') };
}

function checkBase(o: ModelOptionsBase): void {
  if (!Array.isArray(o.inputShape) || o.inputShape.length === 0) {
    throw new ConfigError('bad-model', 'an input shape such as [28, 28, 1]', JSON.stringify(o.inputShape), 'inputShape');
  }
  if (o.l2 !== undefined && !(Number.isFinite(o.l2) && o.l2 >= 0)) {
    throw new ConfigError('bad-model', 'an L2 factor >= 0', String(o.l2), 'l2');
  }
  if (o.kernelInitializer !== undefined && !isInitializerName(o.kernelInitializer)) {
    throw new ConfigError('bad-model', 'a known initializer', String(o.kernelInitializer), 'kernelInitializer');
  }
}

function checkClasses(numClasses: unknown): number {
  if (typeof numClasses !== 'number' || !Number.isInteger(numClasses) || numClasses < 2) {
    throw new ConfigError('bad-model', 'a number of classes >= 2', String(numClasses), 'numClasses');
  }
  return numClasses;
}

function checkImage(o: ModelOptionsBase, name: string): void {
  if (o.inputShape.length !== 3) {
    throw new ConfigError(
      'bad-input-shape',
      `image input [height, width, channels] for ${name}`,
      `[${o.inputShape.join(', ')}]`,
      'inputShape',
    );
  }
}

/** The layers that follow a feature vector: hidden dense blocks, then the output layer. */
function denseHead(
  hidden: readonly { units: number; activation: ActivationName }[],
  outputUnits: number,
  rates: SiteRates,
  o: ModelOptionsBase,
  batchNorm: boolean,
): LayerSpec[] {
  const l2 = o.l2 ?? 0;
  const layers: LayerSpec[] = [];
  if (rates.input > 0) layers.push({ kind: 'dropout', rate: rates.input });
  for (const h of hidden) {
    layers.push({ kind: 'dense', units: h.units, activation: h.activation, ...(l2 > 0 ? { l2 } : {}) });
    if (batchNorm) layers.push({ kind: 'batchNorm' });
    if (rates.hidden > 0) layers.push({ kind: 'dropout', rate: rates.hidden });
  }
  layers.push({ kind: 'dense', units: outputUnits });
  return layers;
}

function conv(o: ModelOptionsBase, filters: number, kernelSize: number, padding: 'valid' | 'same' = 'valid'): LayerSpec {
  const l2 = o.l2 ?? 0;
  return { kind: 'conv2d', filters, kernelSize, padding, activation: 'relu', ...(l2 > 0 ? { l2 } : {}) };
}

/** Conv site: MaxPool(2) then, when its rate is > 0, Dropout. */
function pool(rates: SiteRates): LayerSpec[] {
  return rates.conv > 0 ? [{ kind: 'maxPool2d' }, { kind: 'dropout', rate: rates.conv }] : [{ kind: 'maxPool2d' }];
}

function modelOptions(
  name: string,
  task: SupervisedTask,
  o: ModelOptionsBase,
  layers: LayerSpec[],
  defaultInitializer: InitializerName = 'glorot_uniform',
): SequentialModelOptions {
  return {
    name,
    task,
    layers,
    inputShape: o.inputShape,
    seed: o.seed,
    kernelInitializer: o.kernelInitializer ?? defaultInitializer,
    ...(o.modelId !== undefined ? { modelId: o.modelId } : {}),
  };
}

function hiddenSizes(value: readonly number[] | undefined, fallback: readonly number[]): readonly number[] {
  const sizes = value ?? fallback;
  sizes.forEach((u, i) => {
    if (!Number.isInteger(u) || u < 1) throw new ConfigError('bad-model', 'a positive integer', String(u), `hiddenUnits[${i}]`);
  });
  return sizes;
}

function hiddenActivation(value: ActivationName | undefined): ActivationName {
  const act = value ?? 'relu';
  if (!isActivationName(act)) throw new ConfigError('bad-model', 'a known activation', String(act), 'activation');
  return act;
}

/**
 * Each architecture's layer list and model options, without building anything (no
 * tensors): what `architectures` builds, for records, previews and tests.
 */
export const architectureSpecs: {
  readonly [K in ArchitectureName]: (options: ArchitectureOptionsMap[K]) => SequentialModelOptions;
} = {
  fcnn(o) {
    checkBase(o);
    const classes = checkClasses(o.numClasses);
    const rates = resolveDropout(o.dropout, NO_DROPOUT, ['hidden']);
    const hidden = [
      { units: 784, activation: 'tanh' },
      { units: 512, activation: 'sigmoid' },
      { units: 100, activation: 'relu' },
    ] as const;
    return modelOptions('fcnn', 'classification', o, [
      { kind: 'flatten' },
      ...denseHead(hidden, classes, rates, o, o.batchNorm ?? false),
    ]);
  },
  scnn(o) {
    checkBase(o);
    checkImage(o, 'scnn');
    const classes = checkClasses(o.numClasses);
    const rates = resolveDropout(o.dropout, NO_DROPOUT, ['hidden']);
    return modelOptions('scnn', 'classification', o, [
      conv(o, 40, 5),
      ...pool(rates),
      { kind: 'flatten' },
      ...denseHead([{ units: 100, activation: 'relu' }], classes, rates, o, o.batchNorm ?? false),
    ]);
  },
  bcnn(o) {
    checkBase(o);
    checkImage(o, 'bcnn');
    const classes = checkClasses(o.numClasses);
    const rates = resolveDropout(o.dropout, NO_DROPOUT, ['hidden']);
    return modelOptions('bcnn', 'classification', o, [
      conv(o, 48, 3),
      ...pool(rates),
      conv(o, 96, 3),
      ...pool(rates),
      { kind: 'flatten' },
      ...denseHead([{ units: 100, activation: 'relu' }], classes, rates, o, o.batchNorm ?? false),
    ]);
  },
  mcnn(o) {
    checkBase(o);
    checkImage(o, 'mcnn');
    const classes = checkClasses(o.numClasses);
    const rates = resolveDropout(o.dropout, { input: 0, conv: 0.25, hidden: 0.5 }, ['conv', 'hidden']);
    return modelOptions('mcnn', 'classification', o, [
      conv(o, 32, 5, 'same'),
      conv(o, 32, 5, 'same'),
      ...pool(rates),
      conv(o, 64, 3, 'same'),
      conv(o, 64, 3, 'same'),
      ...pool(rates),
      { kind: 'flatten' },
      ...denseHead([{ units: 512, activation: 'relu' }], classes, rates, o, o.batchNorm ?? true),
    ]);
  },
  mlp(o) {
    checkBase(o);
    const classes = checkClasses(o.numClasses);
    const rates = resolveDropout(o.dropout, NO_DROPOUT, ['input', 'hidden']);
    const act = hiddenActivation(o.activation);
    const hidden = hiddenSizes(o.hiddenUnits, [1000, 1000]).map((units) => ({ units, activation: act }));
    return modelOptions(
      'mlp',
      'classification',
      o,
      [{ kind: 'flatten' }, ...denseHead(hidden, classes, rates, o, o.batchNorm ?? false)],
      'he_normal',
    );
  },
  dense(o) {
    checkBase(o);
    const task: SupervisedTask = o.task ?? (o.numClasses === undefined ? 'regression' : 'classification');
    const outputs =
      task === 'classification'
        ? checkClasses(o.numClasses)
        : (() => {
            const n = o.outputUnits ?? 1;
            if (!Number.isInteger(n) || n < 1) throw new ConfigError('bad-model', 'a positive integer', String(n), 'outputUnits');
            return n;
          })();
    const rates = resolveDropout(o.dropout, NO_DROPOUT, ['hidden']);
    const act = hiddenActivation(o.activation);
    const hidden = hiddenSizes(o.hiddenUnits, [16, 16]).map((units) => ({ units, activation: act }));
    const head = denseHead(hidden, outputs, rates, o, o.batchNorm ?? false);
    const layers: LayerSpec[] = o.inputShape.length > 1 ? [{ kind: 'flatten' }, ...head] : head;
    return modelOptions('dense', task, o, layers);
  },
};

/** Builders by name: one typed options object in, a model with fresh variables out. */
export const architectures: {
  readonly [K in ArchitectureName]: (options: ArchitectureOptionsMap[K]) => SequentialModel;
} = {
  fcnn: (o) => new SequentialModel(architectureSpecs.fcnn(o)),
  scnn: (o) => new SequentialModel(architectureSpecs.scnn(o)),
  bcnn: (o) => new SequentialModel(architectureSpecs.bcnn(o)),
  mcnn: (o) => new SequentialModel(architectureSpecs.mcnn(o)),
  mlp: (o) => new SequentialModel(architectureSpecs.mlp(o)),
  dense: (o) => new SequentialModel(architectureSpecs.dense(o)),
};

export function isArchitectureName(name: string): name is ArchitectureName {
  return Object.prototype.hasOwnProperty.call(architectures, name);
}

/** Builds the model a ModelSpec describes (the form a protocol message carries). */
export function buildModel(spec: ModelSpec): SequentialModel {
  if (!isArchitectureName(spec.architecture)) {
    throw new ConfigError('bad-model', `one of ${architectureNames.join(', ')}`, String(spec.architecture), 'architecture');
  }
  const { architecture, ...options } = spec;
  const build = architectures[architecture] as (o: typeof options) => SequentialModel;
  return build(options);
}
