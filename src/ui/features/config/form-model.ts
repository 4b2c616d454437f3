/**
 * The configuration form's state: what the person typed, field by field, plus whatever a
 * loaded config held that the form does not show (passed through untouched), so a preset
 * or a link survives a round trip. `configToForm` fills it; `formToConfig`
 * (form-to-config.ts) turns it back into an ExperimentConfigInput.
 */
import type { DatasetName, ExperimentConfigInput } from '../../../engine/experiment/config';
import type { KerasOptimizerName, OptimizerSpec } from '../../../engine/optimizers/types';
import type { Catalog } from '../../catalog/catalog';
import { listText, newKey, numberText } from './form-text';
import { SCHEDULES, type ScheduleChoice } from './schedule-params';

export type Specs = Catalog['optimizerSpecs'];
export type Scaling = 'minmax' | 'none' | 'standardize';
export type Monitor = 'val_loss' | 'val_accuracy' | 'loss';
/** '' keeps the architecture's (or the comparison's) default. */
export type TriState = '' | 'on' | 'off';

export interface EarlyStoppingForm {
  readonly monitor: Monitor;
  readonly patience: string;
  readonly minDelta: string;
  readonly restoreBestWeights: boolean;
}

export interface DropoutForm {
  /** One rate for every site the architecture uses. */
  readonly rate: string;
  readonly input: string;
  readonly conv: string;
  readonly hidden: string;
  readonly scale: string;
}

export interface VaeForm {
  readonly filters: string;
  readonly kernelSize: string;
  readonly latentDim: string;
}

export interface ScheduleForm {
  readonly kind: ScheduleChoice;
  readonly params: Readonly<Record<string, string | boolean>>;
}

export interface RunOverridesForm {
  readonly batchSize: string;
  readonly scaling: '' | Scaling;
  readonly dropout: string;
  readonly l2: string;
  readonly batchNorm: TriState;
  /** '' inherits the comparison's early stopping; 'off' turns it off for this run. */
  readonly earlyStopping: '' | 'off' | 'on';
  readonly es: EarlyStoppingForm;
}

export interface RunForm {
  readonly key: string;
  readonly id?: string;
  readonly label: string;
  readonly optimizer: KerasOptimizerName;
  /** Hyperparameters by Keras name: text for numbers ('' is null/off), booleans as booleans. */
  readonly values: Readonly<Record<string, string | boolean>>;
  readonly schedule: ScheduleForm;
  readonly overrides: RunOverridesForm;
  /** Run model options the form does not show (e.g. per-site dropout), kept as given. */
  readonly extraModel: Readonly<Record<string, unknown>>;
}

export interface ConfigForm {
  readonly name: string;
  readonly description?: string;
  readonly dataset: {
    readonly name: DatasetName;
    readonly subset: string;
    readonly validation: 'none' | 'test' | 'split';
    /** A fraction in (0, 1) or a count. */
    readonly validationSize: string;
    readonly testSubset: string;
    /** Synthetic sets: how many points. */
    readonly count: string;
  };
  readonly architecture: string;
  readonly model: {
    readonly dropout: DropoutForm;
    readonly l2: string;
    readonly batchNorm: TriState;
    readonly hiddenUnits: string;
    readonly activation: string;
    readonly kernelInitializer: string;
    /** The VAE's shape: filters as a list ("16, 32"), kernel size, latent size; '' is VAE1's default. */
    readonly vae: VaeForm;
  };
  readonly training: {
    readonly epochs: string;
    readonly batchSize: string;
    readonly scaling: Scaling;
    readonly seed: string;
    readonly earlyStopping: boolean;
    readonly es: EarlyStoppingForm;
    readonly lossReadEvery?: number;
    readonly evalBatchSize?: number;
  };
  readonly runs: readonly RunForm[];
}

type EarlyStoppingInput = ExperimentConfigInput['training']['earlyStopping'];
type RunInput = ExperimentConfigInput['runs'][number];

export const DEFAULT_EARLY_STOPPING: EarlyStoppingForm = { monitor: 'val_loss', patience: '5', minDelta: '0', restoreBestWeights: false };

const triState = (value: boolean | undefined): TriState => (value === undefined ? '' : value ? 'on' : 'off');

function earlyStoppingToForm(input: EarlyStoppingInput | null | undefined): EarlyStoppingForm {
  if (!input) return DEFAULT_EARLY_STOPPING;
  return {
    monitor: input.monitor ?? 'val_loss',
    patience: numberText(input.patience),
    minDelta: numberText(input.minDelta ?? 0),
    restoreBestWeights: input.restoreBestWeights ?? false,
  };
}

