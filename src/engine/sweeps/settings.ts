/**
 * What a sweep can vary, as a name → implementation map: each setting says what its
 * values must be and how a value changes the template run. Any optimizer hyperparameter
 * is a setting by its Keras name (learning_rate, momentum, beta_1, nesterov…); the
 * others are the optimizer itself, batch size, dropout, L2, the hidden layers' width
 * and their activation (the dense-only models).
 *
 * The optimizer is applied before anything else, so "optimizer × learning rate" sets
 * each optimizer's own learning rate whatever the order of the axes.
 */
import { ConfigError } from '../../lib/errors';
import type { ExperimentConfigInput, ModelOptions } from '../experiment/config';
import { DEFAULT_HIDDEN_UNITS, hasHiddenLayerOptions, isActivationName } from '../models/catalog';
import { KERAS_OPTIMIZER_NAMES, isKerasOptimizerName, optimizerSpecs } from '../optimizers/catalog';
import type { FieldSpec } from '../optimizers/types';
import { valueText, type OptimizerChoice, type SweepValue } from './values';

export type RunInput = ExperimentConfigInput['runs'][number];

/** What a setting knows of the sweep it is in. */
export interface SettingContext {
  readonly architecture: string;
  readonly model: ModelOptions;
}

export type ValueKind = 'number' | 'integer' | 'boolean' | 'choice';

export interface SweptSetting {
  readonly label: string;
  /** Its word in a trial's label ("lr 0.001"); empty: the value says it ("relu", "Adam"). */
  readonly key: string;
  readonly kind: ValueKind;
  /** Numbers: the valid range, for a message before any run starts. */
  readonly min?: number;
  readonly max?: number;
  readonly exclusiveMax?: boolean;
  /** For a UI: values usually span decades, so log spacing suits them. */
  readonly log?: boolean;
  /** How a value reads, when not as valueText writes it. */
  text?(value: SweepValue): string;
  /** Throws a ConfigError when `value` cannot be this setting's (`where` names the value). */
  check(value: SweepValue, where: string, context: SettingContext): void;
  apply(run: RunInput, value: SweepValue, context: SettingContext): RunInput;
}

const describe = (value: SweepValue) => (typeof value === 'object' ? JSON.stringify(value) : JSON.stringify(value));

function checkNumber(setting: Pick<SweptSetting, 'kind' | 'min' | 'max' | 'exclusiveMax'>, value: SweepValue, where: string): void {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (setting.kind !== 'integer' || Number.isInteger(value)) &&
    (setting.min === undefined || value >= setting.min) &&
    (setting.max === undefined || (setting.exclusiveMax ? value < setting.max : value <= setting.max));
  if (!ok) {
    const range = [setting.min !== undefined ? `>= ${setting.min}` : '', setting.max !== undefined ? `${setting.exclusiveMax ? '<' : '<='} ${setting.max}` : '']
      .filter(Boolean)
      .join(' and ');
    throw new ConfigError('bad-value', `${setting.kind === 'integer' ? 'a whole number' : 'a number'}${range ? ` ${range}` : ''}`, describe(value), where);
  }
}

function needHiddenLayers(label: string, context: SettingContext, where: string): void {
  if (!hasHiddenLayerOptions(context.architecture)) {
    throw new ConfigError('bad-setting', `a dense-only model (dense or mlp) to vary its ${label}`, `architecture ${context.architecture}`, where);
  }
}

const withModel = (run: RunInput, patch: ModelOptions): RunInput => ({ ...run, model: { ...run.model, ...patch } });

/** Optimizers by a name of their own that are another's settings: E4's "Momentum" is SGD with momentum 0.9. */
export const OPTIMIZER_ALIASES: Readonly<Record<string, OptimizerChoice>> = {
  momentum: { name: 'sgd', label: 'Momentum', hyperparameters: { momentum: 0.9 } },
  nesterov: { name: 'sgd', label: 'Nesterov', hyperparameters: { momentum: 0.9, nesterov: true } },
};

const aliasOf = (value: SweepValue): OptimizerChoice | undefined =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(OPTIMIZER_ALIASES, value) ? OPTIMIZER_ALIASES[value] : undefined;

function optimizerOf(value: SweepValue): { name: string; hyperparameters?: Readonly<Record<string, unknown>> } {
  const alias = aliasOf(value);
  if (alias) return optimizerOf(alias);
  if (typeof value === 'string') return { name: value };
  const choice = value as OptimizerChoice;
  return choice.hyperparameters ? { name: choice.name, hyperparameters: choice.hyperparameters } : { name: choice.name };
}

const numeric = (label: string, key: string, kind: 'number' | 'integer', range: Pick<SweptSetting, 'min' | 'max' | 'exclusiveMax' | 'log'>, apply: SweptSetting['apply']): SweptSetting => ({
  label,
  key,
  kind,
  ...range,
  check(value, where) {
    checkNumber({ kind, ...range }, value, where);
  },
  apply,
});

export const SETTING_NAMES = ['optimizer', 'batchSize', 'dropout', 'l2', 'hiddenWidth', 'activation'] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

