import { describe, expect, it } from 'vitest';
import { parseExperiment } from './config';
import { presets } from './presets';

describe('presets', () => {
  it.each(Object.entries(presets))('%s is a valid experiment', (_name, preset) => {
    const plan = parseExperiment(preset.config);
    expect(plan.spec.runs.length).toBeGreaterThan(0);
  });

  it('E1 uses the seven optimizers at Keras stock settings, 50 epochs of batch 200', () => {
    const plan = parseExperiment(presets['e1-mcnn']!.config);
    expect(plan.spec.runs.map((r) => r.optimizer.name)).toEqual(['sgd', 'rmsprop', 'adagrad', 'adadelta', 'adam', 'adamax', 'nadam']);
    expect(plan.spec.runs.find((r) => r.id === 'adadelta')!.optimizer.hyperparameters).toMatchObject({ learning_rate: 0.001, rho: 0.95 });
    expect([plan.spec.epochs, plan.spec.batchSize, plan.spec.scaling]).toEqual([50, 200, 'minmax']);
  });

  it('E2 has the unscaled pitfall and its fix, with and without dropout', () => {
    expect(parseExperiment(presets['e2-l2-unscaled']!.config).spec.scaling).toBe('none');
    expect(parseExperiment(presets['e2-dropout-unscaled']!.config).spec.model).toMatchObject({ dropout: { input: 0.2, hidden: 0.5 } });
    expect(parseExperiment(presets['e2-l2-scaled']!.config).spec.scaling).toBe('minmax');
  });

  it('E2 reproduced crosses scaling off and on with L2 and dropout, on CIFAR-10 or Fashion-MNIST', () => {
    for (const [key, dataset] of [['e2-reproduced', 'cifar-10'], ['e2-reproduced-fashion-mnist', 'fashion-mnist']] as const) {
      const plan = parseExperiment(presets[key]!.config);
      expect(plan.dataset.name).toBe(dataset);
      expect(plan.spec.runs.map((r) => [r.scaling, { ...plan.spec.model, ...r.model }.dropout !== undefined])).toEqual([
        ['none', false],
        ['minmax', false],
        ['none', true],
        ['minmax', true],
      ]);
      expect(new Set(plan.spec.runs.map((r) => r.optimizer.name))).toEqual(new Set(['adam']));
    }
  });

  it('E5 part one spans batch, mini-batch and stochastic gradient descent', () => {
    const runs = parseExperiment(presets['e5-part-one']!.config).spec.runs;
    expect(runs.map((r) => r.batchSize)).toContain('full');
    expect(runs.map((r) => r.batchSize)).toContain(1);
  });
});
