/**
 * The race in projector mode, on the screens a lecture hall has: the picture is no
 * smaller than outside projector mode, and every optimizer is named in its colour
 * where the audience can see it (within the viewport, beside the picture).
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { surfaces, type SurfaceName } from '../../src/engine/surfaces';
import { LINEUPS } from '../../src/ui/features/race/lineups';
import { labUrl, useLabBrowser } from './lab';

const newLab = useLabBrowser();

const SCREENS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

async function canvasBox(page: Page): Promise<{ width: number; height: number }> {
  const box = await page.locator('.race-canvas canvas').boundingBox();
  if (!box) throw new Error('expected the race canvas on screen, found none');
  return box;
}

const projectorOn = (page: Page) => page.locator('main.race-projector').count();

async function openRace(page: Page, surface: SurfaceName): Promise<void> {
  await page.goto(`${labUrl()}#race`);
  await page.getByRole('status', { name: 'Race status' }).filter({ hasText: /^Step 0 · paused$/ }).waitFor({ timeout: 60_000 });
  if (surface !== 'elongated-bowl') await page.getByRole('combobox', { name: 'Surface', exact: true }).selectOption({ label: surfaces[surface].label });
  await page.getByRole('heading', { level: 2, name: new RegExp(`^Optimizer race on ${surfaces[surface].label}`) }).waitFor();
  await page.getByRole('region', { name: LINEUPS[surface].entries.at(-1)!.label, exact: true }).waitFor();
}

/** Two animation frames: a resize seen by the page's ResizeObserver is laid out by then. */
const twoFrames = (page: Page) => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

/** The canvas once a layout change has settled: the same size on two reads two frames apart. */
async function settledCanvas(page: Page): Promise<{ width: number; height: number }> {
  let last = await canvasBox(page);
  await expect
    .poll(async () => {
      await twoFrames(page);
      const now = await canvasBox(page);
      const same = now.width === last.width && now.height === last.height;
      last = now;
      return same;
    })
    .toBe(true);
  return last;
}

async function expectInViewport(page: Page, element: Locator, what: string): Promise<void> {
  const box = await element.boundingBox();
  const { width, height } = page.viewportSize()!;
  expect(box, `${what} on screen`).not.toBeNull();
  expect({ what, left: box!.x >= 0, top: box!.y >= 0, right: box!.x + box!.width <= width, bottom: box!.y + box!.height <= height }).toEqual({ what, left: true, top: true, right: true, bottom: true });
}

/** Every racer of the lineup named in the key, in view, with the dot in the colour of its card. */
async function expectEveryRacerNamed(page: Page, surface: SurfaceName): Promise<void> {
  const key = page.getByRole('list', { name: /^Optimizers on the surface/ });
  for (const { label } of LINEUPS[surface].entries) {
    const name = key.getByText(label, { exact: true });
    await expectInViewport(page, name, `${label} in the key`);
    const item = key.getByRole('listitem').filter({ has: page.getByText(label, { exact: true }) });
    const dot = await item.locator('.race-key-dot').evaluate((element) => getComputedStyle(element).backgroundColor);
    const card = await page.getByRole('region', { name: label, exact: true }).locator('.swatch').evaluate((element) => getComputedStyle(element).backgroundColor);
    expect({ label, dot }).toEqual({ label, dot: card });
  }
}

describe('the race in projector mode', () => {
  it.each(SCREENS)('at $width×$height: the picture is no smaller, and all six optimizers are named in view', async (screen) => {
    const { page, errors } = await newLab();
    await page.setViewportSize(screen);
    await openRace(page, 'elongated-bowl');
    const normal = await settledCanvas(page);
    await page.getByRole('checkbox', { name: 'Projector mode' }).check();
    await expect.poll(() => projectorOn(page)).toBe(1);
    const projector = await settledCanvas(page);
    expect(projector.width).toBeGreaterThanOrEqual(normal.width);
    expect(projector.height).toBeGreaterThanOrEqual(normal.height);
    expect(LINEUPS['elongated-bowl'].entries).toHaveLength(6);
    await expectEveryRacerNamed(page, 'elongated-bowl');
    expect(errors).toEqual([]);
  });

  it('at 1280×720 with the P key on a square surface of seven optimizers: as large as normal, every one named in view', async () => {
    const { page, errors } = await newLab();
    await page.setViewportSize(SCREENS[0]);
    await openRace(page, 'himmelblau');
    const normal = await settledCanvas(page);
    await page.locator('.race-head').click();
    await page.keyboard.press('p');
    await expect.poll(() => projectorOn(page)).toBe(1);
    const projector = await settledCanvas(page);
    expect(projector.width).toBeGreaterThanOrEqual(normal.width);
    expect(projector.height).toBeGreaterThanOrEqual(normal.height);
    await expectEveryRacerNamed(page, 'himmelblau');
    // Back out with the same key: the key beside the picture goes, the cards are beside it again.
    await page.keyboard.press('p');
    await expect.poll(() => projectorOn(page)).toBe(0);
    expect(await page.getByRole('list', { name: /^Optimizers on the surface/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
