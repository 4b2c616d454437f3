/**
 * Run first, as a person sees it: after Start the setup is one line ("Edit setup" opens
 * it again), the loss chart is in view at 1280x720 without scrolling, and loss, accuracy
 * and the results at 1920x1080; axis titles are readable (contrast from the colours on
 * screen); chart settings and hidden runs do not carry over to the next comparison.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openLab, resultsTable, startComparison, tinySpiral, useLabBrowser, waitUntilFinished } from './lab';
import { inViewport } from './layout-viewport';

const newLab = useLabBrowser();
const RUNS = ['SGD', 'RMSprop', 'Adam', 'Adagrad', 'Adamax', 'Nadam', 'Adadelta'];
const seven = (name: string, epochs: number) =>
  tinySpiral(name, {
    training: { epochs, batchSize: 32, scaling: 'none', seed: 1, lossReadEvery: 4 },
    runs: RUNS.map((label) => ({ id: label.toLowerCase(), label, optimizer: { name: label.toLowerCase() } })),
  });


const chart = (page: Page, name: string) => page.getByRole('figure', { name, exact: true });

/** WCAG contrast of each axis title's computed fill against white (the chart card's background). */
function axisTitleContrasts(figure: Locator): Promise<number[]> {
  return figure.locator('.recharts-label').evaluateAll((nodes) => {
    const luminance = (css: string) => {
      const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => Number(v) / 255);
      const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const background = (node: Element) => {
      for (let at: Element | null = node; at; at = at.parentElement) {
        const colour = getComputedStyle(at).backgroundColor;
        if (colour && !/rgba\(0, 0, 0, 0\)|transparent/.test(colour)) return colour;
      }
      return 'rgb(255, 255, 255)';
    };
    return nodes.map((node) => {
      const [a, b] = [luminance(getComputedStyle(node).fill), luminance(background(node))];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    });
  });
}

describe('the run-first layout', () => {
  it('folds the setup after Start, keeps loss in view at 1280x720 and loss, accuracy and results at 1920x1080', async () => {
    const lab = await newLab();
    const { page, errors } = lab;
    await page.setViewportSize({ width: 1280, height: 720 });
    await openLab(lab, seven('run first', 2));
    await startComparison(page);

    const summary = page.getByRole('group', { name: 'Setup' });
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/run first · Spiral.* · 7 optimizers · 2 epochs/);
    const summaryBox = (await summary.boundingBox())!;
    expect(summaryBox.height).toBeLessThan(60);
    expect(await page.getByRole('region', { name: 'Set up a comparison' }).count()).toBe(0);
    await expect.poll(() => inViewport(page, chart(page, 'Loss per epoch')), { message: 'loss chart in view at 1280x720' }).toBe(true);
    expect(Math.min(...(await axisTitleContrasts(chart(page, 'Loss per epoch'))))).toBeGreaterThanOrEqual(4.5);

    await page.setViewportSize({ width: 1920, height: 1080 });
    await chart(page, 'Accuracy per epoch').waitFor({ timeout: 120_000 });
    for (const [what, locator] of [
      ['loss', chart(page, 'Loss per epoch')],
      ['accuracy', chart(page, 'Accuracy per epoch')],
      ['results', resultsTable(page)],
    ] as const) {
      await expect.poll(() => inViewport(page, locator), { message: `${what} in view at 1920x1080` }).toBe(true);
    }

    // Edit setup opens it again, by mouse and by keyboard.
    const edit = page.getByRole('button', { name: 'Edit setup' });
    await edit.click();
    await page.getByRole('region', { name: 'Set up a comparison' }).waitFor();
    await page.getByRole('button', { name: 'Fold setup' }).press('Enter');
    await page.getByRole('region', { name: 'Set up a comparison' }).waitFor({ state: 'detached' });
    await edit.press('Enter');
    await page.getByRole('region', { name: 'Set up a comparison' }).waitFor();
    expect(await page.getByRole('button', { name: 'Fold setup' }).getAttribute('aria-expanded')).toBe('true');
    await waitUntilFinished(page, 'run first');
    expect(errors).toEqual([]);
  });

  it('starts the next comparison with every run shown and a linear scale', async () => {
    const lab = await newLab();
    const { page, errors } = lab;
    await openLab(lab, tinySpiral('first'));
    await startComparison(page);
    await waitUntilFinished(page, 'first');
    const runs = page.getByRole('group', { name: 'Runs shown in the charts' });
    await runs.getByRole('button', { name: 'SGD' }).click();
    await page.getByRole('checkbox', { name: 'Log scale (loss)' }).check();
    expect(await runs.getByRole('button', { name: 'SGD' }).getAttribute('aria-pressed')).toBe('false');
    const lossLines = chart(page, 'Loss per epoch').locator('.recharts-line-curve');
    await expect.poll(() => lossLines.count()).toBe(2); // Adam's training and validation lines only

    await page.getByRole('button', { name: 'Edit setup' }).click();
    await page.getByLabel('Name', { exact: true }).fill('second');
    await startComparison(page);
    await waitUntilFinished(page, 'second');
    expect(await runs.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-pressed')))).toEqual(['true', 'true']);
    expect(await page.getByRole('checkbox', { name: 'Log scale (loss)' }).isChecked()).toBe(false);
    await expect.poll(() => lossLines.count()).toBe(4);
    // Linear ticks: evenly spaced values (a log axis spaces them by ratio).
    const ticks = (await chart(page, 'Loss per epoch').locator('.recharts-yAxis .recharts-cartesian-axis-tick-value').allTextContents()).map(Number);
    const steps = ticks.slice(1).map((tick, i) => tick - ticks[i]!);
    for (const step of steps) expect(step).toBeCloseTo(steps[0]!, 6);
    expect(errors).toEqual([]);
  });
});
