/**
 * VAE1 in a real browser, briefly (SwiftShader on two cores): two optimizers on a tiny
 * Fashion-MNIST subset, the loss chart's total / reconstruction / KL switch, and the
 * galleries drawn on canvas for either run, downloadable as PNG, and kept across a reload.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ExperimentConfigInput } from '../../src/engine/experiment/config';
import { backendBadge, comparisonPanel, epochChartDots, openLab, resultRow, resultsTable, startComparison, useLabBrowser, waitForChartsToCatchUp, waitUntilFinished } from './lab';

const NAME = 'vae1 in the browser';
const config: ExperimentConfigInput = {
  name: NAME,
  dataset: { name: 'fashion-mnist', subset: 32, validation: 'test', testSubset: 16 },
  architecture: 'vae',
  model: { filters: [16, 32], kernelSize: 3, latentDim: 5 },
  training: { epochs: 1, batchSize: 8, scaling: 'minmax', seed: 1, lossReadEvery: 2, evalBatchSize: 8 },
  runs: [
    { id: 'adam', label: 'Adam', optimizer: { name: 'adam' } },
    { id: 'rmsprop', label: 'RMSprop', optimizer: { name: 'rmsprop' } },
  ],
};

const newLab = useLabBrowser();

/** A drawn canvas's pixels: how many are not white, and how many grey levels it has. */
function inked(canvas: Locator): Promise<{ width: number; height: number; share: number; levels: number }> {
  return canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    const levels = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== 255 || data[i + 1] !== 255 || data[i + 2] !== 255) ink++;
      levels.add(data[i]!);
    }
    return { width: c.width, height: c.height, share: ink / (data.length / 4), levels: levels.size };
  });
}

const gallery = (page: Page) => page.getByRole('region', { name: 'Generated images' });

describe('VAE1 in the browser', () => {
  it('trains briefly and shows each run’s reconstructions, latent walk and samples, a loss-part switch, PNGs, and keeps the images across a reload', async () => {
    const lab = await newLab();
    const { page, errors } = lab;
    await openLab(lab, config);
    await startComparison(page);
    await waitUntilFinished(page, NAME);

    // Results: losses, no accuracy columns, the best run marked.
    const headers = await resultsTable(page).getByRole('columnheader').allTextContents();
    expect(headers).toContain('Best loss');
    expect(headers.join(' ')).not.toMatch(/accuracy/i);
    expect(await resultsTable(page).getByText('★ best').count()).toBe(1);
    expect(await resultRow(page, 'Adam').textContent()).toMatch(/finished/);

    // The loss chart: total by default, and its two parts on demand.
    const lossChart = page.getByRole('figure', { name: 'Loss per epoch', exact: true });
    expect(await epochChartDots(page).count()).toBe(2 * 2);
    for (const [part, axis] of [['KL', 'KL per image'], ['Reconstruction', 'reconstruction error per image'], ['Total', 'loss']] as const) {
      await page.getByRole('radio', { name: part, exact: true }).check();
      await lossChart.locator('.recharts-label', { hasText: new RegExp(`^${axis}$`) }).waitFor();
      await waitForChartsToCatchUp(page);
      expect(await epochChartDots(page).count()).toBe(4);
    }

    // The galleries of the best run first, then of the other one.
    const region = gallery(page);
    const picker = region.getByLabel('Run');
    const first = await picker.inputValue();
    for (const runId of [first, first === 'adam' ? 'rmsprop' : 'adam']) {
      await picker.selectOption(runId);
      const label = runId === 'adam' ? 'Adam' : 'RMSprop';
      const reconstructions = region.getByRole('img', { name: new RegExp(`^Reconstructions by ${label} after epoch 1 \\(step 4\\): 10 test images`) });
      const walk = region.getByRole('img', { name: new RegExp(`^Latent walk of ${label} after epoch 1 \\(step 4\\): 5 latent dimensions, each swept from -3 to 3`) });
      const samples = region.getByRole('img', { name: new RegExp(`^Random samples of ${label} after epoch 1 \\(step 4\\): 11 images`) });
      // 28x28 images, 2 px apart: 10 x 2, 11 x 5 and 11 x 1 of them.
      expect(await inked(reconstructions)).toMatchObject({ width: 10 * 30 - 2, height: 2 * 30 - 2 });
      expect(await inked(walk)).toMatchObject({ width: 11 * 30 - 2, height: 5 * 30 - 2 });
      expect(await inked(samples)).toMatchObject({ width: 11 * 30 - 2, height: 28 });
      for (const canvas of [reconstructions, walk, samples]) {
        const { share, levels } = await inked(canvas);
        expect(share).toBeGreaterThan(0.3);
        expect(levels).toBeGreaterThan(10);
      }
    }

    const [download] = await Promise.all([page.waitForEvent('download'), region.getByRole('button', { name: 'Download Latent walk as PNG' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^vae1-in-the-browser-(adam|rmsprop)-latent-walk-epoch-1\.png$/);
    const png = await readFile((await download.path())!);
    expect([...png.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(4 * (11 * 30 - 2)); // IHDR width: each pixel a 4x4 block

    // Saved with the comparison: a reload and an open show the same images.
    const shown = await picker.inputValue();
    const before = await inked(gallery(page).getByRole('img', { name: /^Random samples of / }));
    await page.reload();
    await backendBadge(page).getByTestId('backend-name').waitFor();
    await page.getByRole('button', { name: `Open ${NAME}`, exact: true }).click();
    await comparisonPanel(page, NAME).waitFor();
    await waitForChartsToCatchUp(page);
    await gallery(page).getByLabel('Run').selectOption(shown);
    expect(await inked(gallery(page).getByRole('img', { name: /^Random samples of / }))).toEqual(before);
    expect(errors).toEqual([]);
  });
});
