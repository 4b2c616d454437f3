/**
 * The race's Surface picker, driven as a person drives it: with the mouse's choice
 * (selectOption) and with the keyboard (arrow keys, typing a name's first letters).
 * Each pick must stay: the select shows it, the link names it, the heading, the canvas
 * and the racers change to it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SURFACE_NAMES, surfaces, type SurfaceName } from '../../src/engine/surfaces';
import { LINEUPS } from '../../src/ui/features/race/lineups';
import { fromBase64Url } from '../../src/ui/features/url-state/base64url';
import { labUrl, useLabBrowser } from './lab';

const newLab = useLabBrowser();

const picker = (page: Page) => page.getByRole('combobox', { name: 'Surface', exact: true });
const canvasOf = (page: Page) => page.locator('.race-canvas canvas');

/** The surface the URL's `#race=` link names. */
function surfaceInUrl(page: Page): string | undefined {
  const encoded = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('race');
  return encoded ? (JSON.parse(fromBase64Url(encoded)) as { surface?: string }).surface : undefined;
}

/** The picture on the canvas, to tell one surface's from another's. */
const picture = (page: Page) => canvasOf(page).evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());

async function openRace(page: Page): Promise<void> {
  await page.goto(`${labUrl()}#race`);
  await page.getByRole('status', { name: 'Race status' }).filter({ hasText: /^Step 0 · paused$/ }).waitFor({ timeout: 60_000 });
  await expect.poll(() => surfaceInUrl(page), { timeout: 30_000 }).toBe('elongated-bowl');
}

/** What a person sees once `name` is picked: it stays picked, and the page shows that surface. */
async function expectShown(page: Page, name: SurfaceName, before: string): Promise<string> {
  const { label } = surfaces[name];
  await expect.poll(() => picker(page).inputValue()).toBe(name);
  await expect.poll(() => surfaceInUrl(page), { timeout: 30_000 }).toBe(name);
  await page.getByRole('heading', { level: 2, name: new RegExp(`^Optimizer race on ${label}`) }).waitFor();
  await page.getByRole('application', { name: new RegExp(`^${label} surface`) }).waitFor();
  // The racers tuned for it, the last of its lineup among them.
  await page.getByRole('region', { name: LINEUPS[name].entries.at(-1)!.label, exact: true }).waitFor();
  await expect.poll(() => picture(page), { timeout: 30_000 }).not.toBe(before);
  // Still picked once the new race has been set up (the old code put it back then).
  expect(await picker(page).inputValue()).toBe(name);
  return picture(page);
}

describe('the race’s Surface picker', () => {
  it('keeps each surface picked from the list, and shows it', async () => {
    const { page, errors } = await newLab();
    await openRace(page);
    let shown = await picture(page);
    for (const name of [...SURFACE_NAMES.slice(1), SURFACE_NAMES[0]]) {
      await picker(page).selectOption({ label: surfaces[name].label });
      shown = await expectShown(page, name, shown);
    }
    expect(errors).toEqual([]);
  });

  it('keeps each surface picked with the keyboard: arrow keys, and typing its name', async () => {
    const { page, errors } = await newLab();
    await openRace(page);
    let shown = await picture(page);
    await picker(page).focus();
    for (const name of SURFACE_NAMES.slice(1)) {
      await page.keyboard.press('ArrowDown');
      shown = await expectShown(page, name, shown);
    }
    await page.keyboard.press('ArrowUp');
    shown = await expectShown(page, 'himmelblau', shown);
    // Typing a name's first letters picks it, as in any list.
    await page.keyboard.type('Ros');
    shown = await expectShown(page, 'rosenbrock', shown);
    expect(errors).toEqual([]);
  });
});
