/**
 * A comparison exported as JSON and imported into another browser profile comes back
 * the same: the same results on screen, the same document when exported again.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
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


async function exportJson(page: Page, name: string): Promise<{ path: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    comparisonPanel(page, name).getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const path = await download.path();
  return { path, text: await readFile(path, 'utf8') };
}

describe('export and import', () => {
  it('gives back the same comparison in a fresh browser profile', async () => {
    const name = 'round trip';
    const first = await newLab();
    await openLab(first, tinySpiral(name));
    await startComparison(first.page);
    await waitUntilFinished(first.page, name);
    const results = await resultsText(first.page);
    const dots = await epochChartDots(first.page).count();
    const exported = await exportJson(first.page, name);
    expect(exported.path.length).toBeGreaterThan(0);

    const second = await newLab();
    await openLab(second);
    await second.page.getByLabel('Import a comparison (JSON)').setInputFiles(exported.path);
    await second.page.getByRole('status').filter({ hasText: `Imported “${name}”.` }).waitFor();
    await comparisonPanel(second.page, name).waitFor();
    await waitForChartsToCatchUp(second.page);

    // What a person sees: the same results, the same curves, and the comparison in the history.
    expect(await comparisonPanel(second.page, name).getByRole('status').textContent()).toMatch(/^Finished/);
    expect(await resultsText(second.page)).toEqual(results);
    expect(await epochChartDots(second.page).count()).toBe(dots);
    await second.page.getByRole('button', { name: `Open ${name}`, exact: true }).waitFor();

    // What the file holds: exported again, the same document.
    const again = await exportJson(second.page, name);
    expect(JSON.parse(again.text)).toEqual(JSON.parse(exported.text));
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
  });
});
