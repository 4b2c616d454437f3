import { describe, expect, it } from 'vitest';
import { thrownConfigError } from '../../../tests/helpers/expect-lab-error';
import type { ExperimentConfigInput } from '../experiment/config';
import { sweepPresets } from './presets';
import { groupConfigs, parseSweep, type SweepConfigInput } from './sweep-config';

const base: ExperimentConfigInput = {
  name: 'base',
  dataset: { name: 'prod', count: 200 },
  architecture: 'dense',
  model: { hiddenUnits: [16, 16], activation: 'relu' },
  training: { epochs: 3, batchSize: 20, scaling: 'none', seed: 4 },
  runs: [{ optimizer: { name: 'sgd', hyperparameters: { momentum: 0.5 } } }],
};

const grid = (axes: SweepConfigInput['grid'], extra: Partial<SweepConfigInput> = {}): SweepConfigInput => ({ name: 'sweep', base, grid: axes, ...extra });

const configError = (input: unknown) => thrownConfigError(() => parseSweep(input));

describe('a grid sweep', () => {
  it('crosses two settings, the first outermost, with labels from the varied values', () => {
    const plan = parseSweep(grid([
      { param: 'activation', values: { kind: 'list', values: ['tanh', 'relu'] } },
      { param: 'hiddenWidth', values: { kind: 'list', values: [2, 8, 32] } },
    ]));
    expect(plan.trials.map((t) => t.label)).toEqual(['tanh, units 2', 'tanh, units 8', 'tanh, units 32', 'relu, units 2', 'relu, units 8', 'relu, units 32']);
    expect(plan.trials.map((t) => t.id)).toEqual(['t001', 't002', 't003', 't004', 't005', 't006']);
  });

  it('patches the template run: hidden width keeps the number of layers, the template’s optimizer stays', () => {
    const plan = parseSweep(grid([{ param: 'hiddenWidth', values: { kind: 'list', values: [4] } }]));
    expect(plan.trials[0]!.run).toEqual({
      id: 't001',
      label: 'units 4',
      optimizer: { name: 'sgd', hyperparameters: { momentum: 0.5 } },
      model: { hiddenUnits: [4, 4] },
    });
  });

  it('sets each optimizer first and then its learning rate, whatever the axes’ order', () => {
    const plan = parseSweep(grid([
      { param: 'learning_rate', values: { kind: 'list', values: [0.1] } },
      { param: 'optimizer', values: { kind: 'list', values: ['adam', { name: 'sgd', label: 'Momentum', hyperparameters: { momentum: 0.9 } }] } },
    ]));
    expect(plan.trials.map((t) => [t.label, t.run.optimizer])).toEqual([
      ['lr 0.1, Adam', { name: 'adam', hyperparameters: { learning_rate: 0.1 } }],
      ['lr 0.1, Momentum', { name: 'sgd', hyperparameters: { momentum: 0.9, learning_rate: 0.1 } }],
    ]);
  });

  it('sets batch size, dropout and L2 on the run', () => {
    const plan = parseSweep(grid([
      { param: 'batchSize', values: { kind: 'list', values: [10] } },
      { param: 'l2', values: { kind: 'log', from: 1e-4, to: 1e-2, count: 2 } },
    ]));
    expect(plan.trials.map((t) => [t.run.batchSize, t.run.model])).toEqual([
      [10, { l2: 1e-4 }],
      [10, { l2: 1e-2 }],
    ]);
    expect(parseSweep(grid([{ param: 'dropout', values: { kind: 'linear', from: 0, to: 0.5, count: 2 } }])).trials.map((t) => t.run.model)).toEqual([{ dropout: 0 }, { dropout: 0.5 }]);
  });

  it('groups consecutive trials into comparisons of at most groupSize runs, all with the base’s seed', () => {
    const plan = parseSweep(grid([{ param: 'learning_rate', values: { kind: 'log', from: 1e-4, to: 1, count: 5 } }], { groupSize: 2 }));
    const groups = groupConfigs(plan);
    expect(groups.map((g) => g.trialIds)).toEqual([['t001', 't002'], ['t003', 't004'], ['t005']]);
    expect(groups.map((g) => g.config.name)).toEqual(['sweep · group 1 of 3', 'sweep · group 2 of 3', 'sweep · group 3 of 3']);
    expect(new Set(groups.map((g) => g.config.training.seed))).toEqual(new Set([4]));
    expect(groups[2]!.config.runs.map((r) => r.id)).toEqual(['t005']);
  });

  it('ranks by time to target when the stop rule has one, else by the final loss', () => {
    const withTarget = { ...base, dataset: { name: 'spiral' as const, count: 100 }, training: { ...base.training, stopRule: { target: { metric: 'accuracy' as const, value: 0.9 } } } };
    expect(parseSweep({ base: withTarget, grid: [{ param: 'learning_rate', values: { kind: 'list', values: [0.1] } }] }).objective).toBe('time-to-target');
    expect(parseSweep(grid([{ param: 'learning_rate', values: { kind: 'list', values: [0.1] } }])).objective).toBe('loss');
  });
});

