/**
 * Form → ExperimentConfigInput. Text that is not a number becomes an error keyed by the
 * config path it would have filled (the same paths the engine's ConfigError uses, e.g.
 * `runs[1].optimizer.hyperparameters.beta_1`); ranges and the rest are validate.ts's job.
 * Hyperparameters equal to the Keras default are left out, so configs stay short.
 */
import type { ExperimentConfigInput } from '../../../engine/experiment/config';
import type { ConfigForm, EarlyStoppingForm, RunForm, Specs } from './form-model';
import { specOf } from './form-model';
import { parseListText, parseNumberText } from './form-text';
import { SCHEDULES } from './schedule-params';

export type FieldErrors = Record<string, string>;

/** Collects the field errors of one assembly. */
export type Writer = { errors: FieldErrors };

/** A number field's text as a number, or an error keyed by its path. */
export function num(w: Writer, text: string, path: string, options: { integer?: boolean; required?: boolean } = {}): number | undefined {
  const parsed = parseNumberText(text, options);
  if (parsed.error) w.errors[path] = parsed.error;
  else if (parsed.value === undefined && options.required) w.errors[path] = 'Required.';
  return parsed.value;
}

function list(w: Writer, text: string, path: string, options: { integer?: boolean; required?: boolean } = {}): number[] | undefined {
  const parsed = parseListText(text, options);
  if (parsed.error) w.errors[path] = parsed.error;
  else if (parsed.value === undefined && options.required) w.errors[path] = 'Required.';
  return parsed.value;
}

/** 'full' (batch gradient descent) or a whole number; '' is unset. */
export function batchSizeValue(w: Writer, text: string, path: string, required: boolean): number | 'full' | undefined {
  if (text.trim().toLowerCase() === 'full') return 'full';
  return num(w, text, path, { integer: true, required });
}

/** Drops undefined values so configs (and URLs) hold only what was set. */
function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

function earlyStopping(w: Writer, form: EarlyStoppingForm, path: string) {
  return {
    monitor: form.monitor,
    patience: num(w, form.patience, `${path}.patience`, { integer: true, required: true }) ?? 0,
    ...compact({ minDelta: num(w, form.minDelta, `${path}.minDelta`) || undefined }),
    restoreBestWeights: form.restoreBestWeights,
  };
}

function schedule(w: Writer, run: RunForm, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: run.schedule.kind };
  for (const param of SCHEDULES[run.schedule.kind].params) {
    const where = `${path}.${param.name}`;
    if (param.name === 'initial_learning_rate') {
      out[param.name] = num(w, String(run.values.learning_rate ?? ''), path, { required: true });
      continue;
    }
    const raw = run.schedule.params[param.name];
    if (param.kind === 'boolean') {
      if (raw === true) out[param.name] = true;
    } else if (param.kind === 'list') {
      out[param.name] = list(w, String(raw ?? ''), where, { required: true });
    } else {
      const value = num(w, String(raw ?? ''), where, { integer: param.kind === 'integer', required: !param.optional });
      if (value !== undefined) out[param.name] = value;
    }
  }
  return out;
}

function hyperparameters(w: Writer, specs: Specs, run: RunForm, index: number): Record<string, unknown> {
  const spec = specOf(specs, run.optimizer);
  const defaults = spec.defaults as unknown as Record<string, unknown>;
  const path = `runs[${index}].optimizer.hyperparameters`;
  const out: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const where = `${path}.${field.name}`;
    const raw = run.values[field.name];
    if (field.name === 'learning_rate' && run.schedule.kind !== 'constant') {
      out.learning_rate = schedule(w, run, where);
    } else if (field.kind === 'boolean') {
      if ((raw === true) !== defaults[field.name]) out[field.name] = raw === true;
    } else {
      const value = num(w, String(raw ?? ''), where, { required: !field.optional });
      const resolved = value === undefined ? null : value;
      if (resolved !== defaults[field.name] && !(value === undefined && !field.optional)) out[field.name] = resolved;
    }
  }
  return out;
}

type OptimizerInput = ExperimentConfigInput['runs'][number]['optimizer'];

function optimizerConfig(w: Writer, specs: Specs, run: RunForm, index: number): OptimizerInput {
  const hp = hyperparameters(w, specs, run, index);
  return (Object.keys(hp).length ? { name: run.optimizer, hyperparameters: hp } : { name: run.optimizer }) as OptimizerInput;
}

/**
 * One run's optimizer config on its own (the optimizer race has no comparison around
 * it), with text errors keyed as in a comparison: `runs[index].optimizer…`.
 */
