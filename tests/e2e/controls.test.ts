/** The training controls: pause and resume the comparison, stop one run, stop all. */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { TRAINING_TIMEOUT_MS, comparisonStatus, useLabBrowser, openLab, progressValue, resultRow, startComparison, endlessSpiral, waitForChartsToCatchUp } from './lab';

const newLab = useLabBrowser();


/** Waits (polled in the page, cheaply) until the bar is past `value`. */
async function progressPast(bar: Locator, value: number): Promise<number> {
  const element = await bar.elementHandle();
  await bar.page().waitForFunction(([progress, before]) => (progress as HTMLProgressElement).value > before, [element, value] as const, {
    timeout: TRAINING_TIMEOUT_MS,
    polling: 100,
  });
  return progressValue(bar);
}

describe('the training controls', () => {
  it('pause, resume, stop one run while the others go on, then stop all', async () => {
    const name = 'controlled';
    const lab = await newLab();
    const { page, errors } = lab;
    // Never finishes by itself: the test stops it.
    await openLab(
      lab,
      endlessSpiral(name),
    );
    await startComparison(page);
    const status = comparisonStatus(page, name);
    const sgd = page.getByRole('progressbar', { name: 'Progress of SGD' });
    const adam = page.getByRole('progressbar', { name: 'Progress of Adam' });
    await progressPast(adam, 0);

    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await status.filter({ hasText: /^Paused/ }).waitFor();
    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await status.filter({ hasText: /^Training/ }).waitFor();
    const resumedAt = await progressValue(adam);
    await progressPast(adam, resumedAt);

    await page.getByRole('button', { name: 'Stop SGD', exact: true }).click();
    await sgd.locator('xpath=..').filter({ hasText: /stopped after \d+ of 100 epochs/ }).waitFor();
    await waitForChartsToCatchUp(page);
    expect(await resultRow(page, 'SGD').getByRole('cell').first().textContent()).toBe('stopped');
    const sgdStoppedAt = await progressValue(sgd);
    // Adam goes on without SGD.
    await progressPast(adam, await progressValue(adam));
    expect(await progressValue(sgd)).toBe(sgdStoppedAt);

    await page.getByRole('button', { name: 'Stop all', exact: true }).click();
    await status.filter({ hasText: /^Stopped/ }).waitFor();
    await waitForChartsToCatchUp(page);
    expect(await resultRow(page, 'Adam').getByRole('cell').first().textContent()).toBe('cancelled');
    await page.getByRole('button', { name: 'Restart from the beginning' }).waitFor();
    // The setup is folded while a comparison is on screen; opened, it can start the next one.
    await page.getByRole('button', { name: 'Edit setup' }).click();
    expect(await page.getByRole('button', { name: 'Start comparison' }).isEnabled()).toBe(true);
    expect(errors).toEqual([]);
  });
});
