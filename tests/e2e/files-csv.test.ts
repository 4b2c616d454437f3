/**
 * The CSV files of a comparison hold its records, the same as its JSON export: one row
 * per run per epoch, one per run per recorded batch, with the JSON's values (issue 14:
 * both CSVs once came down with the header row alone).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { comparisonPanel, openLab, startComparison, useLabBrowser, waitUntilFinished } from './lab';

const newLab = useLabBrowser();
const NAME = 'quick-demo-synthetic';
const EPOCHS = 2;
const RUNS = ['sgd', 'rmsprop', 'adam'];

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), comparisonPanel(page, NAME).getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** CSV rows as objects by header; the lab's fields here (ids, labels, numbers) need no quoting, and none may be quoted. */
function parseCsv(text: string): Record<string, string>[] {
  expect(text).not.toContain('"');
  expect(text.endsWith('\r\n')).toBe(true);
  const [header, ...rows] = text.slice(0, -2).split('\r\n').map((line) => line.split(','));
  return rows.map((row) => {
    expect(row).toHaveLength(header!.length);
    return Object.fromEntries(header!.map((column, i) => [column, row[i]!]));
  });
}

/** A JSON number as the CSV writes it: empty when absent. */
const cellOf = (value: unknown): string => (value === undefined ? '' : String(value));

interface Exported {
  comparison: {
    epochs: { runId: string; epoch: number; loss: number; accuracy?: number; valLoss?: number; valAccuracy?: number; trainSeconds: number; elapsedSeconds: number }[];
    batches: { runId: string; epoch: number; step: number; loss: number }[];
  };
}

describe('the CSV files', () => {
  it('hold every epoch and every batch loss of every run, with the values of the JSON export', async () => {
    const lab = await newLab();
    const { page, errors } = lab;
    await openLab(lab);
    await page.getByLabel('Preset').selectOption(NAME);
    await page.getByRole('button', { name: 'Load preset' }).click();
    await page.getByLabel('Epochs', { exact: true }).fill(String(EPOCHS));
    await page.getByLabel('Points to generate', { exact: true }).fill('200');
    await startComparison(page);
    await waitUntilFinished(page, NAME);

    const json = JSON.parse((await download(page, 'Export JSON')).text) as Exported;
    const epochFile = await download(page, 'Epoch curves CSV');
    const batchFile = await download(page, 'Batch losses CSV');
    expect([epochFile.name, batchFile.name]).toEqual([`${NAME}-epochs.csv`, `${NAME}-batches.csv`]);
    const epochs = parseCsv(epochFile.text);
    const batches = parseCsv(batchFile.text);

    // One row per run per epoch, each with the JSON's numbers.
    expect(json.comparison.epochs).toHaveLength(RUNS.length * EPOCHS);
    expect(epochs).toHaveLength(json.comparison.epochs.length);
    expect(new Set(epochs.map((row) => `${row.run_id}/${row.epoch}`)).size).toBe(epochs.length);
    for (const record of json.comparison.epochs) {
      const row = epochs.find((r) => r.run_id === record.runId && r.epoch === String(record.epoch));
      expect(row, `${record.runId} epoch ${record.epoch}`).toEqual({
        run_id: record.runId,
        run_label: expect.any(String),
        epoch: String(record.epoch),
        loss: cellOf(record.loss),
        accuracy: cellOf(record.accuracy),
        val_loss: cellOf(record.valLoss),
        val_accuracy: cellOf(record.valAccuracy),
        train_seconds: cellOf(record.trainSeconds),
        elapsed_seconds: cellOf(record.elapsedSeconds),
      });
    }
    expect(new Set(epochs.map((row) => row.run_label))).toEqual(new Set(['SGD', 'RMSprop', 'Adam']));

    // One row per run per recorded batch, with its epoch, step and loss from the JSON.
    expect(json.comparison.batches.length).toBeGreaterThan(RUNS.length * EPOCHS);
    expect(batches).toHaveLength(json.comparison.batches.length);
    const batchKey = (runId: string, step: string | number) => `${runId}/${step}`;
    const rows = new Map(batches.map((row) => [batchKey(row.run_id!, row.step!), row]));
    expect(rows.size).toBe(batches.length);
    for (const record of json.comparison.batches) {
      expect(rows.get(batchKey(record.runId, record.step)), `${record.runId} step ${record.step}`).toMatchObject({
        epoch: String(record.epoch),
        loss: cellOf(record.loss),
      });
    }
    for (const run of RUNS) {
      expect(new Set(batches.filter((row) => row.run_id === run).map((row) => row.epoch))).toEqual(new Set(['1', '2']));
    }
    expect(errors).toEqual([]);
  });
});
