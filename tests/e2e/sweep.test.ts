/**
 * A small sweep in the browser: built from a link, started, its two lock-step groups
 * trained one after the other, then the valley chart, the heatmap with its best cell
 * and the ranked trials on screen, and one click from a trial to its full charts.
 */
import { describe, expect, it } from 'vitest';
import type { SweepConfigInput } from '../../src/engine/sweeps/sweep-config';
import { TRAINING_TIMEOUT_MS, openSweepLab, useLabBrowser, waitForChartsToCatchUp } from './lab';

const newLab = useLabBrowser();

const SWEEP: SweepConfigInput = {
  name: 'e2e sweep',
  base: {
    name: 'base',
    dataset: { name: 'prod', count: 200 },
    architecture: 'dense',
    model: { hiddenUnits: [8] },
    training: { epochs: 2, batchSize: 20, scaling: 'none', seed: 1, lossReadEvery: 5 },
    runs: [{ optimizer: { name: 'sgd' } }],
  },
  grid: [
    { param: 'optimizer', values: { kind: 'list', values: ['sgd', 'adam'] } },
    { param: 'learning_rate', values: { kind: 'log', from: 0.001, to: 0.1, count: 2 } },
  ],
  groupSize: 2,
};

describe('a sweep', () => {
  it('trains its groups in turn and shows the valley chart, the heatmap with the best cell, and the ranked trials', async () => {
    const lab = await newLab();
    const { page, errors } = lab;
    await openSweepLab(lab, SWEEP);
    await expect(page.getByRole('status', { name: 'Sweep size' }).textContent()).resolves.toMatch(/^4 runs in 2 lock-step groups of at most 2\./);
    // To the race and back: the sweep's link comes back with the Sweep view.
    const views = page.getByRole('navigation', { name: 'Views' });
    const sweepHash = new URL(page.url()).hash;
    expect(sweepHash).toMatch(/^#sweep=/);
    await views.getByRole('link', { name: 'Optimizer race' }).click();
    await page.getByRole('status', { name: 'Race status' }).waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#race/);
    await views.getByRole('link', { name: 'Sweep settings' }).click();
    await page.getByRole('status', { name: 'Sweep size' }).waitFor();
    expect(await views.getByRole('link', { name: 'Sweep settings' }).getAttribute('aria-current')).toBe('page');
    await expect.poll(() => new URL(page.url()).hash).toBe(sweepHash);
    await page.getByRole('button', { name: 'Start sweep' }).click();

    const header = page.getByRole('region', { name: 'e2e sweep', exact: true });
    await header.getByRole('status').filter({ hasText: /^Finished · 4 of 4 trials done/ }).waitFor({ timeout: TRAINING_TIMEOUT_MS });
    await waitForChartsToCatchUp(page);

    const valley = page.getByRole('figure', { name: 'Valley: final loss by learning rate' });
    expect(await valley.locator('.recharts-line').count()).toBe(2);
    expect(await valley.locator('.recharts-line-dot, .recharts-dot').count()).toBeGreaterThanOrEqual(4);
    expect(await valley.getByText('SGD', { exact: true }).count()).toBe(1);

    const heatmap = page.getByRole('img', { name: /^Heatmap: final loss: best: (SGD|Adam), lr [\d.]+, final loss [\d.e-]+$/ });
    expect(await heatmap.locator('title').count()).toBe(4);
    expect(await heatmap.locator('[data-best]').count()).toBe(1);
    expect(await heatmap.locator('[data-best] > text').textContent()).toMatch(/^★ \d/);

    const rows = page.getByRole('region', { name: 'Trials' }).getByRole('row');
    expect(await rows.count()).toBe(5);
    expect(await rows.nth(1).textContent()).toContain('★ best');

    // One click from a trial to its full charts: its group's comparison on the Compare tab.
    const best = (await rows.nth(1).getByRole('rowheader').textContent())!.replace('★ best', '');
    await rows.nth(1).getByRole('button', { name: `Open the charts of ${best}` }).click();
    await expect.poll(() => views.getByRole('link', { name: 'Compare optimizers' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('region', { name: /^e2e sweep · group [12] of 2$/ }).waitFor();
    expect(errors).toEqual([]);
  });
});
