/**
 * The registry: Keras 3's stock defaults (checked against the test's own copy of the
 * Keras sources' values), the metadata, and clear ConfigErrors for bad hyperparameters.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../lib/errors';
import {
  KERAS_OPTIMIZER_NAMES,
  KerasAdam,
  KerasOptimizer,
  createOptimizer,
  optimizerSpecs,
  optimizers,
  resolveOptimizerConfig,
  type KerasOptimizerName,
  type OptimizerConfig,
} from './index';
import { KERAS_BASE_DEFAULTS, KERAS_STOCK_DEFAULTS } from './test-support/keras-reference';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const KERAS_CLASS_NAMES: Record<KerasOptimizerName, string> = {
  sgd: 'SGD',
  rmsprop: 'RMSprop',
  adagrad: 'Adagrad',
  adadelta: 'Adadelta',
  adam: 'Adam',
  adamax: 'Adamax',
  nadam: 'Nadam',
  adamw: 'AdamW',
  lion: 'Lion',
};

/** Catches the ConfigError `fn` throws (failing the test if it throws anything else). */
function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError, nothing was thrown');
}

describe('stock defaults', () => {
  it('lists the nine Keras optimizers', () => {
    expect([...KERAS_OPTIMIZER_NAMES].sort()).toEqual(Object.keys(KERAS_STOCK_DEFAULTS).sort());
    expect(Object.keys(optimizerSpecs).sort()).toEqual([...KERAS_OPTIMIZER_NAMES].sort());
    expect(Object.keys(optimizers).sort()).toEqual([...KERAS_OPTIMIZER_NAMES].sort());
  });

  it.each(KERAS_OPTIMIZER_NAMES)('%s: defaults equal Keras 3’s stock values', (name) => {
    const expected = { ...KERAS_BASE_DEFAULTS, ...KERAS_STOCK_DEFAULTS[name] };
    expect({ ...optimizerSpecs[name].defaults }).toEqual(expected);
    const optimizer = optimizers[name]();
    expect({ ...optimizer.hyperparameters }).toEqual(expected);
    optimizer.dispose();
  });

  it('spot-checks the values that differ from tfjs', () => {
    expect(optimizerSpecs.sgd.defaults.learning_rate).toBe(0.01);
    expect(optimizerSpecs.adagrad.defaults.learning_rate).toBe(0.001);
    expect(optimizerSpecs.adagrad.defaults.initial_accumulator_value).toBe(0.1);
    expect(optimizerSpecs.adadelta.defaults).toMatchObject({ learning_rate: 0.001, rho: 0.95, epsilon: 1e-7 });
    expect(optimizerSpecs.adamax.defaults.learning_rate).toBe(0.001);
    expect(optimizerSpecs.adamw.defaults.weight_decay).toBe(0.004);
    expect(optimizerSpecs.lion.defaults).toMatchObject({ learning_rate: 0.001, beta_1: 0.9, beta_2: 0.99 });
  });
});

describe('metadata', () => {
  it.each(KERAS_OPTIMIZER_NAMES)('%s: fields cover exactly the defaults, with help and a rule', (name) => {
    const spec = optimizerSpecs[name];
    expect(spec.name).toBe(name);
    expect(spec.className).toBe(KERAS_CLASS_NAMES[name]);
    expect(spec.fields.map((f) => f.name).sort()).toEqual(Object.keys(spec.defaults).sort());
    for (const field of spec.fields) {
      expect(field.help.length, field.name).toBeGreaterThan(10);
      expect(['number', 'boolean']).toContain(field.kind);
    }
    expect(spec.rule.formula).toContain('←');
    expect(spec.rule.words.length).toBeGreaterThan(40);
    expect(spec.label.length).toBeGreaterThan(0);
  });

  it('fields an optimizer does not use are absent (Lion has no epsilon, SGD no rho)', () => {
    expect(optimizerSpecs.lion.fields.map((f) => f.name)).not.toContain('epsilon');
    expect(optimizerSpecs.sgd.fields.map((f) => f.name)).not.toContain('rho');
    expect(optimizerSpecs.adam.fields.find((f) => f.name === 'weight_decay')?.optional).toBe(true);
    expect(optimizerSpecs.adamw.fields.find((f) => f.name === 'weight_decay')?.optional).toBe(false);
  });
});