const settings: { readonly [K in SettingName]: SweptSetting } = {
  optimizer: {
    label: 'optimizer',
    key: '',
    kind: 'choice',
    check(value, where) {
      const name = optimizerOf(value).name;
      if (!isKerasOptimizerName(name)) {
        const names = [...KERAS_OPTIMIZER_NAMES, ...Object.keys(OPTIMIZER_ALIASES)].join(', ');
        throw new ConfigError('unknown-optimizer', `an optimizer name, one of ${names} (or { name, label, hyperparameters })`, describe(value), where);
      }
    },
    text: (value) => {
      if (typeof value === 'string' && isKerasOptimizerName(value)) return optimizerSpecs[value].label;
      return valueText(aliasOf(value) ?? value);
    },
    apply: (run, value) => ({ ...run, optimizer: optimizerOf(value) }),
  },
  batchSize: numeric('batch size', 'batch', 'integer', { min: 1, log: true }, (run, value) => ({ ...run, batchSize: value as number })),
  dropout: numeric('dropout', 'dropout', 'number', { min: 0, max: 1, exclusiveMax: true }, (run, value) => withModel(run, { dropout: value as number })),
  l2: numeric('L2', 'l2', 'number', { min: 0, log: true }, (run, value) => withModel(run, { l2: value as number })),
  hiddenWidth: {
    ...numeric('hidden width', 'units', 'integer', { min: 1, log: true }, (run, value, context) => {
      const layers = run.model?.hiddenUnits ?? context.model.hiddenUnits ?? DEFAULT_HIDDEN_UNITS[context.architecture as keyof typeof DEFAULT_HIDDEN_UNITS];
      return withModel(run, { hiddenUnits: layers.map(() => value as number) });
    }),
    check(value, where, context) {
      needHiddenLayers('hidden width', context, where);
      checkNumber({ kind: 'integer', min: 1 }, value, where);
    },
  },
  activation: {
    label: 'activation',
    key: '',
    kind: 'choice',
    check(value, where, context) {
      needHiddenLayers('activation', context, where);
      if (typeof value !== 'string' || !isActivationName(value)) throw new ConfigError('bad-value', 'an activation name (relu, tanh, sigmoid, …)', describe(value), where);
    },
    apply: (run, value) => withModel(run, { activation: value as ModelOptions['activation'] }),
  },
};

/** Every optimizer hyperparameter by name, with the first optimizer's field that has it (for its range). */
const hyperparameterFields: ReadonlyMap<string, FieldSpec> = new Map(
  Object.values(optimizerSpecs).flatMap((spec) => (spec.fields as readonly FieldSpec[]).map((field) => [field.name, field] as const)).reverse(),
);

function hyperparameterSetting(name: string, field: FieldSpec): SweptSetting {
  return {
    label: name.replace(/_/g, ' '),
    key: name === 'learning_rate' ? 'lr' : name,
    kind: field.kind === 'boolean' ? 'boolean' : 'number',
    ...(field.kind === 'number' ? { min: field.min, log: field.log } : {}),
    check(value, where) {
      if (field.kind === 'boolean' ? typeof value !== 'boolean' : typeof value !== 'number' || !Number.isFinite(value)) {
        throw new ConfigError('bad-value', field.kind === 'boolean' ? 'true or false' : 'a number', describe(value), where);
      }
      // Each optimizer's own range is checked trial by trial, when its config is resolved.
    },
    apply(run, value) {
      const optimizer = run.optimizer as { name: string; hyperparameters?: Record<string, unknown> };
      return { ...run, optimizer: { ...optimizer, hyperparameters: { ...optimizer.hyperparameters, [name]: value } } };
    },
  };
}

export const HYPERPARAMETER_NAMES: readonly string[] = [...hyperparameterFields.keys()].sort();

/** The setting a sweep names, or a ConfigError listing what it could name. */
export function sweptSetting(param: string, where = 'param'): SweptSetting {
  if (Object.prototype.hasOwnProperty.call(settings, param)) return settings[param as SettingName];
  const field = hyperparameterFields.get(param);
  if (field) return hyperparameterSetting(param, field);
  throw new ConfigError('unknown-setting', `a setting to vary: ${SETTING_NAMES.join(', ')}, or an optimizer hyperparameter (${HYPERPARAMETER_NAMES.join(', ')})`, JSON.stringify(param), where);
}

/** "lr 0.001", "relu", "Adam": one value as a trial's label shows it. */
export function valueLabel(param: string, value: SweepValue): string {
  const setting = sweptSetting(param);
  const text = setting.text?.(value) ?? valueText(value);
  return setting.key ? `${setting.key} ${text}` : text;
}

/** The template run with these values applied, the optimizer first. */
export function applySettings(template: RunInput, values: readonly { readonly param: string; readonly value: SweepValue }[], context: SettingContext): RunInput {
  const ordered = [...values].sort((a, b) => Number(b.param === 'optimizer') - Number(a.param === 'optimizer'));
  return ordered.reduce((run, { param, value }) => sweptSetting(param).apply(run, value, context), template);
}
