import { describe, expect, it } from 'vitest';
import { catalog } from '../../catalog/catalog-data';
import { QUICK_DEMO_SYNTHETIC } from '../presets/quick-demo';
import { configToForm, runForOptimizer, type ConfigForm, type RunForm } from './form-model';
import { formToConfig } from './form-to-config';
import { fieldPath, rangeText, validateConfig } from './validate';

const specs = catalog.optimizerSpecs;
const base = (): ConfigForm => configToForm(specs, QUICK_DEMO_SYNTHETIC);
const withRun = (form: ConfigForm, index: number, change: (run: RunForm) => RunForm): ConfigForm => ({
  ...form,
  runs: form.runs.map((run, i) => (i === index ? change(run) : run)),
});
const setValue = (name: string, value: string | boolean) => (run: RunForm): RunForm => ({ ...run, values: { ...run.values, [name]: value } });

describe('form → config', () => {
  it('fills a new run with the optimizer’s Keras stock values and emits none of them', () => {
    const run = runForOptimizer(specs, 'adam');
    expect(run.values).toMatchObject({ learning_rate: '0.001', beta_1: '0.9', beta_2: '0.999', epsilon: '1e-7', amsgrad: false, clipnorm: '' });
    const { config } = formToConfig(specs, { ...base(), runs: [run] });
    expect(config.runs[0]).toEqual({ label: 'Adam', optimizer: { name: 'adam' } });
  });

  it('emits changed hyperparameters only; an empty optional field is off (null), an empty required one an error', () => {
    let form = withRun(base(), 2, setValue('learning_rate', '0.01'));
    form = withRun(form, 2, setValue('amsgrad', true));
    form = withRun(form, 0, setValue('clipnorm', ''));
    const { config, errors } = formToConfig(specs, form);
    expect(errors).toEqual({});
    expect(config.runs[2]!.optimizer).toEqual({ name: 'adam', hyperparameters: { learning_rate: 0.01, amsgrad: true } });
    expect(config.runs[0]!.optimizer).toEqual({ name: 'sgd' });
    const adamw = withRun({ ...form, runs: [runForOptimizer(specs, 'adamw')] }, 0, setValue('weight_decay', ''));
    expect(formToConfig(specs, adamw).errors).toEqual({ 'runs[0].optimizer.hyperparameters.weight_decay': 'Required.' });
  });

  it('reports text that is not a number at the field’s config path', () => {
    let form = withRun(base(), 1, setValue('rho', 'abc'));
    form = { ...form, training: { ...form.training, epochs: '' } };
    const { errors } = formToConfig(specs, form);
    expect(errors['runs[1].optimizer.hyperparameters.rho']).toMatch(/number/);
    expect(errors['training.epochs']).toBe('Required.');
  });

  it('takes batch size 1 and "full", and a learning-rate schedule', () => {
    let form = { ...base(), training: { ...base().training, batchSize: 'full' } };
    form = withRun(form, 0, (run) => ({
      ...run,
      overrides: { ...run.overrides, batchSize: '1' },
      schedule: { kind: 'exponential_decay', params: { decay_steps: '100', decay_rate: '0.96', staircase: true } },
    }));
    const { config, errors } = formToConfig(specs, form);
    expect(errors).toEqual({});
    expect(config.training.batchSize).toBe('full');
    expect(config.runs[0]).toMatchObject({
      batchSize: 1,
      optimizer: { name: 'sgd', hyperparameters: { learning_rate: { kind: 'exponential_decay', initial_learning_rate: 0.01, decay_steps: 100, decay_rate: 0.96, staircase: true } } },
    });
  });

  it('refuses one dropout rate and per-site rates together', () => {
    const form = base();
    const { errors } = formToConfig(specs, { ...form, model: { ...form.model, dropout: { ...form.model.dropout, rate: '0.2', hidden: '0.5' } } });
    expect(errors['model.dropout']).toMatch(/not both/);
  });
});

describe('validateConfig', () => {
  const check = (form: ConfigForm) => {
    const { config, errors } = formToConfig(specs, form);
    return validateConfig(catalog, config, errors);
  };

  it('passes the quick demo', () => {
    expect(check(base())).toEqual({});
  });

  it('reports every bad field at once, each beside its field', () => {
    let form = withRun(base(), 2, setValue('beta_1', '1'));
    form = withRun(form, 1, setValue('rho', '-0.5'));
    form = { ...form, training: { ...form.training, epochs: '0', seed: '-1' }, dataset: { ...form.dataset, validationSize: '-3' } };
    const errors = check(form);
    expect(errors).toMatchObject({
      'runs[2].optimizer.hyperparameters.beta_1': 'Must be ≥ 0 and < 1.',
      'runs[1].optimizer.hyperparameters.rho': 'Must be ≥ 0 and ≤ 1.',
      'training.epochs': 'Must be > 0.',
      'training.seed': 'Must be ≥ 0.',
      'dataset.validation': 'Must be > 0.',
    });
  });

  it('maps the engine’s ConfigError (two clipping options) to the field it names', () => {
    let form = withRun(base(), 0, setValue('clipnorm', '1'));
    form = withRun(form, 0, setValue('clipvalue', '0.5'));
    expect(check(form)['runs[0].optimizer.hyperparameters.clipvalue']).toMatch(/at most one of clipnorm/);
  });

  it('points schedule errors at the schedule’s field', () => {
    const form = withRun(base(), 0, (run) => ({ ...run, schedule: { kind: 'inverse_time_decay', params: { decay_steps: '0', decay_rate: '1' } } }));
    expect(check(form)['runs[0].optimizer.hyperparameters.learning_rate.decay_steps']).toMatch(/Expected a finite number > 0, found 0/);
  });

  it('needs at least one run', () => {
    expect(check({ ...base(), runs: [] }).runs).toBe('Add at least 1.');
  });
});

describe('helpers', () => {
  it('describes FieldSpec ranges and finds the field of an error path', () => {
    expect(rangeText({ min: 0, exclusiveMin: true })).toBe('Must be > 0.');
    expect(fieldPath('model.hiddenUnits[1]')).toBe('model.hiddenUnits');
    expect(fieldPath('runs[0].optimizer.hyperparameters.learning_rate.initial_learning_rate')).toBe('runs[0].optimizer.hyperparameters.learning_rate');
  });
});
