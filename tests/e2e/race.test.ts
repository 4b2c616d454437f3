/**
 * The optimizer race in the browser: opened from the lab's header, played, its trails
 * drawn as they grow; a link that opens a ready demo (projector mode, controls hidden)
 * where a too-large learning rate shows as diverged; a bad link explained.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { raceToHash, type RaceLink } from '../../src/ui/features/race/race-url';
import { labUrl, useLabBrowser } from './lab';

const newLab = useLabBrowser();

const status = (page: Page) => page.getByRole('status', { name: 'Race status' });
const racer = (page: Page, label: string) => page.getByRole('region', { name: label, exact: true });
const stepOf = async (card: Locator) => Number(await card.getByTestId('racer-step').textContent());

const canvasOf = (page: Page) => page.locator('.race-canvas canvas');

/** The trail vertices the painter has stroked onto the picture. */
async function trailVertices(page: Page): Promise<number> {
  return Number(await canvasOf(page).getAttribute('data-trail-vertices'));
}

/** The canvas's pixels, to compare one frame with another. */
function pixels(page: Page): Promise<number[]> {
  return canvasOf(page).evaluate((canvas: HTMLCanvasElement) => Array.from(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data));
}

/** How many pixels differ between two pictures of the same size. */
function changedPixels(before: readonly number[], after: readonly number[]): number {
  let changed = 0;
  for (let i = 0; i < before.length; i += 4) if (before[i] !== after[i] || before[i + 1] !== after[i + 1] || before[i + 2] !== after[i + 2]) changed++;
  return changed;
}

/** Polls the page until the painter has stroked more than `than` trail vertices. */
async function trailsPast(page: Page, than: number): Promise<number> {
  await page.waitForFunction(
    (before) => Number(document.querySelector('.race-canvas canvas')?.getAttribute('data-trail-vertices') ?? 0) > before,
    than,
    { polling: 100, timeout: 60_000 },
  );
  return trailVertices(page);
}

async function stepPast(card: Locator, than: number): Promise<number> {
  await card.getByTestId('racer-step').filter({ hasText: new RegExp(`^(?!(${Array.from({ length: than + 1 }, (_, i) => i).join('|')})$)\\d+$`) }).waitFor({ timeout: 60_000 });
  return stepOf(card);
}

describe('the optimizer race', () => {
  it('opens from the header, plays with trails that grow, pauses, steps, and restarts where the surface is clicked', async () => {
    const { page, errors } = await newLab();
    await page.goto(labUrl());
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Optimizer race' }).click();
    await status(page).filter({ hasText: /^Step 0 · paused$/ }).waitFor({ timeout: 60_000 });
    expect(page.url()).toMatch(/#race=[A-Za-z0-9_-]+$/);
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toMatch(/Elongated bowl/);
    expect(await trailVertices(page)).toBe(0);
    const atStart = await pixels(page);

    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await status(page).filter({ hasText: /playing$/ }).waitFor();
    const sgd = racer(page, 'SGD');
    const early = await trailsPast(page, 0);
    const stepEarly = await stepPast(sgd, 2);
    const earlyPicture = await pixels(page);
    const later = await trailsPast(page, early);
    expect(later).toBeGreaterThan(early);
    // The trails are on the picture, and more of it changes as they grow.
    const changedEarly = changedPixels(atStart, earlyPicture);
    expect(changedEarly).toBeGreaterThan(0);
    expect(changedPixels(atStart, await pixels(page))).toBeGreaterThan(changedEarly);
    expect(await stepPast(sgd, stepEarly)).toBeGreaterThan(stepEarly);
    expect(await sgd.getByTestId('racer-loss').textContent()).toMatch(/^\d/);
    await expect.poll(() => page.url()).toMatch(/#race=/);

    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await status(page).filter({ hasText: /paused$/ }).waitFor();
    const paused = await stepOf(sgd);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await status(page).filter({ hasText: new RegExp(`^Step ${paused + 1} · paused$`) }).waitFor();
    expect(await stepOf(racer(page, 'Adam'))).toBe(paused + 1);

    // A click on the surface's centre: the minimum of the bowl, (0, 0).
    const surface = page.getByRole('application', { name: /Elongated bowl surface/ });
    const box = (await surface.boundingBox())!;
    await surface.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await status(page).filter({ hasText: /^Step 0 · paused$/ }).waitFor();
    expect(Math.abs(Number(await page.getByLabel('Start x').inputValue()))).toBeLessThan(0.05);
    expect(Math.abs(Number(await page.getByLabel('Start y').inputValue()))).toBeLessThan(0.05);
    await expect.poll(() => trailVertices(page)).toBe(0);
    expect(errors).toEqual([]);
  });

  it('opens a ready demo from a link: projector mode, controls hidden, a too-large learning rate shown as diverged while the others go on', async () => {
    const { page, errors } = await newLab();
    const link: RaceLink = {
      v: 1,
      surface: 'rosenbrock',
      start: [-0.5, 2.5],
      optimizers: [
        // Keras's default SGD learning rate overflows float32 on Rosenbrock within a few steps.
        { label: 'SGD lr 0.01', optimizer: { name: 'sgd', hyperparameters: { learning_rate: 0.01 } } },
        { label: 'Adam', optimizer: { name: 'adam', hyperparameters: { learning_rate: 0.05 } }, arrows: ['gradient', 'momentum'] },
      ],
      speed: 200,
      playing: true,
      projector: true,
      controls: false,
    };
    await page.goto(`${labUrl()}${raceToHash(link)}`);
    const wild = racer(page, 'SGD lr 0.01');
    await wild.getByText('diverged', { exact: true }).waitFor({ timeout: 60_000 });
    expect(await wild.getByRole('status').textContent()).toMatch(/Diverged at step \d+/);
    const divergedAt = await stepOf(wild);
    const adam = racer(page, 'Adam');
    await stepPast(adam, divergedAt + 20);
    expect(await stepOf(wild)).toBe(divergedAt);
    expect(await adam.getByText('diverged', { exact: true }).count()).toBe(0);

    expect(await page.locator('main.race-projector').count()).toBe(1);
    expect(await page.getByRole('group', { name: 'Race controls' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Show controls' }).isVisible()).toBe(true);
    await page.keyboard.press('h');
    await page.getByRole('group', { name: 'Race controls' }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the trajectories as CSV' }).click()]);
    const csv = (await readFile(await download.path(), 'utf8')).split('\r\n');
    expect(csv[0]).toBe('optimizer,keras_name,step,x,y,loss');
    expect(csv[1]).toMatch(/^SGD lr 0\.01,sgd,0,-0\.5,2\.5,/);
    expect(csv.filter((row) => row.startsWith('SGD lr 0.01,')).length).toBe(divergedAt);
    expect(csv.some((row) => row.startsWith('Adam,adam,'))).toBe(true);
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the picture as PNG' }).click()]);
    expect(png.suggestedFilename()).toBe('race-rosenbrock.png');
    expect((await readFile(await png.path())).subarray(1, 4).toString()).toBe('PNG');
    expect(errors).toEqual([]);
  });

  it('explains a damaged link and shows the default race', async () => {
    const { page, errors } = await newLab();
    await page.goto(`${labUrl()}#race=%%%not-base64`);
    await page.getByRole('alert').filter({ hasText: /race is damaged.*default race is shown instead/ }).waitFor({ timeout: 60_000 });
    await status(page).filter({ hasText: /^Step 0 · paused$/ }).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toMatch(/Elongated bowl/);
    expect(errors).toEqual([]);
  });
});
