/**
 * The sweep builder's state: what the person typed, field by field, and the base
 * comparison as data (from a preset, a link or the Compare tab). `sweepToForm` fills
 * it; `formToSweep` assembles the SweepConfigInput and keys every text that is not a
 * number by the path it would have filled (`grid[0].values.from`), the same paths
 * parseSweep's ConfigErrors name, so each message sits beside its field.
 */
import type { ExperimentConfigInput } from '../../../../engine/experiment/config';
import type { TargetMetric } from '../../../../engine/training/types';
import type { Objective } from '../../../../engine/sweeps/objective';
import type { SweepConfigInput } from '../../../../engine/sweeps/sweep-config';
import { sweptSetting } from '../../../../engine/sweeps/settings';
import type { SweepValue, ValueSpec } from '../../../../engine/sweeps/values';
import type { SearchDimension } from '../../../../engine/sweeps/random-search';
import { newKey, numberText, parseListText } from '../../config/form-text';
import { num, type FieldErrors, type Writer } from '../../config/form-to-config';

export type ValueKind = 'list' | 'linear' | 'log';

export interface AxisForm {
  readonly key: string;
  readonly param: string;
  readonly kind: ValueKind;
  /** A list's values as typed: "0.001, 0.01", "relu, tanh", "sgd, adam, momentum". */
  readonly list: string;
  readonly from: string;
  readonly to: string;
  /** Ranges in a grid only: how many values. */
  readonly count: string;
}

export interface SweepForm {
  readonly name: string;
  readonly description?: string;
  readonly base: ExperimentConfigInput;
  readonly epochs: string;
  readonly batchSize: string;
  /** Points to generate (synthetic sets) or the training subset (real ones). */
  readonly size: string;
  readonly mode: 'grid' | 'random';
  readonly axes: readonly AxisForm[];
  readonly trials: string;
  readonly seed: string;
  readonly space: readonly AxisForm[];
  readonly groupSize: string;
  readonly targetMetric: '' | TargetMetric;
  readonly targetValue: string;
  readonly maxSeconds: string;
  readonly maxEpochs: string;
  readonly objective: '' | Objective;
}

const isSynthetic = (base: ExperimentConfigInput) => base.dataset.name === 'prod' || base.dataset.name === 'spiral';

export function newAxis(param = 'learning_rate', kind: ValueKind = 'log'): AxisForm {
  return { key: newKey(), param, kind, list: '', from: kind === 'log' ? '1e-4' : '0', to: kind === 'log' ? '1' : '1', count: '5' };
}

function valueToText(value: SweepValue): string {
  return typeof value === 'object' ? value.name : typeof value === 'number' ? numberText(value) : String(value);
}

function axisToForm(param: string, values: ValueSpec | SearchDimension): AxisForm {
  if (values.kind === 'list') return { ...newAxis(param, 'list'), list: values.values.map(valueToText).join(', ') };
  return { ...newAxis(param, values.kind), from: numberText(values.from), to: numberText(values.to), count: 'count' in values ? numberText(values.count) : '5' };
}

/** The base and the fields the builder shows of it. */
export function baseFields(base: ExperimentConfigInput): Pick<SweepForm, 'base' | 'epochs' | 'batchSize' | 'size'> {
  return {
    base,
    epochs: numberText(base.training.epochs),
    batchSize: String(base.training.batchSize),
    size: numberText(isSynthetic(base) ? base.dataset.count : base.dataset.subset),
  };
}

export function sweepToForm(config: SweepConfigInput): SweepForm {
  const base = config.base as unknown as ExperimentConfigInput;
  const rule = base.training.stopRule;
  return {
    name: config.name ?? 'sweep',
    ...(config.description !== undefined ? { description: config.description } : {}),
    ...baseFields(base),
    mode: config.random ? 'random' : 'grid',
    axes: (config.grid ?? [{ param: 'learning_rate', values: { kind: 'log', from: 1e-4, to: 1, count: 5 } }]).map((axis) => axisToForm(axis.param, axis.values)),
    trials: numberText(config.random?.trials ?? 10),
    seed: numberText(config.random?.seed ?? 1),
    space: (config.random?.space ?? []).map((dimension) => axisToForm(dimension.param, dimension)),
    groupSize: numberText(config.groupSize ?? 8),
    targetMetric: rule?.target?.metric ?? '',
    targetValue: numberText(rule?.target?.value),
    maxSeconds: numberText(rule?.maxSeconds),
    maxEpochs: numberText(rule?.maxEpochs),
    objective: config.objective ?? '',
  };
}

