/**
 * The quick demos in a real browser: loaded from the preset picker, started, watched,
 * finished. The synthetic one runs exactly as a first visit gets it (it is sized to end
 * within half a minute on SwiftShader); the Fashion-MNIST one is trimmed in the form.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  TRAINING_TIMEOUT_MS,
  comparisonPanel,
  resultsText,
  epochChartDots,
  useLabBrowser,
  openLab,
  progressValue,
  recordOnScreen,
  recorded,
  startComparison,
  waitUntilFinished,
} from './lab';

const FASHION_MNIST_CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
const RUNS = ['SGD', 'RMSprop', 'Adam'];
const SYNTHETIC_EPOCHS = 8;

const newLab = useLabBrowser();

async function loadPreset(page: Page, key: string): Promise<void> {
  await page.getByLabel('Preset').selectOption(key);
  await page.getByRole('button', { name: 'Load preset' }).click();
}

async function fill(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(value);
}

/** Per run, its test accuracy in percent, from the results table's rows as text (cells tab-separated). */
function testAccuracies(rows: readonly string[]): Record<string, number> {
  const [header, ...runs] = rows.map((row) => row.split('\t').map((cell) => cell.trim()));
  const column = header!.indexOf('Test accuracy');
  expect(column, `a "Test accuracy" column in ${header!.join(' | ')}`).toBeGreaterThan(0);
  return Object.fromEntries(
    runs.map((cells) => {
      const label = RUNS.find((run) => cells[0]!.startsWith(run)) ?? cells[0]!;
      const percent = /^([\d.]+)%$/.exec(cells[column]!);
      expect(percent, `a percentage for ${label}, found "${cells[column]}"`).not.toBeNull();
      return [label, Number(percent![1])];
    }),
  );
}

describe('the quick demos', () => {
  it('trains the synthetic quick demo as it comes: its curves grow epoch by epoch, the optimizers end clearly apart, and the 2x2 confusion matrix appears at the end', async () => {
    const lab = await newLab();
    const { page, errors } = lab;
    await recordOnScreen(page, 'epochDots', () => {
      const figure = document.querySelector('figure[aria-label="Loss per epoch"]');
      return figure ? figure.querySelectorAll('.recharts-dot').length : undefined;
    });
    await openLab(lab);
    await loadPreset(page, 'quick-demo-synthetic');
    await expect(page.getByLabel('Epochs', { exact: true }).inputValue()).resolves.toBe(String(SYNTHETIC_EPOCHS));
    await startComparison(page);
    await waitUntilFinished(page, 'quick-demo-synthetic');

    // One dot per run, line (training, validation) and epoch; seen growing while it trained.
    const history = await recorded<number>(page, 'epochDots');
    const final = RUNS.length * 2 * SYNTHETIC_EPOCHS;
    expect(await epochChartDots(page).count()).toBe(final);
    expect(history.at(-1)).toBe(final);
    expect(history.filter((count) => count > 0 && count < final).length).toBeGreaterThanOrEqual(2);
    expect(history).toEqual([...history].sort((a, b) => a - b));

    for (const run of RUNS) {
      expect(await progressValue(page.getByRole('progressbar', { name: `Progress of ${run}` }))).toBe(1);
    }
    const matrix = page.getByRole('region', { name: 'Confusion matrix' });
    await matrix.getByRole('img', { name: /^Confusion matrix: \w+, test accuracy \d/ }).waitFor();
    expect(await matrix.locator('svg title').count()).toBe(4);
    expect(await matrix.getByRole('img').textContent()).toContain('arm 1');

    // The point of the demo: the update rules end far apart, as the results table reads.
    const accuracies = testAccuracies(await resultsText(page));
    expect(Object.keys(accuracies).sort()).toEqual([...RUNS].sort());
    const values = Object.values(accuracies);
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThanOrEqual(10);
    expect(errors).toEqual([]);
  });

  it('trains on Fashion-MNIST downloaded through the same-origin route, with a progress bar, and shows a 10x10 confusion matrix with class names', async () => {
    const lab = await newLab();
    const { page, errors } = lab;
    await recordOnScreen(page, 'download', () => {
      const bar = document.querySelector('progress[aria-label="Loading Fashion-MNIST"]');
      return bar ? { value: (bar as HTMLProgressElement).value, text: bar.parentElement?.textContent ?? '' } : undefined;
    });
    await openLab(lab);
    await loadPreset(page, 'quick-demo');
    await fill(page, 'Epochs', '1');
    await fill(page, 'Training subset', '320');
    await fill(page, 'Test subset', '200');
    // Loaded from the setup, where its progress shows: once a comparison starts, the setup folds away.
    // By keyboard: a click right after typing misses (mousedown blurs the field, its help text
    // hides, and the button moves up before mouseup: a layout bug of the config panel's CSS).
    await page.getByRole('button', { name: 'Load Fashion-MNIST now' }).press('Enter');

    const status = page.getByText(/^Ready: 60,000 training and 10,000 test samples \(downloaded\)\.$/);
    await status.waitFor({ timeout: TRAINING_TIMEOUT_MS });
    const download = await recorded<{ value: number; text: string }>(page, 'download');
    expect(download.some((seen) => /: [\d.]+ MB of [\d.]+ MB \(\d+%\)$/.test(seen.text))).toBe(true);
    expect(download.at(-1)?.value).toBe(100);

    await startComparison(page);
    await waitUntilFinished(page, 'quick-demo');
    await expect(comparisonPanel(page, 'quick-demo').textContent()).resolves.toContain('fashion-mnist, fcnn');
    for (const run of RUNS) {
      expect(await progressValue(page.getByRole('progressbar', { name: `Progress of ${run}` }))).toBe(1);
    }
    const matrix = page.getByRole('region', { name: 'Confusion matrix' });
    const heatmap = matrix.getByRole('img', { name: /^Confusion matrix: \w+, test accuracy \d/ });
    await heatmap.waitFor();
    expect(await matrix.locator('svg title').count()).toBe(100);
    const text = (await heatmap.textContent()) ?? '';
    for (const name of FASHION_MNIST_CLASSES) expect(text).toContain(name);
    expect(await matrix.textContent()).toMatch(/Test accuracy [\d.]+% on 200 samples/);
    expect(errors).toEqual([]);
  });
});
