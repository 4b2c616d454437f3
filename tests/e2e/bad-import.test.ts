/**
 * A file that is not a comparison the lab can read is rejected with the reason, and
 * nothing already stored changes (checked after a reload, from IndexedDB itself).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { comparisonToJson } from '../../src/persistence/document';
import { finishedComparison } from '../../src/persistence/test-fixtures';
import { useLabBrowser, openLab } from './lab';

const newLab = useLabBrowser();
const folder = mkdtempSync(join(tmpdir(), 'lab-import-'));


function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

async function importFile(page: Page, path: string): Promise<void> {
  await page.getByLabel('Import a comparison (JSON)').setInputFiles(path);
}

const historyItems = (page: Page) => page.getByRole('region', { name: 'History' }).getByRole('listitem');

describe('a bad import', () => {
  it('is rejected with the reason, and the history stays as it was', async () => {
    const lab = await newLab();
    const { page, errors } = lab;
    await openLab(lab);
    const good = JSON.parse(comparisonToJson(finishedComparison({ name: 'already here' }))) as { comparison: { epochs: { loss: unknown }[] } };
    await importFile(page, file('good.json', JSON.stringify(good)));
    await page.getByRole('status').filter({ hasText: 'Imported “already here”.' }).waitFor();
    await expect.poll(() => historyItems(page).count()).toBe(1);
    const before = await historyItems(page).allInnerTexts();

    await importFile(page, file('notes.json', 'these are my notes, not JSON'));
    const alert = page.getByRole('alert').filter({ hasText: 'The file was not imported' });
    await alert.filter({ hasText: 'text that is not JSON' }).waitFor();

    const wrong = structuredClone(good);
    wrong.comparison.epochs[1]!.loss = 'low';
    await importFile(page, file('wrong-field.json', JSON.stringify(wrong)));
    const reason = await alert.filter({ hasText: 'comparison.epochs[1].loss' }).textContent();
    expect(reason).toMatch(/expected a number .*found "low"/);

    expect(await historyItems(page).allInnerTexts()).toEqual(before);
    await page.reload();
    await expect.poll(() => historyItems(page).allInnerTexts()).toEqual(before);
    expect(errors).toEqual([]);
  });
});
