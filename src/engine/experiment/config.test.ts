import { describe, expect, it } from 'vitest';
import { configErrorOf as errorOf } from './test-utils';
import { parseExperiment } from './config';

const valid = {
  dataset: { name: 'fashion-mnist' },
  architecture: 'fcnn',
  training: { epochs: 1, batchSize: 200 },
  runs: [{ optimizer: { name: 'adam' } }],
};

describe('experiment config', () => {
  it('fills Keras defaults and lab defaults', () => {
    const plan = parseExperiment(valid);
    expect(plan.spec.scaling).toBe('minmax');
    expect(plan.spec.runs[0]).toMatchObject({ id: 'run-1', label: 'adam' });
    expect(plan.spec.runs[0]!.optimizer.hyperparameters).toMatchObject({ learning_rate: 0.001, beta_1: 0.9, epsilon: 1e-7 });
  });

  it('names the wrong field, what was expected and what was found', () => {
    const e = errorOf({ ...valid, training: { epochs: 0, batchSize: 200 } });
    expect(e.where).toBe('training.epochs');
    expect(e.found).toBe('0');
    expect(e.message).toBe('training.epochs: expected > 0, found 0');
  });

  it('rejects unknown architectures and datasets with the list of valid ones', () => {
    expect(errorOf({ ...valid, architecture: 'resnet' }).message).toMatch(/architecture: expected .*fcnn.*found "resnet"/);
    expect(errorOf({ ...valid, dataset: { name: 'mnist' } }).where).toBe('dataset.name');
  });

  it('rejects unknown keys (typos) rather than ignoring them', () => {
    const e = errorOf({ ...valid, training: { epochs: 1, batchSize: 200, epoch: 3 } });
    expect(e.where).toBe('training.epoch');
    expect(e.found).toBe('an unknown field "epoch"');
  });

  it('checks optimizer hyperparameters against the optimizer', () => {
    const e = errorOf({ ...valid, runs: [{ optimizer: { name: 'adam', hyperparameters: { rho: 0.9 } } }] });
    expect(e.where).toMatch(/runs\[0\]\.optimizer\.hyperparameters/);
    const lr = errorOf({ ...valid, runs: [{ optimizer: { name: 'sgd', hyperparameters: { learning_rate: -1 } } }] });
    expect(lr.where).toBe('runs[0].optimizer.hyperparameters.learning_rate');
  });

  it('rejects duplicate run ids', () => {
    const e = errorOf({ ...valid, runs: [{ id: 'a', optimizer: { name: 'sgd' } }, { id: 'a', optimizer: { name: 'adam' } }] });
    expect(e.where).toBe('runs[1].id');
  });
});
