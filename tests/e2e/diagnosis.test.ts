/**
 * The diagnosis in a real browser, on Fashion-MNIST served through the lab's same-origin
 * dataset route. A tiny E2-style comparison, one run fed raw pixels and one scaled: the
 * lab names the unscaled inputs of the first run while it trains, and "Try this" puts
 * the setup with scaling on into the form. E1's network with its stock SGD, Adagrad,
 * Adadelta and Adam on a 1,000-image subset: after its one epoch (10 steps) the three
 * that crawl share one notice that names them, and its "Try this" raises the learning
 * rate of each of them in the setup it loads, and leaves Adam's alone.
 */
import { describe, expect, it } from 'vitest';
import type { ExperimentConfigInput } from '../../src/engine/experiment/config';
import { comparisonStatus, openLab, recordOnScreen, recorded, startComparison, useLabBrowser, waitUntilFinished } from './lab';

const newLab = useLabBrowser();

const E2_TINY: ExperimentConfigInput = {
  name: 'e2-tiny',
  dataset: { name: 'fashion-mnist', subset: 256, validation: 'test', testSubset: 128 },
  architecture: 'mlp',
  model: { hiddenUnits: [32], l2: 0.01 },
  training: { epochs: 2, batchSize: 32, seed: 1, lossReadEvery: 2 },
  runs: [
    { id: 'unscaled', label: 'Not scaled', optimizer: { name: 'adam' }, scaling: 'none' },
    { id: 'scaled', label: 'Scaled', optimizer: { name: 'adam' }, scaling: 'minmax' },
  ],
};

const E1_SUBSET: ExperimentConfigInput = {
  name: 'e1-subset',
  dataset: { name: 'fashion-mnist', subset: 1000, validation: 'test', testSubset: 200 },
  architecture: 'fcnn',
  training: { epochs: 1, batchSize: 100, scaling: 'minmax', seed: 1 },
  runs: [
    { id: 'sgd', label: 'SGD', optimizer: { name: 'sgd' } },
    { id: 'adagrad', label: 'Adagrad', optimizer: { name: 'adagrad' } },
    { id: 'adadelta', label: 'Adadelta', optimizer: { name: 'adadelta' } },
    { id: 'adam', label: 'Adam', optimizer: { name: 'adam' } },
  ],
};

describe('the diagnosis', () => {
  it('names the unscaled inputs of the unscaled run while it trains, not of the scaled one, and “Try this” loads the fix', async () => {
    const lab = await newLab();
    const { page, errors } = lab;
    // What the status said whenever the notice was on screen.
    await recordOnScreen(page, 'statusWithNotice', () =>
      document.querySelector('article[aria-label="The inputs are not scaled"]') ? (document.querySelector('.status')?.textContent ?? '') : undefined,
    );
    await openLab(lab, E2_TINY);
    await startComparison(page);
    await waitUntilFinished(page, 'e2-tiny');

    const notice = page.getByRole('article', { name: 'The inputs are not scaled' });
    expect(await notice.textContent()).toMatch(/values from 0 to 255 \(mean [\d.]+, std [\d.]+\)/);
    expect(await notice.textContent()).toContain('Run: Not scaled');
    expect(await notice.textContent()).not.toContain('2 runs');
    expect((await recorded<string>(page, 'statusWithNotice')).some((status) => status.startsWith('Training'))).toBe(true);

    await notice.getByRole('button', { name: 'Try this: Scale the inputs to [0, 1]' }).click();
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('e2-tiny: scale the inputs to [0, 1]');
    const fixed = page.getByRole('group', { name: 'Run 1: Not scaled (fixed)' });
    await expect(fixed.getByLabel('Input scaling').inputValue()).resolves.toBe('minmax');
    await expect(comparisonStatus(page, 'e2-tiny').textContent()).resolves.toMatch(/^Finished/);
    expect(errors).toEqual([]);
  });

  it('E1 on a subset: one notice names the three runs that crawl, and “Try this” raises each one’s learning rate', { timeout: 600_000 }, async () => {
    const lab = await newLab();
    const { page, errors } = lab;
    await openLab(lab, E1_SUBSET);
    await startComparison(page);
    // E1's network (1.07M weights) takes minutes on SwiftShader on a shared 2-core machine.
    await comparisonStatus(page, 'e1-subset').filter({ hasText: /^Finished/ }).waitFor({ timeout: 540_000 });

    const notice = page.getByRole('article', { name: 'Too slow: the learning rate is too small for this optimizer' });
    expect(await notice.textContent()).toContain('3 runs: SGD, Adagrad, Adadelta');
    const seen = await notice.getByRole('listitem').allTextContents();
    expect(seen.map((line) => line.split(':')[0])).toEqual(['SGD', 'Adagrad', 'Adadelta']);
    expect(seen[0]).toMatch(/^SGD: At learning rate 0\.01, in 10 steps the loss went from [\d.]+ to [\d.]+ \(down [\d.]+%\)/);
    // No notice of any kind tells a run to lower its rate.
    expect(await page.getByRole('button', { name: /Try this: Lower the learning rate/ }).count()).toBe(0);

    await notice.getByRole('button', { name: 'Try this: Raise the learning rate: SGD to 0.1, Adagrad to 0.01, Adadelta to 1' }).click();
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('e1-subset: raise the learning rate');
    const rateOf = (group: string) => page.getByRole('group', { name: group }).getByLabel('learning_rate', { exact: true }).inputValue();
    const rates = { sgd: await rateOf('Run 1: SGD (fixed)'), adagrad: await rateOf('Run 2: Adagrad (fixed)'), adadelta: await rateOf('Run 3: Adadelta (fixed)'), adam: await rateOf('Run 4: Adam') };
    expect(rates).toEqual({ sgd: '0.1', adagrad: '0.01', adadelta: '1', adam: '0.001' });
    expect(errors).toEqual([]);
  });
});
