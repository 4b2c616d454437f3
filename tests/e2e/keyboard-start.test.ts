/**
 * The lab by keyboard alone: Start within a few Tab presses of the top (seven runs in the
 * setup), focus never dropped to <body> by Start, Pause or Stop all, Pause and Stop
 * before the history in the tab order, and `?` listing every shortcut.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { comparisonStatus, endlessSpiral, openLab, tinySpiral, useLabBrowser } from './lab';

const newLab = useLabBrowser();
const RUNS = ['SGD', 'RMSprop', 'Adam', 'Adagrad', 'Adamax', 'Nadam', 'Adadelta'];
const config = endlessSpiral('by keyboard', {
  runs: RUNS.map((label) => ({ id: label.toLowerCase(), label, optimizer: { name: label.toLowerCase() } })),
});

/** What has the keyboard: its tag, its text or label, and whether it sits in the named region. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      tag: element?.tagName.toLowerCase() ?? 'none',
      name: (element?.getAttribute('aria-label') ?? element?.textContent ?? '').trim(),
      inHistory: element?.closest('[aria-labelledby="history-heading"]') !== null,
    };
  });
}

describe('the keyboard', () => {
  it('reaches Start within 10 Tabs, keeps focus through Start, Pause and Stop all, and reaches Pause and Stop before the history', async () => {
    const lab = await newLab();
    const { page, errors } = lab;
    await page.setViewportSize({ width: 1280, height: 720 });
    await openLab(lab, config);

    let presses = 0;
    while (presses < 10) {
      await page.keyboard.press('Tab');
      presses++;
      if ((await focused(page)).name === 'Start comparison') break;
    }
    expect(await focused(page)).toMatchObject({ tag: 'button', name: 'Start comparison' });
    expect(presses).toBeLessThanOrEqual(10);

    await page.keyboard.press('Enter');
    const status = comparisonStatus(page, 'by keyboard');
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Edit setup' }).waitFor();
    await expect.poll(async () => (await focused(page)).tag).toBe('button');
    expect((await focused(page)).name).not.toBe('');

    // From the top of the page, Pause and Stop all come before anything in the history.
    await page.getByRole('heading', { name: 'Optimizer Lab' }).click();
    const order: string[] = [];
    for (let i = 0; i < 15 && !order.includes('Stop all'); i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      expect(now.inHistory, `${now.name} is in the history, before Pause and Stop all`).toBe(false);
      order.push(now.name);
    }
    expect(order).toContain('Pause');
    expect(order).toContain('Stop all');

    await page.getByRole('button', { name: 'Pause', exact: true }).focus();
    await page.keyboard.press('Enter');
    await status.filter({ hasText: /^Paused/ }).waitFor();
    await expect.poll(async () => (await focused(page)).tag).toBe('button');
    expect((await focused(page)).name).toBe('Resume');

    // Resume has the keyboard: Enter goes on, and Pause has it again.
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await expect.poll(async () => (await focused(page)).name).toBe('Pause');

    await page.getByRole('button', { name: 'Stop all', exact: true }).focus();
    await page.keyboard.press('Enter');
    await status.filter({ hasText: /^Stopped/ }).waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await focused(page)).tag).toBe('button');
    expect(errors).toEqual([]);
  });

  it('lists the lab’s shortcuts and the race’s on ?, and E opens the folded setup', async () => {
    const lab = await newLab();
    const { page, errors } = lab;
    await openLab(lab, tinySpiral('shortcuts', { training: { epochs: 1, batchSize: 32, scaling: 'none', seed: 1 } }));
    await page.locator('body').press('?');
    const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await list.waitFor();
    const text = (await list.textContent()) ?? '';
    for (const words of ['List the keyboard shortcuts', 'Go to Start comparison', 'Edit the setup', 'Lecture mode on or off', 'Leave lecture mode']) expect(text).toContain(words);
    const race = list.getByRole('region', { name: 'Optimizer race' });
    const raceKeys = await race.locator('kbd').allTextContents();
    for (const key of ['Space', 'S', 'R', 'P', 'H']) expect(raceKeys).toContain(key);
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'hidden' });

    // S puts the keyboard on Start; Enter starts; the setup folds; E opens it again.
    await page.locator('body').press('s');
    await expect.poll(async () => (await focused(page)).name).toBe('Start comparison');
    await page.keyboard.press('Enter');
    const edit = page.getByRole('button', { name: 'Edit setup' });
    await edit.waitFor();
    expect(await page.getByRole('region', { name: 'Set up a comparison' }).count()).toBe(0);
    await page.locator('body').press('e');
    await page.getByRole('region', { name: 'Set up a comparison' }).waitFor();
    expect(await page.getByRole('button', { name: 'Fold setup' }).getAttribute('aria-expanded')).toBe('true');
    expect(errors).toEqual([]);
  });
});
