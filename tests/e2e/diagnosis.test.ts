/**
 * The diagnosis in a real browser: a tiny E2-style comparison on Fashion-MNIST (served
 * through the lab's same-origin dataset route), one run fed raw pixels and one scaled.
 * The lab names the unscaled inputs for the first run while it trains, and not for the
 * second; "Try this" puts the setup with scaling on into the form.
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

    const unscaled = page.getByRole('region', { name: 'Diagnosis of Not scaled' });
    const notice = unscaled.getByRole('article', { name: 'The inputs are not scaled' });
    expect(await notice.textContent()).toMatch(/values from 0 to 255 \(mean [\d.]+, std [\d.]+\)/);
    expect(await page.getByRole('region', { name: 'Diagnosis of Scaled' }).getByRole('article', { name: 'The inputs are not scaled' }).count()).toBe(0);
    expect((await recorded<string>(page, 'statusWithNotice')).some((status) => status.startsWith('Training'))).toBe(true);

    await notice.getByRole('button', { name: 'Try this: Scale the inputs to [0, 1]' }).click();
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('e2-tiny: scale the inputs to [0, 1]');
    const fixed = page.getByRole('group', { name: 'Run 1: Not scaled (fixed)' });
    await expect(fixed.getByLabel('Input scaling').inputValue()).resolves.toBe('minmax');
    await expect(comparisonStatus(page, 'e2-tiny').textContent()).resolves.toMatch(/^Finished/);
    expect(errors).toEqual([]);
  });
});