describe('factories', () => {
  it('optimizers.adam({ learning_rate }) merges over the defaults and is a tfjs Optimizer', () => {
    const adam = optimizers.adam({ learning_rate: 0.01 });
    expect(adam).toBeInstanceOf(KerasAdam);
    expect(adam).toBeInstanceOf(KerasOptimizer);
    expect(adam).toBeInstanceOf(tf.Optimizer);
    expect(adam.kerasName).toBe('adam');
    expect(adam.getClassName()).toBe('Adam');
    expect(adam.hyperparameters).toMatchObject({ learning_rate: 0.01, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7 });
    expect(Object.isFrozen(adam.hyperparameters)).toBe(true);
    adam.dispose();
  });

  it.each(KERAS_OPTIMIZER_NAMES)('%s: createOptimizer and getConfig round-trip', (name) => {
    const optimizer = createOptimizer({ name, hyperparameters: { learning_rate: 0.02, clipnorm: 2 } } as OptimizerConfig);
    expect(optimizer.kerasName).toBe(name);
    expect(optimizer.getClassName()).toBe(KERAS_CLASS_NAMES[name]);
    const { name: configName, ...hyperparameters } = optimizer.getConfig();
    expect(configName).toBe(name);
    const again = createOptimizer({ name, hyperparameters } as OptimizerConfig);
    expect(again.hyperparameters).toEqual(optimizer.hyperparameters);
    const fromConfig = (optimizer.constructor as typeof KerasOptimizer).fromConfig(
      optimizer.constructor as never,
      optimizer.getConfig(),
    ) as KerasOptimizer;
    expect(fromConfig.hyperparameters).toEqual(optimizer.hyperparameters);
    [optimizer, again, fromConfig].forEach((o) => o.dispose());
  });

  it('keeps a schedule in the config as data', () => {
    const schedule = { kind: 'exponential_decay', initial_learning_rate: 0.1, decay_steps: 100, decay_rate: 0.5 } as const;
    const sgd = createOptimizer({ name: 'sgd', hyperparameters: { learning_rate: schedule } });
    expect(sgd.getConfig().learning_rate).toEqual(schedule);
    expect(sgd.learningRateAt(100)).toBeCloseTo(0.05, 12);
    sgd.dispose();
  });

  it('resolveOptimizerConfig fills in every default', () => {
    expect(resolveOptimizerConfig({ name: 'lion', hyperparameters: { beta_2: 0.95 } })).toEqual({
      name: 'lion',
      hyperparameters: { ...KERAS_BASE_DEFAULTS, learning_rate: 0.001, beta_1: 0.9, beta_2: 0.95 },
    });
  });
});

