/**
 * "Inside the optimizer" after an SGD run: its effective step is its learning rate at
 * every parameter, so the charts must draw exactly lr (0.01), at every percentile and
 * as the all-runs median. Read where a person reads it: the charts' tooltips.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { openLab, startComparison, tinySpiral, useLabBrowser, waitForChartsToCatchUp, waitUntilFinished } from './lab';

const newLab = useLabBrowser();

/** Hovers the middle of a chart's plot and returns its tooltip's text once it shows one. */
async function tooltipText(chart: Locator): Promise<string> {
  await chart.locator('.recharts-surface').hover();
  const tooltip = chart.locator('.recharts-tooltip-wrapper');
  await expect.poll(async () => (await tooltip.innerText()).trim(), { timeout: 10_000 }).not.toBe('');
  return tooltip.innerText();
}

describe('the effective step size', () => {
  it('draws SGD’s constant step as exactly its learning rate, 0.01', async () => {
    const lab = await newLab();
    const { page, errors } = lab;
    // 6 epochs of 8 steps: probes at steps 1, 20 and 40.
    await openLab(
      lab,
      tinySpiral('insight-sgd', {
        training: { epochs: 6, batchSize: 32, scaling: 'none', seed: 1, lossReadEvery: 4 },
        runs: [
          { id: 'sgd', label: 'SGD', optimizer: { name: 'sgd', hyperparameters: { learning_rate: 0.01 } } },
          { id: 'adam', label: 'Adam', optimizer: { name: 'adam' } },
        ],
      }),
    );
    await startComparison(page);
    await waitUntilFinished(page, 'insight-sgd');

    const insight = page.getByRole('region', { name: 'Inside the optimizer' });
    await insight.getByText('Per-layer norms, moments and step sizes, measured every few steps').click();
    await insight.getByLabel('Run', { exact: true }).selectOption({ label: 'SGD' });
    const steps = insight.getByRole('figure', { name: 'Effective step size of SGD' });
    const medians = insight.getByRole('figure', { name: 'Median effective step, all runs' });
    await medians.waitFor();
    await waitForChartsToCatchUp(page);

    const spread = await tooltipText(steps);
    for (const line of ['10th percentile', 'median', '90th percentile']) {
      expect(spread).toMatch(new RegExp(`${line} \\(step size\\)\\s*:\\s*0\\.01(?![\\d.])`));
    }
    expect(await tooltipText(medians)).toMatch(/SGD \(median step\)\s*:\s*0\.01(?![\d.])/);
    expect(errors).toEqual([]);
  });
});
