import { describe, expect, it } from 'vitest';
import { parseSweep } from '../../../../engine/sweeps/sweep-config';
import { sweepPresets } from '../../../../engine/sweeps/presets';
import { GRID } from '../views/sweep-fixtures';
import { formToSweep, sweepToForm } from './sweep-form';
import { sweepPathLabel } from './sweep-path-label';
import { validateSweep } from './sweep-validate';

const validate = (form: ReturnType<typeof sweepToForm>) => {
  const { config, errors } = formToSweep(form);
  return validateSweep(parseSweep, config, errors, form.mode);
};

describe('the sweep builder’s form', () => {
  it.each(Object.entries(sweepPresets))('%s survives the form: the same trials, base and ranking', (_key, preset) => {
    const { config, errors } = formToSweep(sweepToForm(preset.config));
    expect(errors).toEqual({});
    const original = parseSweep(preset.config);
    const again = parseSweep(config);
    expect(again.trials).toEqual(original.trials);
    expect(again.basePlan.spec).toEqual(original.basePlan.spec);
    expect(again.basePlan.dataset).toEqual(original.basePlan.dataset);
    expect(again.objective).toBe(original.objective);
  });

  it('keys text that is not a number by the field it was typed in', () => {
    const form = sweepToForm(GRID);
    const broken = { ...form, epochs: 'ten', axes: [form.axes[0]!, { ...form.axes[1]!, from: '1e-' }] };
    expect(validate(broken).errors).toEqual({ 'base.training.epochs': 'Enter a whole number, e.g. 32.', 'grid[1].values.from': 'Enter a number, e.g. 0.001 or 1e-3.' });
  });

  it('puts the engine’s verdict beside the field it names', () => {
    const form = sweepToForm(GRID);
    const dropout = { ...form, axes: [{ ...form.axes[0]!, param: 'dropout', kind: 'list' as const, list: '0.2, 1' }] };
    expect(validate(dropout).errors).toEqual({ 'grid[0].values': expect.stringMatching(/^Expected a number >= 0 and < 1, found 1\.$/) });
    const reversed = { ...form, axes: [form.axes[0]!, { ...form.axes[1]!, from: '0.1', to: '0.1' }] };
    expect(Object.keys(validate(reversed).errors)).toEqual(['grid[1].values']);
  });

  it('says which trial a problem of one optimizer is in', () => {
    const form = sweepToForm(GRID);
    const momentum = { ...form, axes: [form.axes[0]!, { ...form.axes[1]!, param: 'momentum', kind: 'list' as const, list: '0.9' }] };
    const { errors } = validate(momentum);
    expect(Object.keys(errors)).toEqual(['grid']);
    expect(errors.grid).toMatch(/found "momentum"/);
  });

  it('builds the stop rule from its fields, or none', () => {
    const form = sweepToForm(GRID);
    expect(formToSweep({ ...form, targetMetric: 'loss', targetValue: '0.01', maxSeconds: '', maxEpochs: '5' }).config.base.training).toMatchObject({ stopRule: { target: { metric: 'loss', value: 0.01 }, maxEpochs: 5 } });
    expect(formToSweep({ ...form, targetMetric: '', maxSeconds: '', maxEpochs: '' }).config.base.training).not.toHaveProperty('stopRule');
  });

  it('turns to a random search with its trials, seed and sampled settings', () => {
    const form = sweepToForm(sweepPresets['e5-random-search']!.config);
    expect(form.mode).toBe('random');
    expect(form.space.map((d) => [d.param, d.kind])).toEqual([
      ['batchSize', 'list'],
      ['learning_rate', 'log'],
      ['momentum', 'linear'],
      ['dropout', 'linear'],
    ]);
    expect(validate({ ...form, trials: '0' }).errors).toEqual({ 'random.trials': expect.stringMatching(/>= 1/) });
  });

  it('names paths in words for the problem list', () => {
    expect(['grid[1].values.count', 'random.space[0].param', 'base.training.stopRule.maxSeconds'].map(sweepPathLabel)).toEqual(['Setting 2: count', 'Setting 1: which setting', 'Time limit']);
  });
});
