/**
 * A small sweep in the browser: built from a link, started, its two lock-step groups
 * trained one after the other, then the valley chart (and its log y axis), the heatmap
 * with its best cell and its whole colour key, and the ranked trials on screen, each
 * column once, and one click from a trial to its full charts.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { SweepConfigInput } from '../../src/engine/sweeps/sweep-config';
import { TRAINING_TIMEOUT_MS, openSweepLab, useLabBrowser, waitForChartsToCatchUp } from './lab';

const newLab = useLabBrowser();

/** The y axis's tick labels as numbers, bottom to top. */
async function yTicks(chart: Locator): Promise<number[]> {
  const labels = await chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
  return labels.map(Number).sort((a, b) => a - b);
}

/** Whether a number is 1, 2 or 5 times a power of ten. */
const oneTwoFive = (value: number) => [1, 2, 5].some((step) => Math.abs(Math.log10(value / step) - Math.round(Math.log10(value / step))) < 1e-9);

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
  it('trains its groups in turn and shows the valley chart (log y on request), the heatmap with its best cell and whole colour key, and the ranked trials, each column once', async () => {
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
    // Linear first: evenly spaced ticks. Log: 1-2-5 ticks, each at least twice the one below.
    const linear = await yTicks(valley);
    expect(linear.length).toBeGreaterThanOrEqual(3);
    expect(linear[2]! - linear[1]!).toBeCloseTo(linear[1]! - linear[0]!, 6);
    await valley.getByRole('checkbox', { name: 'Log scale (final loss)' }).check();
    await expect.poll(() => yTicks(valley)).not.toEqual(linear);
    const log = await yTicks(valley);
    expect(log.length).toBeGreaterThanOrEqual(2);
    expect(log.every(oneTwoFive), `log ticks ${log.join(', ')}`).toBe(true);
    expect(log.slice(1).every((tick, i) => tick / log[i]! >= 2 - 1e-9)).toBe(true);

    const heatmap = page.getByRole('img', { name: /^Heatmap: final loss: best: (SGD|Adam), lr [\d.]+, final loss [\d.e-]+$/ });
    expect(await heatmap.locator('title').count()).toBe(4);
    expect(await heatmap.locator('[data-best]').count()).toBe(1);
    expect(await heatmap.locator('[data-best] > text').textContent()).toMatch(/^★ \d/);
    // The colour key is whole: inside the drawing, its card and the 1280×720 window.
    const key = heatmap.locator('.heatmap-legend');
    await key.scrollIntoViewIfNeeded();
    const [keyBox, drawing, card] = await Promise.all([key.boundingBox(), heatmap.boundingBox(), page.getByRole('figure', { name: 'Heatmap: final loss' }).boundingBox()]);
    expect(page.viewportSize()).toEqual({ width: 1280, height: 720 });
    for (const outer of [drawing!, card!, { x: 0, y: 0, width: 1280, height: 720 }]) {
      expect(keyBox!.x).toBeGreaterThanOrEqual(outer.x);
      expect(keyBox!.y).toBeGreaterThanOrEqual(outer.y);
      expect(keyBox!.x + keyBox!.width).toBeLessThanOrEqual(outer.x + outer.width);
      expect(keyBox!.y + keyBox!.height).toBeLessThanOrEqual(outer.y + outer.height);
    }

    const trials = page.getByRole('region', { name: 'Trials' });
    const headers = (await trials.getByRole('columnheader').allTextContents()).map((h) => h.trim().toLowerCase());
    expect(headers.filter((h) => h === 'final loss')).toHaveLength(1);
    expect(new Set(headers).size).toBe(headers.length);
    const rows = trials.getByRole('row');
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
