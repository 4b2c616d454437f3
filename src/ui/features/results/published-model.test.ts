import { describe, expect, it } from 'vitest';
import { presets } from '../../../engine/experiment/presets';
import type { ExperimentConfigInput } from '../../../engine/experiment/config';
import { runView } from '../../dev/fixtures';
import { differenceText, publishedFor, setupComparison } from './published-model';
import { resultRow } from './results-model';

const config = (key: string) => presets[key]!.config;

describe('publishedFor', () => {
  it('gives every run of an E1 classifier preset its published test accuracy, and marks the published best', () => {
    const published = publishedFor(config('e1-fcnn'))!;
    expect(published.setup).toMatchObject({ experiment: 'E1', epochs: 50, trainImages: 60_000 });
    expect(published.byRun.size).toBe(7);
    expect(published.byRun.get('sgd')).toEqual({ value: 0.8464, metric: 'accuracy', best: false, model: 'FCNN', differs: undefined });
    expect([...published.byRun].filter(([, f]) => f.best).map(([id]) => id)).toEqual(['adamax']);
    expect(publishedFor(config('e1-bcnn'))!.byRun.get('adam')).toMatchObject({ value: 0.9186, best: true });
  });

  it('tells VAE1 from VAE2 by their shape, run by run, with losses', () => {
    expect(publishedFor(config('e1-vae2'))!.byRun.get('sgd')).toMatchObject({ value: 97.39, metric: 'loss', model: 'VAE2' });
    const both = publishedFor(config('e1-vae1-vs-vae2'))!;
    expect(both.models).toEqual(['VAE1', 'VAE2']);
    expect(both.byRun.get('vae1-nadam')).toMatchObject({ value: 23.45, best: true, model: 'VAE1' });
    expect(both.byRun.get('vae2-nadam')).toMatchObject({ value: 67.98, best: false, model: 'VAE2' });
  });

  it('gives E2’s unscaled dropout runs the published chance accuracy, and the others nothing', () => {
    const dropout = publishedFor(config('e2-dropout-unscaled'))!;
    expect(dropout.setup).toMatchObject({ experiment: 'E2', dataset: 'cifar-10', epochs: 200 });
    expect([...dropout.byRun.values()].map((f) => f.value)).toEqual([0.1, 0.1, 0.1, 0.1, 0.1]);
    expect(dropout.byRun.get('adam')?.says).toBe('accuracy stays at 0.10 (chance)');
    expect([...publishedFor(config('e2-reproduced'))!.byRun.keys()]).toEqual(['dropout-unscaled']);
    expect(publishedFor(config('e2-dropout-scaled'))).toBeUndefined();
    expect(publishedFor(config('e2-l2-unscaled'))).toBeUndefined();
  });

  it('matches on the setup, not the name: an edited E1 keeps its figures, another dataset or model has none', () => {
    const edited: ExperimentConfigInput = { ...config('e1-scnn'), name: 'my run', runs: [{ id: 'mine', optimizer: { name: 'adam', hyperparameters: { learning_rate: 0.01 } } }] };
    expect(publishedFor(edited)!.byRun.get('mine')).toMatchObject({ value: 0.9157, differs: 'your optimizer settings are not the stock ones' });
    expect(publishedFor({ ...config('e1-scnn'), dataset: { name: 'cifar-10' } })).toBeUndefined();
    expect(publishedFor({ ...config('e1-vae1'), model: { latentDim: 3 } })).toBeUndefined();
    expect(publishedFor(config('e5-part-one'))).toBeUndefined();
    expect(publishedFor({ ...config('e1-fcnn'), runs: [{ optimizer: { name: 'ftrl' } }] })).toBeUndefined();
  });
});

describe('setupComparison', () => {
  it('says how far the run is from the published setup', () => {
    const trimmed: ExperimentConfigInput = {
      ...config('e1-fcnn'),
      dataset: { name: 'fashion-mnist', validation: 'test', subset: 2000, testSubset: 500 },
      training: { epochs: 3, batchSize: 100 },
    };
    const rows = [resultRow(runView('sgd', { epochs: 2 }), 0)];
    expect(setupComparison(publishedFor(trimmed)!, trimmed, rows)).toEqual({
      published: 'Published (E1, FCNN): 50 epochs on 60,000 images, batch 200, tested on 10,000.',
      yours: 'Yours: 2 of 3 epochs on 2,000 images, batch 100, tested on 500.',
    });
    const split: ExperimentConfigInput = { ...trimmed, dataset: { name: 'fashion-mnist', validation: 0.25, subset: 2000 } };
    expect(setupComparison(publishedFor(split)!, split, [resultRow(runView('sgd', { epochs: 3 }), 0)]).yours).toBe(
      'Yours: 3 epochs on 1,500 images, batch 100, tested on 10,000.',
    );
  });
});

describe('differenceText', () => {
  const figure = publishedFor(config('e1-fcnn'))!.byRun.get('sgd')!;
  it('gives yours minus published in percentage points, once the run has a test accuracy', () => {
    expect(differenceText(figure, resultRow(runView('sgd', { result: { test: { loss: 1, accuracy: 0.8 } } }), 0))).toBe('−4.64 pts');
    expect(differenceText(figure, resultRow(runView('sgd', { result: { test: { loss: 1, accuracy: 0.9 } } }), 0))).toBe('+5.36 pts');
    expect(differenceText(figure, resultRow(runView('sgd', { epochs: 1 }), 0))).toBeUndefined();
  });

  it('for a VAE, in the loss’s units', () => {
    const vae = publishedFor(config('e1-vae1'))!.byRun.get('adam')!;
    expect(differenceText(vae, resultRow(runView('adam', { result: { test: { loss: 30.15 } } }), 0))).toBe('+6.00');
  });
});
