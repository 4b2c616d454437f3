/**
 * Importing a file whose comparison the history holds already asks first: "Replace" or
 * "Keep both" (issue 14: the same file imported twice made two identical entries). What
 * the history lists after each answer is read from the screen, and again after a reload.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { comparisonToJson } from '../../src/persistence/document';
import { epochRecords, finishedComparison, makeComparison } from '../../src/persistence/test-fixtures';
import { openLab, useLabBrowser } from './lab';

const newLab = useLabBrowser();
const folder = mkdtempSync(join(tmpdir(), 'lab-duplicate-'));
const NAME = 'imported twice';

function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

const history = (page: Page) => page.getByRole('region', { name: 'History' });
const question = (page: Page) => history(page).getByRole('group').filter({ hasText: 'already in the history' });
/** Each entry's name and its line of facts, sorted: the history as a person reads it (the time left out). */
const entries = async (page: Page) =>
  (await history(page).getByRole('listitem').allInnerTexts()).map((text) => text.split(' · ').slice(0, -1).join(' · ').replace(/\s+/g, ' ')).sort();

async function importFile(page: Page, path: string): Promise<void> {
  await page.getByLabel('Import a comparison (JSON)').setInputFiles(path);
}

describe('importing a comparison the history holds already', () => {
  it('asks whether to replace it or keep both, and the history shows what was chosen', async () => {
    const lab = await newLab();
    const { page, errors } = lab;
    await openLab(lab);
    const finished = file('finished.json', comparisonToJson(finishedComparison({ name: NAME })));
    const one = `${NAME} spiral · dense · 2 runs · 3 epochs · finished`;

    await importFile(page, finished);
    await page.getByRole('status').filter({ hasText: `Imported “${NAME}”.` }).waitFor();
    await expect.poll(() => entries(page)).toEqual([one]);

    // The same file again: a question, and nothing written until it is answered.
    await importFile(page, finished);
    await question(page).waitFor();
    expect(await question(page).textContent()).toMatch(/^finished\.json holds “imported twice”, which is already in the history \(saved .+\)\. Replace the saved one with the file’s copy, or keep both\?/);
    expect(await entries(page)).toEqual([one]);
    await question(page).getByRole('button', { name: 'Cancel' }).click();
    await question(page).waitFor({ state: 'detached' });
    expect(await entries(page)).toEqual([one]);

    await importFile(page, finished);
    await question(page).getByRole('button', { name: 'Keep both' }).click();
    await page.getByRole('status').filter({ hasText: `Imported “${NAME} (2)”.` }).waitFor();
    await expect.poll(() => entries(page)).toEqual([one, `${NAME} (2) spiral · dense · 2 runs · 3 epochs · finished`].sort());
    expect(await question(page).count()).toBe(0);

    // An earlier export of the same comparison (two epochs, interrupted) replaces the saved one when told to.
    const earlier = file('earlier.json', comparisonToJson(makeComparison({ name: `${NAME}, early`, status: 'interrupted', epochs: [1, 2].flatMap(epochRecords) })));
    await importFile(page, earlier);
    await question(page).filter({ hasText: /^earlier\.json holds “imported twice”/ }).waitFor();
    await question(page).getByRole('button', { name: 'Replace' }).click();
    await page.getByRole('status').filter({ hasText: `Replaced “${NAME}, early” with the file’s copy.` }).waitFor();
    const replaced = [`${NAME} (2) spiral · dense · 2 runs · 3 epochs · finished`, `${NAME}, early spiral · dense · 2 runs · 2 epochs · interrupted`].sort();
    await expect.poll(() => entries(page)).toEqual(replaced);

    await page.reload();
    await expect.poll(() => entries(page)).toEqual(replaced);
    expect(errors).toEqual([]);
  });
});