export function specOf(specs: Specs, name: KerasOptimizerName): OptimizerSpec {
  return specs[name] as unknown as OptimizerSpec;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function scheduleToForm(value: unknown): ScheduleForm {
  if (!isObject(value) || typeof value.kind !== 'string' || !(value.kind in SCHEDULES)) return { kind: 'constant', params: {} };
  const kind = value.kind as ScheduleChoice;
  const params: Record<string, string | boolean> = {};
  for (const param of SCHEDULES[kind].params) {
    const given = value[param.name];
    if (param.kind === 'boolean') params[param.name] = given === true;
    else if (param.kind === 'list') params[param.name] = Array.isArray(given) ? listText(given as number[]) : '';
    else params[param.name] = typeof given === 'number' ? numberText(given) : '';
  }
  return { kind, params };
}

/** A run of this optimizer with its Keras stock hyperparameters. */
export function runForOptimizer(specs: Specs, name: KerasOptimizerName, label?: string): RunForm {
  return runToForm(specs, { label: label ?? specOf(specs, name).label, optimizer: { name } });
}

export function runToForm(specs: Specs, run: RunInput): RunForm {
  const optimizer = run.optimizer as { name: KerasOptimizerName; hyperparameters?: Record<string, unknown> };
  const spec = specOf(specs, optimizer.name);
  const given = optimizer.hyperparameters ?? {};
  const values: Record<string, string | boolean> = {};
  for (const field of spec.fields) {
    const fallback = (spec.defaults as unknown as Record<string, unknown>)[field.name];
    const value = given[field.name] !== undefined ? given[field.name] : fallback;
    if (field.kind === 'boolean') values[field.name] = value === true;
    else values[field.name] = typeof value === 'number' ? numberText(value) : value === null ? '' : numberText(fallback as number);
  }
  const schedule = scheduleToForm(given.learning_rate);
  if (schedule.kind !== 'constant' && typeof schedule.params.initial_learning_rate === 'string' && schedule.params.initial_learning_rate) {
    values.learning_rate = schedule.params.initial_learning_rate;
  }
  const { dropout, l2, batchNorm, ...extraModel } = run.model ?? {};
  return {
    key: newKey(),
    ...(run.id !== undefined ? { id: run.id } : {}),
    label: run.label ?? spec.label,
    optimizer: optimizer.name,
    values,
    schedule,
    overrides: {
      batchSize: run.batchSize === undefined ? '' : String(run.batchSize),
      scaling: run.scaling ?? '',
      dropout: typeof dropout === 'number' ? numberText(dropout) : '',
      l2: numberText(l2),
      batchNorm: triState(batchNorm),
      earlyStopping: run.earlyStopping === undefined ? '' : run.earlyStopping === null ? 'off' : 'on',
      es: earlyStoppingToForm(run.earlyStopping),
    },
    extraModel: isObject(dropout) ? { ...extraModel, dropout } : extraModel,
  };
}

/** The form for a config. The config should be valid (parseExperiment) before it gets here. */
export function configToForm(specs: Specs, config: ExperimentConfigInput): ConfigForm {
  const { dataset, model = {}, training } = config;
  const dropout = model.dropout;
  const sites = isObject(dropout) ? dropout : {};
  const validation = dataset.validation;
  return {
    name: config.name ?? '',
    ...(config.description !== undefined ? { description: config.description } : {}),
    dataset: {
      name: dataset.name,
      subset: numberText(dataset.subset),
      validation: validation === undefined ? 'none' : validation === 'test' ? 'test' : 'split',
      validationSize: typeof validation === 'number' ? numberText(validation) : '0.2',
      testSubset: numberText(dataset.testSubset),
      count: numberText(dataset.count),
    },
    architecture: config.architecture,
    model: {
      dropout: {
        rate: typeof dropout === 'number' ? numberText(dropout) : '',
        input: numberText(sites.input),
        conv: numberText(sites.conv),
        hidden: numberText(sites.hidden),
        scale: numberText(sites.scale),
      },
      l2: numberText(model.l2),
      batchNorm: triState(model.batchNorm),
      hiddenUnits: listText(model.hiddenUnits),
      activation: model.activation ?? '',
      kernelInitializer: model.kernelInitializer ?? '',
      vae: { filters: listText(model.filters), kernelSize: numberText(model.kernelSize), latentDim: numberText(model.latentDim) },
    },
    training: {
      epochs: numberText(training.epochs),
      batchSize: String(training.batchSize),
      scaling: training.scaling ?? 'minmax',
      seed: numberText(training.seed ?? 1),
      earlyStopping: training.earlyStopping !== undefined,
      es: earlyStoppingToForm(training.earlyStopping),
      ...(training.lossReadEvery !== undefined ? { lossReadEvery: training.lossReadEvery } : {}),
      ...(training.evalBatchSize !== undefined ? { evalBatchSize: training.evalBatchSize } : {}),
    },
    runs: config.runs.map((run) => runToForm(specs, run)),
  };
}