describe('a random search', () => {
  const search = (seed: number): SweepConfigInput => ({
    base,
    random: {
      trials: 6,
      seed,
      space: [
        { param: 'batchSize', kind: 'list', values: [10, 20, 40] },
        { param: 'learning_rate', kind: 'log', from: 1e-4, to: 1e-1 },
        { param: 'dropout', kind: 'linear', from: 0, to: 0.5 },
        { param: 'hiddenWidth', kind: 'log', from: 4, to: 64 },
      ],
    },
  });

  it('draws the same trials from the same seed', () => {
    expect(parseSweep(search(7)).trials).toEqual(parseSweep(search(7)).trials);
  });

  it('draws other trials from another seed', () => {
    expect(parseSweep(search(8)).trials.map((t) => t.values)).not.toEqual(parseSweep(search(7)).trials.map((t) => t.values));
  });

  it('keeps every draw inside its range: lists by value, logs and linears between the ends, whole numbers where needed', () => {
    for (const trial of parseSweep({ ...search(3), random: { ...search(3).random!, trials: 200 } }).trials) {
      const [batch, lr, dropout, width] = trial.values.map((v) => v.value as number);
      expect([10, 20, 40]).toContain(batch);
      expect(lr).toBeGreaterThanOrEqual(1e-4);
      expect(lr).toBeLessThanOrEqual(1e-1);
      expect(dropout).toBeGreaterThanOrEqual(0);
      expect(dropout).toBeLessThanOrEqual(0.5);
      expect(Number.isInteger(width) && width! >= 4 && width! <= 64).toBe(true);
    }
  });

  it('spreads a log range evenly over its decades', () => {
    const lrs = parseSweep({ ...search(5), random: { ...search(5).random!, trials: 600 } }).trials.map((t) => t.values[1]!.value as number);
    const perDecade = [1e-4, 1e-3, 1e-2].map((low) => lrs.filter((lr) => lr >= low && lr < low * 10).length);
    for (const count of perDecade) expect(count).toBeGreaterThan(150);
  });

  it('numbers its trials so that repeated draws keep apart', () => {
    expect(parseSweep(search(7)).trials[0]!.label).toMatch(/^#1: batch \d+, lr [\d.e-]+, dropout [\d.]+, units \d+$/);
  });
});

describe('a sweep that cannot run', () => {
  it.each([
    ['an unknown setting', grid([{ param: 'learnrate', values: { kind: 'list', values: [1] } }]), 'grid[0].param', /learning_rate/],
    ['a dropout of 1', grid([{ param: 'dropout', values: { kind: 'list', values: [0.2, 1] } }]), 'grid[0].values[1]', /< 1/],
    ['a hidden width on a CNN', { base: { ...base, dataset: { name: 'fashion-mnist' as const }, architecture: 'scnn' as const, model: {} }, grid: [{ param: 'hiddenWidth', values: { kind: 'list', values: [8] } }] }, 'grid[0].values[0]', /dense-only/],
    ['an unknown activation', grid([{ param: 'activation', values: { kind: 'list', values: ['swish'] } }]), 'grid[0].values[0]', /activation name/],
    ['one setting twice', grid([{ param: 'l2', values: { kind: 'list', values: [0] } }, { param: 'l2', values: { kind: 'list', values: [1] } }]), 'grid[1].param', /once/],
    ['three axes', grid([1, 2, 3].map(() => ({ param: 'l2', values: { kind: 'list' as const, values: [0] } }))), 'grid', /2 items|<= 2/],
    ['a template with two runs', { base: { ...base, runs: [...base.runs, ...base.runs] }, grid: [{ param: 'l2', values: { kind: 'list', values: [0] } }] }, 'base.runs', /exactly one run/],
    ['a bad base field', { base: { ...base, training: { ...base.training, epochs: 0 } }, grid: [{ param: 'l2', values: { kind: 'list', values: [0] } }] }, 'base.training.epochs', />/],
    ['both a grid and a random search', { ...grid([{ param: 'l2', values: { kind: 'list', values: [0] } }]), random: { trials: 1, space: [{ param: 'l2', kind: 'linear', from: 0, to: 1 }] } }, 'grid', /either a grid/],
    ['a learning rate out of an optimizer’s range', grid([{ param: 'optimizer', values: { kind: 'list', values: ['adam'] } }, { param: 'beta_1', values: { kind: 'list', values: [1.5] } }]), 'trial "Adam, beta_1 1.5" optimizer.hyperparameters.beta_1', /1/],
    ['a hyperparameter one optimizer lacks', grid([{ param: 'optimizer', values: { kind: 'list', values: ['sgd', 'adam'] } }, { param: 'momentum', values: { kind: 'list', values: [0.9] } }]), 'trial "Adam, momentum 0.9" optimizer.hyperparameters.momentum', /known fields|momentum/],
    ['accuracy on a regression', grid([{ param: 'l2', values: { kind: 'list', values: [0] } }], { objective: 'accuracy' }), 'objective', /classification/],
    ['too many trials', grid([{ param: 'learning_rate', values: { kind: 'log', from: 1e-6, to: 1, count: 500 } }, { param: 'l2', values: { kind: 'linear', from: 0, to: 1, count: 3 } }]), 'grid', /at most 1000/],
  ])('%s is a ConfigError naming where', (_what, input, where, expected) => {
    const error = configError(input);
    expect(error.where).toBe(where);
    expect(`${error.expected} ${error.found}`).toMatch(expected);
  });
});

describe('the sweep presets', () => {
  it.each(Object.entries(sweepPresets))('%s is a valid sweep', (_key, preset) => {
    expect(() => parseSweep(preset.config)).not.toThrow();
  });

  it('E4 has six optimizers × 48 log-spaced rates from 1e-6 to 100, a 97% train-accuracy target and 120 s, one seed', () => {
    const plan = parseSweep(sweepPresets['e4-full']!.config);
    expect(plan.trials).toHaveLength(288);
    const rates = [...new Set(plan.trials.map((t) => t.values[1]!.value))];
    expect(rates).toHaveLength(48);
    expect([rates[0], rates[47]]).toEqual([1e-6, 100]);
    expect(new Set(plan.trials.map((t) => t.label.split(',')[0]))).toEqual(new Set(['SGD', 'Adam', 'Adagrad', 'Adadelta', 'RMSprop', 'Momentum']));
    expect(plan.trials.find((t) => t.label.startsWith('Momentum'))!.run.optimizer).toEqual({ name: 'sgd', hyperparameters: { momentum: 0.9, learning_rate: 1e-6 } });
    expect(plan.basePlan.spec.stopRule).toEqual({ target: { metric: 'accuracy', value: 0.97 }, maxSeconds: 120 });
    expect(plan.objective).toBe('time-to-target');
  });

  it('E3 has its four grids with the published values', () => {
    const trials = (key: string) => parseSweep(sweepPresets[key]!.config).trials.map((t) => t.label);
    expect(trials('e3-activation-width')).toHaveLength(12);
    expect(trials('e3-sgd-lr')).toEqual(['lr 5e-5', 'lr 1e-4', 'lr 0.001', 'lr 0.005', 'lr 0.01', 'lr 0.05']);
    expect(trials('e3-sgd-adam')).toEqual(['SGD, lr 0.001', 'SGD, lr 0.01', 'SGD, lr 0.05', 'Adam, lr 0.001', 'Adam, lr 0.01', 'Adam, lr 0.05']);
    expect(trials('e3-optimizer-lr')).toHaveLength(12);
  });
});