/** A list's text as values of its setting: numbers, true/false, or names. */
function listValues(w: Writer, axis: AxisForm, path: string): SweepValue[] {
  let kind: string;
  try {
    kind = sweptSetting(axis.param).kind;
  } catch {
    return [];
  }
  if (kind === 'number' || kind === 'integer') return list(w, axis.list, path, kind === 'integer');
  const tokens = axis.list.split(/[\s,;]+/).filter(Boolean);
  if (tokens.length === 0) w.errors[path] = 'Give at least one value.';
  if (kind !== 'boolean') return tokens;
  return tokens.map((token) => {
    if (token !== 'true' && token !== 'false') w.errors[path] = `"${token}": enter true or false.`;
    return token === 'true';
  });
}

function list(w: Writer, text: string, path: string, integer: boolean): number[] {
  const parsed = parseListText(text, { integer });
  if (parsed.error) w.errors[path] = parsed.error;
  else if (!parsed.value) w.errors[path] = 'Give at least one value.';
  return parsed.value ?? [];
}

function axisConfig(w: Writer, axis: AxisForm, path: string): ValueSpec {
  if (axis.kind === 'list') return { kind: 'list', values: listValues(w, axis, `${path}.values`) };
  return {
    kind: axis.kind,
    from: num(w, axis.from, `${path}.values.from`, { required: true }) ?? 0,
    to: num(w, axis.to, `${path}.values.to`, { required: true }) ?? 0,
    count: num(w, axis.count, `${path}.values.count`, { integer: true, required: true }) ?? 0,
  };
}

function dimensionConfig(w: Writer, axis: AxisForm, path: string): SearchDimension {
  if (axis.kind === 'list') return { param: axis.param, kind: 'list', values: listValues(w, axis, `${path}.values`) };
  return { param: axis.param, kind: axis.kind, from: num(w, axis.from, `${path}.from`, { required: true }) ?? 0, to: num(w, axis.to, `${path}.to`, { required: true }) ?? 0 };
}

function baseConfig(w: Writer, form: SweepForm): ExperimentConfigInput {
  const { base } = form;
  const size = num(w, form.size, isSynthetic(base) ? 'base.dataset.count' : 'base.dataset.subset', { integer: true });
  const target = form.targetMetric ? { metric: form.targetMetric, value: num(w, form.targetValue, 'base.training.stopRule.target.value', { required: true }) ?? 0 } : undefined;
  const maxSeconds = num(w, form.maxSeconds, 'base.training.stopRule.maxSeconds');
  const maxEpochs = num(w, form.maxEpochs, 'base.training.stopRule.maxEpochs', { integer: true });
  const stopRule = target || maxSeconds !== undefined || maxEpochs !== undefined ? { ...(target ? { target } : {}), ...(maxSeconds !== undefined ? { maxSeconds } : {}), ...(maxEpochs !== undefined ? { maxEpochs } : {}) } : undefined;
  const { stopRule: _old, ...training } = base.training;
  const batchText = form.batchSize.trim().toLowerCase();
  return {
    ...base,
    dataset: { ...base.dataset, ...(isSynthetic(base) ? { count: size } : { subset: size }) },
    training: {
      ...training,
      epochs: num(w, form.epochs, 'base.training.epochs', { integer: true, required: true }) ?? 0,
      batchSize: batchText === 'full' ? 'full' : (num(w, form.batchSize, 'base.training.batchSize', { integer: true, required: true }) ?? 0),
      ...(stopRule ? { stopRule } : {}),
    },
  };
}

/** Drops undefined fields, so configs (and URLs) hold only what was set. */
const compactDataset = (base: ExperimentConfigInput): ExperimentConfigInput => ({
  ...base,
  dataset: Object.fromEntries(Object.entries(base.dataset).filter(([, value]) => value !== undefined)) as ExperimentConfigInput['dataset'],
});

export function formToSweep(form: SweepForm): { config: SweepConfigInput; errors: FieldErrors } {
  const w: Writer = { errors: {} };
  const base = compactDataset(baseConfig(w, form));
  const groupSize = num(w, form.groupSize, 'groupSize', { integer: true });
  const config: SweepConfigInput = {
    name: form.name.trim() || 'sweep',
    ...(form.description !== undefined ? { description: form.description } : {}),
    base: base as unknown as Record<string, unknown>,
    ...(form.mode === 'grid'
      ? { grid: form.axes.map((axis, i) => ({ param: axis.param, values: axisConfig(w, axis, `grid[${i}]`) })) as SweepConfigInput['grid'] }
      : {
          random: {
            trials: num(w, form.trials, 'random.trials', { integer: true, required: true }) ?? 0,
            seed: num(w, form.seed, 'random.seed', { integer: true }) ?? 1,
            space: form.space.map((axis, i) => dimensionConfig(w, axis, `random.space[${i}]`)) as NonNullable<SweepConfigInput['random']>['space'],
          },
        }),
    ...(groupSize !== undefined ? { groupSize } : {}),
    ...(form.objective ? { objective: form.objective } : {}),
  };
  return { config, errors: w.errors };
}
