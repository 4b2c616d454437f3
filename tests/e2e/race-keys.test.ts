/**
 * The race's keys, pressed as a person presses them: each page key does what the lab's
 * `?` list (RACE_SHORTCUTS) says, and each toolbar button names its key.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RACE_KEYS } from '../../src/ui/features/race/race-shortcuts';
import { labUrl, useLabBrowser } from './lab';

const newLab = useLabBrowser();

const status = (page: Page) => page.getByRole('status', { name: 'Race status' });
const statusIs = (page: Page, text: RegExp) => status(page).filter({ hasText: text }).waitFor({ timeout: 60_000 });
const keyOf = (keys: string) => (keys === 'Space' ? ' ' : keys.toLowerCase());

describe('the race’s keys', () => {
  it('play, pause, step, reset, projector mode and the controls, from the keyboard', async () => {
    const { page, errors } = await newLab();
    await page.goto(`${labUrl()}#race`);
    await statusIs(page, /^Step 0 · paused$/);
    const controls = page.getByRole('group', { name: 'Race controls' });
    for (const [button, name] of [
      ['Play', 'playPause'],
      ['Step', 'step'],
      ['Reset', 'reset'],
      ['Hide controls', 'controls'],
    ] as const) {
      expect(await controls.getByRole('button', { name: button, exact: true }).getAttribute('aria-keyshortcuts')).toBe(RACE_KEYS[name].keys);
    }
    await page.getByRole('heading', { level: 2 }).first().click();

    await page.keyboard.press(keyOf(RACE_KEYS.playPause.keys));
    // Paused once it has taken a step: a Space pressed in the same frame as Play would pause at step 0.
    await statusIs(page, /^Step [1-9]\d* · playing$/);
    await page.keyboard.press(keyOf(RACE_KEYS.playPause.keys));
    await statusIs(page, /paused$/);
    const paused = Number((await status(page).textContent())!.match(/Step (\d+)/)![1]);
    expect(paused).toBeGreaterThan(0);
    await page.keyboard.press(keyOf(RACE_KEYS.step.keys));
    await statusIs(page, new RegExp(`^Step ${paused + 1} · paused$`));
    await page.keyboard.press(`Shift+${RACE_KEYS.step.keys}`);
    await statusIs(page, new RegExp(`^Step ${paused + 2} · paused$`));
    await page.keyboard.press(keyOf(RACE_KEYS.reset.keys));
    await statusIs(page, /^Step 0 · paused$/);

    await page.keyboard.press(keyOf(RACE_KEYS.projector.keys));
    await expect.poll(() => page.getByRole('checkbox', { name: 'Projector mode' }).isChecked()).toBe(true);
    await page.keyboard.press(keyOf(RACE_KEYS.controls.keys));
    await expect.poll(() => controls.count()).toBe(0);
    await page.keyboard.press(keyOf(RACE_KEYS.controls.keys));
    await controls.waitFor();
    expect(await page.getByRole('checkbox', { name: 'Projector mode' }).isChecked()).toBe(true);

    // In a field the letters are text, not shortcuts.
    await page.getByLabel('Start x').fill('');
    await page.getByLabel('Start x').pressSequentially('-5');
    await page.getByLabel('Start x').press('r');
    expect(await page.getByLabel('Start x').inputValue()).toBe('-5r');
    expect(await page.getByRole('checkbox', { name: 'Projector mode' }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
  });
});