export function runOptimizerConfig(specs: Specs, run: RunForm, index: number): { optimizer: OptimizerInput; errors: FieldErrors } {
  const w: Writer = { errors: {} };
  return { optimizer: optimizerConfig(w, specs, run, index), errors: w.errors };
}

function runConfig(w: Writer, specs: Specs, run: RunForm, index: number): ExperimentConfigInput['runs'][number] {
  const path = `runs[${index}]`;
  const o = run.overrides;
  const model = compact({
    ...run.extraModel,
    dropout: num(w, o.dropout, `${path}.model.dropout`) ?? run.extraModel.dropout,
    l2: num(w, o.l2, `${path}.model.l2`),
    batchNorm: o.batchNorm === '' ? undefined : o.batchNorm === 'on',
  });
  return compact({
    id: run.id,
    label: run.label.trim() || undefined,
    optimizer: optimizerConfig(w, specs, run, index),
    batchSize: batchSizeValue(w, o.batchSize, `${path}.batchSize`, false),
    scaling: o.scaling || undefined,
    model: Object.keys(model).length ? model : undefined,
    earlyStopping: o.earlyStopping === '' ? undefined : o.earlyStopping === 'off' ? null : earlyStopping(w, o.es, `${path}.earlyStopping`),
  }) as ExperimentConfigInput['runs'][number];
}

const HIDDEN_LAYER_ARCHITECTURES = new Set(['mlp', 'dense']);

/** The VAE's shape options that were filled in; the schema checks there are two filter counts. */
function vaeOptions(w: Writer, form: ConfigForm['model']['vae']) {
  return {
    filters: list(w, form.filters, 'model.filters', { integer: true }) as [number, number] | undefined,
    kernelSize: num(w, form.kernelSize, 'model.kernelSize', { integer: true }),
    latentDim: num(w, form.latentDim, 'model.latentDim', { integer: true }),
  };
}

export function formToConfig(specs: Specs, form: ConfigForm): { config: ExperimentConfigInput; errors: FieldErrors } {
  const w: Writer = { errors: {} };
  const { dataset, model, training } = form;
  const d = model.dropout;
  const sites = compact({
    input: num(w, d.input, 'model.dropout.input'),
    conv: num(w, d.conv, 'model.dropout.conv'),
    hidden: num(w, d.hidden, 'model.dropout.hidden'),
    scale: num(w, d.scale, 'model.dropout.scale'),
  });
  const rate = num(w, d.rate, 'model.dropout');
  if (rate !== undefined && Object.keys(sites).length) w.errors['model.dropout'] = 'Give one rate or per-site rates, not both.';
  const layered = HIDDEN_LAYER_ARCHITECTURES.has(form.architecture);
  const modelConfig = compact({
    dropout: Object.keys(sites).length ? sites : rate,
    l2: num(w, model.l2, 'model.l2'),
    batchNorm: model.batchNorm === '' ? undefined : model.batchNorm === 'on',
    kernelInitializer: model.kernelInitializer || undefined,
    hiddenUnits: layered ? list(w, model.hiddenUnits, 'model.hiddenUnits', { integer: true }) : undefined,
    activation: layered ? model.activation || undefined : undefined,
    ...(form.architecture === 'vae' ? vaeOptions(w, model.vae) : {}),
  });
  const synthetic = dataset.name === 'spiral' || dataset.name === 'prod';
  const config = compact({
    name: form.name.trim() || undefined,
    description: form.description,
    dataset: compact({
      name: dataset.name,
      subset: num(w, dataset.subset, 'dataset.subset', { integer: true }),
      validation:
        dataset.validation === 'test'
          ? ('test' as const)
          : dataset.validation === 'split'
            ? num(w, dataset.validationSize, 'dataset.validation', { required: true })
            : undefined,
      testSubset: num(w, dataset.testSubset, 'dataset.testSubset', { integer: true }),
      count: synthetic ? num(w, dataset.count, 'dataset.count', { integer: true }) : undefined,
    }),
    architecture: form.architecture,
    model: Object.keys(modelConfig).length ? modelConfig : undefined,
    training: compact({
      epochs: num(w, training.epochs, 'training.epochs', { integer: true, required: true }) ?? 0,
      batchSize: batchSizeValue(w, training.batchSize, 'training.batchSize', true) ?? 0,
      scaling: training.scaling,
      seed: num(w, training.seed, 'training.seed', { integer: true }),
      lossReadEvery: training.lossReadEvery,
      evalBatchSize: training.evalBatchSize,
      earlyStopping: training.earlyStopping ? earlyStopping(w, training.es, 'training.earlyStopping') : undefined,
    }),
    runs: form.runs.map((run, i) => runConfig(w, specs, run, i)),
  }) as ExperimentConfigInput;
  return { config, errors: w.errors };
}
