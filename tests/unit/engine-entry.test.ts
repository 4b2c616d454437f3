import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as engine from '../../src/engine';

describe('the engine entry point', () => {
  it('exports the readers, the architectures, the optimizer registry and the runner', () => {
    expect(typeof engine.readFashionMnist).toBe('function');
    expect(typeof engine.readCifar10Archive).toBe('function');
    expect(Object.keys(engine.architectures)).toEqual(expect.arrayContaining(['fcnn', 'scnn', 'bcnn', 'mcnn']));
    expect(typeof engine.runComparison).toBe('function');
    expect(typeof engine.runExperiment).toBe('function');
  });

  it('optimizers.adam({ learning_rate: 0.01 }) is a tfjs Optimizer with Keras defaults elsewhere', () => {
    const adam = engine.optimizers.adam({ learning_rate: 0.01 });
    expect(adam).toBeInstanceOf(tf.Optimizer);
    expect(adam.hyperparameters).toMatchObject({ learning_rate: 0.01, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7 });
    adam.dispose();
  });
});
