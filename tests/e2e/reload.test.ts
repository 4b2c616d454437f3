/**
 * Every finished comparison is in IndexedDB: a reload lists it, and opening it shows it
 * again. A reload during training keeps the comparison on screen, ready to resume.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import {
  backendBadge,
  comparisonPanel,
  comparisonStatus,
  TRAINING_TIMEOUT_MS,
  epochChartDots,
  useLabBrowser,
  openLab,
  resultsText,
  startComparison,
  endlessSpiral, tinySpiral,
  waitForChartsToCatchUp,
  waitUntilFinished,
} from './lab';
import { inViewport } from './layout-viewport';

const newLab = useLabBrowser();


/** Seconds the status line says have elapsed ("… · 1 min 05 s elapsed"). */
async function elapsedSeconds(status: Locator): Promise<number> {
  const match = /(?:(\d+) min )?(\d+) s elapsed/.exec((await status.textContent()) ?? '');
  return match ? Number(match[1] ?? 0) * 60 + Number(match[2]) : 0;
}


describe('a reload', () => {
  it('keeps the runs: the history lists the comparison, and opening it shows its curves and results', async () => {
    const name = 'kept across reloads';
    const lab = await newLab();
    const { page, errors } = lab;
    await openLab(lab, tinySpiral(name));
    await startComparison(page);
    await waitUntilFinished(page, name);
    const results = await resultsText(page);
    const dots = await epochChartDots(page).count();
    expect(dots).toBeGreaterThan(0);

    await page.reload();
    await backendBadge(page).getByTestId('backend-name').waitFor();
    expect(await comparisonPanel(page, name).count()).toBe(0);
    const item = page.getByRole('region', { name: 'History' }).getByRole('listitem').filter({ hasText: name });
    expect(await item.textContent()).toMatch(/spiral · dense · 2 runs · 2 epochs · finished/);
    await page.getByRole('button', { name: `Open ${name}`, exact: true }).click();

    await comparisonPanel(page, name).waitFor();
    await waitForChartsToCatchUp(page);
    expect(await comparisonPanel(page, name).getByRole('status').textContent()).toMatch(/^Finished/);
    expect(await resultsText(page)).toEqual(results);
    expect(await epochChartDots(page).count()).toBe(dots);
    expect(errors).toEqual([]);
  });

  it('during training keeps the interrupted comparison on screen, with Resume from epoch N beside its charts', async () => {
    const name = 'reloaded while training';
    const lab = await newLab();
    const { page, errors } = lab;
    await page.setViewportSize({ width: 1280, height: 720 });
    // Long enough never to finish (minutes); the lab checkpoints at the first epoch end 30 s in.
    await openLab(
      lab,
      endlessSpiral(name),
    );
    await startComparison(page);
    const status = comparisonStatus(page, name);
    await expect.poll(() => elapsedSeconds(status), { timeout: TRAINING_TIMEOUT_MS, interval: 1000 }).toBeGreaterThanOrEqual(45);

    await page.reload();
    const resume = comparisonPanel(page, name).getByRole('button', { name: /^Resume .* from epoch \d+$/ });
    await resume.waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toMatch(/^Interrupted/);
    expect(await resume.textContent()).toMatch(/^Resume from epoch ([2-9]|\d\d+)$/);
    const loss = page.getByRole('figure', { name: 'Loss per epoch', exact: true });
    await loss.waitFor();
    await waitForChartsToCatchUp(page);
    // The curves are drawn (lines: past 40 epochs, which a quiet machine reaches in 45 s, the chart drops its dots).
    const drawn = await loss.locator('path.recharts-line-curve').evaluateAll((paths) => paths.filter((path) => (path.getAttribute('d') ?? '').includes('L')).length);
    expect(drawn).toBeGreaterThan(0);
    expect(await inViewport(page, resume)).toBe(true);
    expect(await inViewport(page, loss)).toBe(true);
    expect(errors).toEqual([]);
  });
});
