/**
 * Small things a person reads in the setup: hyperparameter labels that stay apart,
 * scalings that fit the dataset, and a dataset this browser has cached saying so.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ExperimentConfigInput } from '../../src/engine/experiment/config';
import { openLab, useLabBrowser } from './lab';

const newLab = useLabBrowser();

/** Where a label's text is drawn (the union of its line boxes), and the label's own box. */
function textBox(label: Locator) {
  return label.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const rects = [...range.getClientRects()];
    const own = element.getBoundingClientRect();
    return {
      text: (element as HTMLElement).innerText,
      left: Math.min(...rects.map((r) => r.left)),
      right: Math.max(...rects.map((r) => r.right)),
      top: Math.min(...rects.map((r) => r.top)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
      own: { left: own.left, right: own.right },
    };
  });
}

const optionTexts = (select: Locator) => select.locator('option').allInnerTexts();

function dataRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Data', exact: true });
}

describe('the setup form', () => {
  it('keeps Adagrad’s initial_accumulator_value label inside its field, apart from epsilon’s', async () => {
    const lab = await newLab();
    await openLab(lab);
    const { page, errors } = lab;
    await page.getByLabel('Optimizer', { exact: true }).first().selectOption('adagrad');
    const card = page.locator('fieldset.run-card').first();
    const long = await textBox(card.locator('label', { hasText: 'initial_accumulator_value' }));
    const next = await textBox(card.locator('label', { hasText: /^epsilon$/ }));
    expect(long.text).toBe('initial_accumulator_value');
    expect(next.text).toBe('epsilon');
    // The text stays within its own label (one grid column): it does not run on into the next.
    expect(long.right).toBeLessThanOrEqual(long.own.right + 1);
    const sideBySide = long.top < next.bottom && next.top < long.bottom;
    if (sideBySide) expect(long.right).toBeLessThan(next.left);
    expect(errors).toEqual([]);
  });

  it('offers the spiral no pixel scalings, and Fashion-MNIST its pixel ones', async () => {
    const lab = await newLab();
    await openLab(lab);
    const { page, errors } = lab;
    const training = page.getByRole('region', { name: 'Training', exact: true }).getByLabel('Input scaling');
    expect(await optionTexts(training)).toEqual(['none: the generated values as they are', 'standardise per feature']);
    const perRun = page.locator('fieldset.run-card').first().getByLabel('Input scaling');
    expect((await optionTexts(perRun)).join(' | ')).not.toMatch(/pixel|255/);

    await dataRegion(page).getByLabel('Dataset', { exact: true }).selectOption('fashion-mnist');
    expect(await optionTexts(training)).toEqual(['min-max: pixels to [0, 1]', 'standardise per channel', 'none: raw 0–255 pixels (the E2 pitfall)']);
    // The spiral's "as they are" is min-max for pixels, not the raw-pixel pitfall.
    expect(await training.inputValue()).toBe('minmax');
    expect(errors).toEqual([]);
  });

  it('says a dataset is cached in this browser after a reload, and loads it from there', async () => {
    const lab = await newLab();
    const config: ExperimentConfigInput = {
      name: 'cached',
      dataset: { name: 'fashion-mnist', subset: 320, validation: 'test', testSubset: 200 },
      architecture: 'dense',
      model: { hiddenUnits: [16], activation: 'relu' },
      training: { epochs: 1, batchSize: 32, scaling: 'minmax', seed: 1 },
      runs: [{ id: 'sgd', label: 'SGD', optimizer: { name: 'sgd' } }],
    };
    await openLab(lab, config);
    const { page, errors } = lab;
    const data = dataRegion(page);
    await data.getByText(/^Not loaded yet: it loads when the comparison starts\./).waitFor();
    await data.getByRole('button', { name: 'Load Fashion-MNIST now' }).click();
    await data.getByText('Ready: 60,000 training and 10,000 test samples (downloaded).').waitFor({ timeout: 120_000 });

    await page.reload();
    await page.getByRole('status', { name: 'Backend' }).getByTestId('backend-name').waitFor();
    await data.getByText(/^Cached in this browser: it loads from the cache, with no download, when the comparison starts\./).waitFor();
    await data.getByRole('button', { name: 'Load Fashion-MNIST now' }).click();
    await data.getByText('Ready: 60,000 training and 10,000 test samples (cached in this browser).').waitFor({ timeout: 120_000 });
    expect(errors).toEqual([]);
  });
});
