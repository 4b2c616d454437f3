import { describe, expect, it } from 'vitest';
import { configErrorOf as errorOf } from './test-utils';
import { parseExperiment, type ExperimentConfigInput } from './config';
import { presets } from './presets';

const vae: ExperimentConfigInput = {
  dataset: { name: 'fashion-mnist' },
  architecture: 'vae',
  model: { filters: [16, 32], kernelSize: 3, latentDim: 5 },
  training: { epochs: 1, batchSize: 200 },
  runs: [{ optimizer: { name: 'adam' } }],
};

describe('VAE configs', () => {
  it('take filters, kernel size and latent size, for the comparison or per run', () => {
    const plan = parseExperiment({ ...vae, runs: [{ optimizer: { name: 'adam' }, model: { filters: [32, 64], kernelSize: 5, latentDim: 10 } }] });
    expect(plan.spec.model).toEqual({ filters: [16, 32], kernelSize: 3, latentDim: 5 });
    expect(plan.spec.runs[0]!.model).toEqual({ filters: [32, 64], kernelSize: 5, latentDim: 10 });
  });

  it('name a bad shape option with what was expected', () => {
    expect(errorOf({ ...vae, model: { filters: [16] } }).where).toBe('model.filters');
    expect(errorOf({ ...vae, model: { latentDim: 0 } }).message).toBe('model.latentDim: expected > 0, found 0');
    expect(errorOf({ ...vae, model: { kernelSize: 2.5 } }).where).toBe('model.kernelSize');
  });

  it('refuse the VAE options on another architecture', () => {
    expect(errorOf({ ...vae, architecture: 'fcnn' }).where).toBe('model.filters');
    const e = errorOf({ ...vae, architecture: 'fcnn', model: {}, runs: [{ optimizer: { name: 'sgd' }, model: { latentDim: 4 } }] });
    expect(e.where).toBe('runs[0].model.latentDim');
    expect(e.message).toMatch(/expected architecture 'vae' for this option .*found "latentDim" with architecture "fcnn"/);
  });

  it('need an image set, pixels scaled to [0, 1], and no options the VAE does not have', () => {
    expect(errorOf({ ...vae, dataset: { name: 'spiral' } }).message).toMatch(/^architecture: expected an image dataset \(fashion-mnist or cifar-10\) for the vae, found "spiral"$/);
    expect(errorOf({ ...vae, training: { epochs: 1, batchSize: 200, scaling: 'none' } }).where).toBe('training.scaling');
    expect(errorOf({ ...vae, runs: [{ optimizer: { name: 'adam' }, scaling: 'standardize' }] }).where).toBe('runs[0].scaling');
    expect(errorOf({ ...vae, model: { dropout: 0.2 } }).message).toMatch(/^model\.dropout: expected no "dropout" for the vae/);
    expect(errorOf({ ...vae, runs: [{ optimizer: { name: 'adam' }, model: { batchNorm: true } }] }).where).toBe('runs[0].model.batchNorm');
    expect(() => parseExperiment({ ...vae, model: { dropout: 0, batchNorm: false } })).not.toThrow();
  });

  it('refuse early stopping on an accuracy the VAE does not have', () => {
    const e = errorOf({ ...vae, training: { epochs: 1, batchSize: 200, earlyStopping: { monitor: 'val_accuracy', patience: 2 } } });
    expect(e.where).toBe('training.earlyStopping.monitor');
  });
});

describe('VAE presets', () => {
  it('E1 VAE1 and VAE2: the seven stock optimizers, 50 epochs of batch 200, the reference sizes', () => {
    const one = parseExperiment(presets['e1-vae1']!.config).spec;
    const two = parseExperiment(presets['e1-vae2']!.config).spec;
    expect(one.runs.map((r) => r.optimizer.name)).toEqual(['sgd', 'rmsprop', 'adagrad', 'adadelta', 'adam', 'adamax', 'nadam']);
    expect([one.architecture, one.epochs, one.batchSize, one.scaling]).toEqual(['vae', 50, 200, 'minmax']);
    expect(one.model).toEqual({ filters: [16, 32], kernelSize: 3, latentDim: 5 });
    expect(two.model).toEqual({ filters: [32, 64], kernelSize: 5, latentDim: 10 });
  });

  it('VAE1 vs VAE2 holds both models, seven optimizers each, in one comparison', () => {
    const { runs } = parseExperiment(presets['e1-vae1-vs-vae2']!.config).spec;
    expect(runs).toHaveLength(14);
    expect(runs.filter((r) => r.model?.latentDim === 5).map((r) => r.label)).toEqual(['VAE1 sgd', 'VAE1 rmsprop', 'VAE1 adagrad', 'VAE1 adadelta', 'VAE1 adam', 'VAE1 adamax', 'VAE1 nadam']);
    expect(runs.filter((r) => r.model?.latentDim === 10 && r.model.kernelSize === 5)).toHaveLength(7);
  });
});
