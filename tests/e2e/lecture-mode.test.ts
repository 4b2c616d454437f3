/**
 * Lecture mode for a comparison, as an instructor uses it: press L on a finished
 * comparison, and the header, the setup and the history are gone; loss, accuracy and the
 * results fit the projector's screen, in large type, thick lines, named at their ends.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openLab, resultsTable, startComparison, tinySpiral, useLabBrowser, waitUntilFinished } from './lab';

const newLab = useLabBrowser();
const RUNS = ['SGD', 'RMSprop', 'Adam', 'Adagrad', 'Adamax', 'Nadam', 'Adadelta'];
const config = tinySpiral('lecture', {
  runs: RUNS.map((label) => ({ id: label.toLowerCase(), label, optimizer: { name: label.toLowerCase() } })),
  training: { epochs: 3, batchSize: 32, scaling: 'none', seed: 1, lossReadEvery: 4 },
});

async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height + 0.5 && box.x + box.width <= size.width + 0.5;
}

const chart = (page: Page, name: string) => page.getByRole('figure', { name, exact: true });

/** Computed font sizes (px) of a chart's axis titles and its tick labels. */
function fontSizes(figure: Locator, selector: string): Promise<number[]> {
  return figure.locator(selector).evaluateAll((nodes) => nodes.map((node) => Number.parseFloat(getComputedStyle(node).fontSize)));
}

async function endLabels(figure: Locator): Promise<{ text: string; top: number; bottom: number }[]> {
  return figure.locator('[data-end-label] text').evaluateAll((nodes) =>
    nodes.map((node) => {
      const box = node.getBoundingClientRect();
      return { text: node.textContent ?? '', top: box.top, bottom: box.bottom };
    }),
  );
}

describe('lecture mode', () => {
  it('hides header, setup and history, and fits loss, accuracy and results on 1280x720 and 1920x1080 in large type, lines named at their ends', async () => {
    const lab = await newLab();
    const { page, errors } = lab;
    await page.setViewportSize({ width: 1280, height: 720 });
    await openLab(lab, config);
    await startComparison(page);
    await waitUntilFinished(page, 'lecture');
    await expect(page.getByRole('banner').isVisible()).resolves.toBe(true);

    await page.keyboard.press('Escape'); // nothing to leave yet: stays out
    await page.locator('body').press('l');
    await page.getByRole('button', { name: /Exit lecture mode/ }).waitFor();
    await expect(page.getByRole('banner').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Start comparison' }).first().isVisible()).resolves.toBe(false);
    await expect(page.getByRole('region', { name: 'History' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('group', { name: 'Runs shown in the charts' }).isVisible()).resolves.toBe(false);

    for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(size);
      await page.evaluate(() => window.scrollTo(0, 0));
      for (const name of ['Loss per epoch', 'Accuracy per epoch']) {
        const figure = chart(page, name);
        await expect.poll(() => inViewport(page, figure), { message: `${name} in view at ${size.width}x${size.height}` }).toBe(true);
        expect(Math.min(...(await fontSizes(figure, '.recharts-label')))).toBeGreaterThanOrEqual(24);
        expect(Math.min(...(await fontSizes(figure, '.recharts-cartesian-axis-tick-value')))).toBeGreaterThanOrEqual(20);
        const widths = await figure.locator('.recharts-line-curve').evaluateAll((paths) => paths.map((path) => Number(path.getAttribute('stroke-width'))));
        expect(Math.max(...widths)).toBeGreaterThanOrEqual(4);
        // Every run named once at its line's end, and no two names overlap.
        const labels = await endLabels(figure);
        expect(labels.map((label) => label.text).sort()).toEqual([...RUNS].sort());
        const byTop = [...labels].sort((a, b) => a.top - b.top);
        for (let i = 1; i < byTop.length; i++) expect(byTop[i]!.top).toBeGreaterThanOrEqual(byTop[i - 1]!.bottom - 1);
      }
      await expect.poll(() => inViewport(page, resultsTable(page)), { message: `results in view at ${size.width}x${size.height}` }).toBe(true);
    }

    // Kept across a reload: with no comparison on screen there is nothing to project, so the header is back;
    // opening the comparison from the history brings lecture mode back. Escape leaves it.
    await page.reload();
    await page.getByRole('banner').waitFor();
    await page.getByRole('button', { name: 'Open lecture' }).click();
    await page.getByRole('button', { name: /Exit lecture mode/ }).waitFor();
    await expect(page.getByRole('banner').isVisible()).resolves.toBe(false);
    await page.locator('body').press('Escape');
    await page.getByRole('banner').waitFor();
    await expect(page.getByRole('button', { name: /^Lecture mode/ }).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });
});
