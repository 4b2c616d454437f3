/** Every finished comparison is in IndexedDB: a reload lists it, and opening it shows it again. */
import { describe, expect, it } from 'vitest';
import {
  backendBadge,
  comparisonPanel,
  epochChartDots,
  useLabBrowser,
  openLab,
  resultsText,
  startComparison,
  tinySpiral,
  waitForChartsToCatchUp,
  waitUntilFinished,
} from './lab';

const newLab = useLabBrowser();


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
});
