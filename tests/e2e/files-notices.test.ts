/**
 * Notes about what just happened ("Imported …", "Loaded … into the setup") go once it is
 * old news: when the next comparison starts, when what they are about is deleted, or
 * when dismissed (issue 14: they stayed on screen through later comparisons).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExperimentConfigInput } from '../../src/engine/experiment/config';
import { comparisonToJson } from '../../src/persistence/document';
import { finishedComparison } from '../../src/persistence/test-fixtures';
import { comparisonPanel, openLab, startComparison, tinySpiral, useLabBrowser, waitUntilFinished } from './lab';

const newLab = useLabBrowser();
const folder = mkdtempSync(join(tmpdir(), 'lab-notices-'));

/** Fed raw pixels, the run gets the diagnosis "The inputs are not scaled", whose "Try this" loads a fix into the setup. */
const UNSCALED: ExperimentConfigInput = {
  name: 'unscaled',
  dataset: { name: 'fashion-mnist', subset: 128, validation: 'test', testSubset: 64 },
  architecture: 'mlp',
  model: { hiddenUnits: [16] },
  training: { epochs: 1, batchSize: 32, seed: 1, lossReadEvery: 2 },
  runs: [{ id: 'adam', label: 'Adam', optimizer: { name: 'adam' }, scaling: 'none' }],
};

describe('notes about what just happened', () => {
  it('“Imported …” goes when the next comparison starts, and when the imported comparison is deleted', async () => {
    const lab = await newLab();
    const { page, errors } = lab;
    await openLab(lab, tinySpiral('next one'));
    const path = join(folder, 'imported.json');
    writeFileSync(path, comparisonToJson(finishedComparison({ name: 'from a file' })));
    const imported = page.getByRole('status').filter({ hasText: 'Imported “from a file”.' });

    await page.getByLabel('Import a comparison (JSON)').setInputFiles(path);
    await imported.waitFor();
    // With a comparison on screen the setup may be folded to one line: a person opens it to press Start.
    const edit = page.getByRole('button', { name: 'Edit setup' });
    if (await edit.isVisible()) await edit.click();
    await startComparison(page);
    await comparisonPanel(page, 'next one').waitFor();
    await imported.waitFor({ state: 'detached' });
    await waitUntilFinished(page, 'next one');
    expect(await imported.count()).toBe(0);

    // Imported again (nothing started since), then deleted: the note about it goes with it.
    await page.getByRole('button', { name: 'Delete from a file', exact: true }).click();
    await page.getByRole('button', { name: 'Really delete from a file', exact: true }).click();
    await page.getByRole('button', { name: 'Open from a file', exact: true }).waitFor({ state: 'detached' });
    await page.getByLabel('Import a comparison (JSON)').setInputFiles(path);
    await imported.waitFor();
    await page.getByRole('button', { name: 'Delete from a file', exact: true }).click();
    await page.getByRole('button', { name: 'Really delete from a file', exact: true }).click();
    await imported.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('“Loaded … into the setup” goes when that setup starts, and on Dismiss', async () => {
    const lab = await newLab();
    const { page, errors } = lab;
    await openLab(lab, UNSCALED);
    await startComparison(page);
    await waitUntilFinished(page, UNSCALED.name!);
    const tryThis = page.getByRole('button', { name: 'Try this: Scale the inputs to [0, 1]' });
    const loaded = page.getByRole('status').filter({ hasText: /^Loaded “unscaled: scale the inputs to \[0, 1\]” into the setup/ });

    await tryThis.click();
    await loaded.waitFor();
    await loaded.getByRole('button', { name: 'Dismiss' }).click();
    await loaded.waitFor({ state: 'detached' });

    await tryThis.click();
    await loaded.waitFor();
    await startComparison(page);
    await comparisonPanel(page, 'unscaled: scale the inputs to [0, 1]').waitFor();
    await loaded.waitFor({ state: 'detached' });
    await waitUntilFinished(page, 'unscaled: scale the inputs to [0, 1]');
    expect(await loaded.count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
