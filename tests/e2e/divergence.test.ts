/**
 * A run whose loss stops being finite is marked diverged and ends at once, while the
 * other runs of the comparison train on to the end.
 */
import { describe, expect, it } from 'vitest';
import { useLabBrowser, openLab, resultRow, startComparison, tinySpiral, waitUntilFinished } from './lab';

const newLab = useLabBrowser();


describe('divergence', () => {
  it('marks a run with a non-finite loss diverged while the others finish', async () => {
    const lab = await newLab();
    const { page, errors } = lab;
    // A learning rate of 1e30 (the field has no upper bound) overflows float32 within a step or two.
    await openLab(
      lab,
      tinySpiral('one diverges', {
        runs: [
          { id: 'sgd-huge', label: 'SGD lr 1e30', optimizer: { name: 'sgd', hyperparameters: { learning_rate: 1e30 } } },
          { id: 'sgd', label: 'SGD', optimizer: { name: 'sgd' } },
          { id: 'adam', label: 'Adam', optimizer: { name: 'adam' } },
        ],
      }),
    );
    await startComparison(page);
    await waitUntilFinished(page, 'one diverges');

    const diverged = resultRow(page, 'SGD lr 1e30');
    expect(await diverged.getByRole('rowheader').textContent()).toMatch(/⚠ diverged at step \d+/);
    expect(await diverged.getByRole('cell').first().textContent()).toBe('diverged');
    for (const label of ['SGD', 'Adam']) {
      const row = resultRow(page, label);
      expect(await row.getByRole('cell').first().textContent()).toBe('finished');
      expect(await row.getByRole('rowheader').textContent()).not.toContain('diverged');
    }
    expect(await page.getByRole('progressbar', { name: 'Progress of SGD lr 1e30' }).locator('xpath=..').textContent()).toMatch(/diverged at step \d+/);
    // The diverged run has no test result, so the confusion matrix offers only the others.
    expect(await page.getByRole('region', { name: 'Confusion matrix' }).getByRole('combobox', { name: 'Run' }).locator('option').allTextContents()).toEqual(['SGD', 'Adam']);
    expect(errors).toEqual([]);
  });
});
