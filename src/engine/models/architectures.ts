import { ConfigError } from '../../lib/errors';
import {
  architectureNames,
  DEFAULT_HIDDEN_UNITS,
  isArchitectureName,
  type ArchitectureName,
  type ArchitectureOptionsMap,
  type DropoutOption,
  type ModelOptionsBase,
  type ModelSpec,
  type SupervisedTask,
  type VaeOptions,
} from './catalog';
import { isActivationName, isInitializerName, type ActivationName, type InitializerName } from './names';
import type { LayerSpec } from './layers/types';
import { SequentialModel, type SequentialModelOptions } from './sequential';
import type { TrainableModel } from './types';
import { VaeModel } from './vae';

/**
 * The architectures as builders (tfjs). Their names, options types and descriptions are
 * plain data in `./catalog` (no tfjs), re-exported here.
 */
export {
  architectureInfo,
  architectureNames,
  isArchitectureName,
  type ArchitectureInfo,
  type ArchitectureName,
  type ArchitectureOptionsMap,
  type ClassifierOptions,
  type DenseNetOptions,
  type DropoutOption,
  type DropoutRates,
  type MlpOptions,
  type ModelOptionsBase,
  type ModelSpec,
  type VaeOptions,
} from './catalog';

/** The architectures that are one stack of layers (all but the VAE). */
export type SequentialArchitectureName = Exclude<ArchitectureName, 'vae'>;

/** The model each builder returns. */
export type ArchitectureModelMap = { readonly [K in SequentialArchitectureName]: SequentialModel } & { readonly vae: VaeModel };

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
  readonly [K in SequentialArchitectureName]: (options: ArchitectureOptionsMap[K]) => SequentialModelOptions;
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
    const hidden = hiddenSizes(o.hiddenUnits, DEFAULT_HIDDEN_UNITS.mlp).map((units) => ({ units, activation: act }));
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
    const hidden = hiddenSizes(o.hiddenUnits, DEFAULT_HIDDEN_UNITS.dense).map((units) => ({ units, activation: act }));
    const head = denseHead(hidden, outputs, rates, o, o.batchNorm ?? false);
    const layers: LayerSpec[] = o.inputShape.length > 1 ? [{ kind: 'flatten' }, ...head] : head;
    return modelOptions('dense', task, o, layers);
  },
};

/** Builders by name: one typed options object in, a model with fresh variables out. */
export const architectures: {
  readonly [K in ArchitectureName]: (options: ArchitectureOptionsMap[K]) => ArchitectureModelMap[K];
} = {
  fcnn: (o) => new SequentialModel(architectureSpecs.fcnn(o)),
  scnn: (o) => new SequentialModel(architectureSpecs.scnn(o)),
  bcnn: (o) => new SequentialModel(architectureSpecs.bcnn(o)),
  mcnn: (o) => new SequentialModel(architectureSpecs.mcnn(o)),
  mlp: (o) => new SequentialModel(architectureSpecs.mlp(o)),
  dense: (o) => new SequentialModel(architectureSpecs.dense(o)),
  vae: (o: VaeOptions) => new VaeModel(o),
};

/** Builds the model a ModelSpec describes (the form a protocol message carries). */
export function buildModel<S extends ModelSpec>(spec: S): ArchitectureModelMap[S['architecture']] & TrainableModel {
  if (!isArchitectureName(spec.architecture)) {
    throw new ConfigError('bad-model', `one of ${architectureNames.join(', ')}`, String(spec.architecture), 'architecture');
  }
  const { architecture, ...options } = spec;
  const build = architectures[architecture] as unknown as (o: typeof options) => ArchitectureModelMap[S['architecture']];
  return build(options);
}