describe('bad hyperparameters', () => {
  it('a negative learning rate names the field, the range and the value', () => {
    const error = configError(() => optimizers.sgd({ learning_rate: -0.1 }));
    expect(error.code).toBe('out-of-range');
    expect(error.where).toBe('hyperparameters.learning_rate');
    expect(error.expected).toBe('a finite number >= 0');
    expect(error.found).toBe('-0.1');
    expect(error.message).toBe('hyperparameters.learning_rate: expected a finite number >= 0, found -0.1');
  });

  it.each([
    ['rmsprop', { rho: 1.5 }, 'hyperparameters.rho', 'a finite number in [0, 1]', '1.5'],
    ['adadelta', { rho: -0.1 }, 'hyperparameters.rho', 'a finite number in [0, 1]', '-0.1'],
    ['sgd', { momentum: 1.2 }, 'hyperparameters.momentum', 'a finite number in [0, 1]', '1.2'],
    ['adam', { beta_1: 1 }, 'hyperparameters.beta_1', 'a finite number in [0, 1)', '1'],
    ['nadam', { beta_2: 1 }, 'hyperparameters.beta_2', 'a finite number in [0, 1)', '1'],
    ['lion', { beta_1: 0 }, 'hyperparameters.beta_1', 'a finite number in (0, 1]', '0'],
    ['adam', { epsilon: 0 }, 'hyperparameters.epsilon', 'a finite number > 0', '0'],
    ['adagrad', { initial_accumulator_value: -1 }, 'hyperparameters.initial_accumulator_value', 'a finite number >= 0', '-1'],
    ['adam', { learning_rate: Number.NaN }, 'hyperparameters.learning_rate', 'a finite number >= 0', 'NaN'],
    ['adam', { learning_rate: Infinity }, 'hyperparameters.learning_rate', 'a finite number >= 0', 'Infinity'],
    ['sgd', { clipnorm: 0 }, 'hyperparameters.clipnorm', 'a finite number > 0', '0'],
    ['sgd', { weight_decay: -0.01 }, 'hyperparameters.weight_decay', 'a finite number >= 0', '-0.01'],
  ] as const)('%s %o → %s', (name, hyperparameters, where, expected, found) => {
    const error = configError(() => createOptimizer({ name, hyperparameters } as OptimizerConfig));
    expect(error.code).toBe('out-of-range');
    expect(error.where).toBe(where);
    expect(error.expected).toBe(expected);
    expect(error.found).toBe(found);
  });

  it('wrong types', () => {
    const text = configError(() => createOptimizer({ name: 'adam', hyperparameters: { beta_1: '0.9' } } as never));
    expect(text.code).toBe('wrong-type');
    expect(text.where).toBe('hyperparameters.beta_1');
    expect(text.found).toBe('"0.9"');
    const flag = configError(() => optimizers.sgd({ nesterov: 1 } as never));
    expect(flag.message).toBe('hyperparameters.nesterov: expected true or false, found 1');
    const nulled = configError(() => optimizers.adam({ beta_2: null } as never));
    expect(nulled.where).toBe('hyperparameters.beta_2');
    expect(nulled.found).toBe('null');
  });

  it('an unknown key is named, with the keys this optimizer accepts', () => {
    const error = configError(() => optimizers.sgd({ rho: 0.9 } as never));
    expect(error.code).toBe('unknown-key');
    expect(error.where).toBe('hyperparameters.rho');
    expect(error.expected).toBe(
      'one of learning_rate, momentum, nesterov, weight_decay, clipnorm, clipvalue, global_clipnorm',
    );
    // tfjs-style camelCase is not Keras's name.
    expect(configError(() => optimizers.adam({ beta1: 0.9 } as never)).where).toBe('hyperparameters.beta1');
  });

  it('at most one clipping option, as Keras', () => {
    const error = configError(() => optimizers.adam({ clipnorm: 1, global_clipnorm: 1 }));
    expect(error.code).toBe('conflicting-options');
    expect(error.expected).toBe('at most one of clipnorm, clipvalue and global_clipnorm');
    expect(error.found).toBe('clipnorm=1, global_clipnorm=1');
  });

  it('AdamW needs a weight decay (Keras raises on None)', () => {
    const error = configError(() => optimizers.adamw({ weight_decay: null } as never));
    expect(error.where).toBe('hyperparameters.weight_decay');
  });

  it('an unknown optimizer or a bad schedule is named with its path', () => {
    const unknown = configError(() => createOptimizer({ name: 'adamax2' } as never, 'runs[2].optimizer'));
    expect(unknown.code).toBe('unknown-optimizer');
    expect(unknown.where).toBe('runs[2].optimizer.name');
    const schedule = configError(() =>
      createOptimizer(
        {
          name: 'sgd',
          hyperparameters: {
            learning_rate: { kind: 'exponential_decay', initial_learning_rate: 0.1, decay_steps: 0, decay_rate: 0.5 },
          },
        },
        'runs[0].optimizer',
      ),
    );
    expect(schedule.where).toBe('runs[0].optimizer.hyperparameters.learning_rate.decay_steps');
    expect(schedule.expected).toBe('a finite number > 0');
    const kind = configError(() => optimizers.sgd({ learning_rate: { kind: 'warm_restarts' } as never }));
    expect(kind.code).toBe('unknown-schedule');
    expect(kind.where).toBe('hyperparameters.learning_rate.kind');
  });

  it('untrusted input that is not an object', () => {
    expect(configError(() => resolveOptimizerConfig('adam')).code).toBe('wrong-type');
    expect(configError(() => resolveOptimizerConfig({ name: 'adam', hyperparameters: [] })).where).toBe(
      'hyperparameters',
    );
    expect(configError(() => resolveOptimizerConfig({ name: 'adam', extra: 1 })).where).toBe('extra');
  });
});
