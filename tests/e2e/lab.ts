/**
 * Shared steps of the browser tests: a fresh context per test (so IndexedDB and the
 * Cache API start empty), the lab opened with a setup in its URL, and waits that poll
 * the page instead of sleeping.
 */
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { ExperimentConfigInput } from '../../src/engine/experiment/config';
import type { SweepConfigInput } from '../../src/engine/sweeps/sweep-config';
import { configToHash } from '../../src/ui/features/url-state/url-config';
import { sweepToHash } from '../../src/ui/features/url-state/sweep-url';
import { launchBrowser, watchErrors } from './browser';

/** Generous: SwiftShader on a 2-core machine is slow, and a test waits only as long as it must. */
export const TRAINING_TIMEOUT_MS = 120_000;

export interface LabPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught page errors, for `expect(errors).toEqual([])` at the end. */
  readonly errors: string[];
}

/** The lab's URL, with a setup in `#config=` when given. */
export function labUrl(config?: ExperimentConfigInput): string {
  return `${inject('labUrl')}${config ? configToHash(config) : ''}`;
}

/** A new browser context (empty storage) with one page, watched for errors. */
export async function newLabContext(browser: Browser): Promise<LabPage> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

/**
 * One browser for the test file that calls it (launched before its tests, closed after
 * them), and a fresh context for each call of the function it returns: every context a
 * test opened is closed after that test.
 */
export function useLabBrowser(): () => Promise<LabPage> {
  let browser: Browser | undefined;
  const opened: LabPage[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((lab) => lab.context.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async () => {
    if (!browser) throw new Error('No browser: call useLabBrowser() at the top level of the test file, and open labs inside tests.');
    const lab = await newLabContext(browser);
    opened.push(lab);
    return lab;
  };
}

/** Opens the lab (with `config` in its URL) and waits until the training side has said which backend it uses. */
export async function openLab(lab: LabPage, config?: ExperimentConfigInput): Promise<void> {
  await lab.page.goto(labUrl(config));
  await backendBadge(lab.page).getByTestId('backend-name').waitFor();
}

/** Opens the lab on its Sweep tab with `sweep` in the builder (from `#sweep=`), once the backend is known. */
export async function openSweepLab(lab: LabPage, sweep: SweepConfigInput): Promise<void> {
  await lab.page.goto(`${inject('labUrl')}${sweepToHash(sweep)}`);
  await backendBadge(lab.page).getByTestId('backend-name').waitFor();
}

export function backendBadge(page: Page): Locator {
  return page.getByRole('status', { name: 'Backend' });
}

/** The comparison on screen: its panel is a region named by its heading, the comparison's name. */
export function comparisonPanel(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

export function comparisonStatus(page: Page, name: string): Locator {
  return comparisonPanel(page, name).getByRole('status');
}

export async function startComparison(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start comparison' }).click();
}

/** Waits for the comparison's status to read "Finished", and for the charts and tables to show it. */
export async function waitUntilFinished(page: Page, name: string): Promise<void> {
  await comparisonStatus(page, name).filter({ hasText: /^Finished/ }).waitFor({ timeout: TRAINING_TIMEOUT_MS });
  await waitForChartsToCatchUp(page);
}

/**
 * Charts and tables render a moment after the progress panel (throttled, in a
 * transition) and say so with aria-busy: waits until nothing on the page is busy.
 */
export async function waitForChartsToCatchUp(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null, undefined, { timeout: 10_000 });
}

export function resultsTable(page: Page): Locator {
  return page.getByRole('region', { name: 'Results' }).getByRole('table');
}

/** The results table's row of one run: its row header is the label, then maybe a ★ best or ⚠ diverged mark. */
export function resultRow(page: Page, label: string): Locator {
  return resultsTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${escapeRegExp(label)}( [★⚠].*)?$`) }) });
}

/** The results table as text, row by row: what a person reads, for before/after comparisons. */
export async function resultsText(page: Page): Promise<string[]> {
  return resultsTable(page).getByRole('row').allInnerTexts();
}

/** A <progress> element's value. */
export function progressValue(bar: Locator): Promise<number> {
  return bar.evaluate((element) => (element as HTMLProgressElement).value);
}

/** Points drawn on the "Loss per epoch" chart (one dot per run, line and epoch while there are at most 40). */
export function epochChartDots(page: Page): Locator {
  return page.getByRole('figure', { name: 'Loss per epoch', exact: true }).locator('.recharts-dot');
}

/**
 * Records, from before the page's first script runs, every distinct value `probe`
 * returns as the DOM changes (a MutationObserver over the whole document): a history
 * of what was on screen, that no polling interval can miss. Read it with `recorded`.
 * `probe` runs in the page: it must not use anything from this module's scope.
 */
export async function recordOnScreen<T>(page: Page, key: string, probe: () => T): Promise<void> {
  await page.addInitScript(
    ({ key: name, source }) => {
      const read = new Function(`return (${source})`)() as () => unknown;
      const store = ((window as unknown as { __recorded?: Record<string, unknown[]> }).__recorded ??= {});
      const values: unknown[] = (store[name] = []);
      let last = 'undefined';
      const take = () => {
        const value = read();
        const text = JSON.stringify(value);
        if (value === undefined || value === null || text === last) return;
        last = text;
        values.push(value);
      };
      new MutationObserver(take).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    },
    { key, source: probe.toString() },
  );
}

export async function recorded<T>(page: Page, key: string): Promise<T[]> {
  return page.evaluate((name) => ((window as unknown as { __recorded?: Record<string, unknown[]> }).__recorded?.[name] ?? []) as T[], key);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A tiny comparison on the generated spiral (no download): 2-16-2 relu net, 240
 * training points in batches of 32 (8 lock-step ticks per epoch), validated on 60.
 */
export function tinySpiral(name: string, overrides: Partial<ExperimentConfigInput> = {}): ExperimentConfigInput {
  return {
    name,
    dataset: { name: 'spiral', count: 300, validation: 0.2 },
    architecture: 'dense',
    model: { hiddenUnits: [16], activation: 'relu' },
    training: { epochs: 2, batchSize: 32, scaling: 'none', seed: 1, lossReadEvery: 4 },
    runs: [
      { id: 'sgd', label: 'SGD', optimizer: { name: 'sgd' } },
      { id: 'adam', label: 'Adam', optimizer: { name: 'adam' } },
    ],
    ...overrides,
  };
}

/**
 * A spiral comparison long enough never to finish by itself (100 epochs of 40 steps:
 * minutes), for tests that pause, stop or reload it; one loss read-back per epoch, so
 * few records and a page quick to answer.
 */
export function endlessSpiral(name: string, overrides: Partial<ExperimentConfigInput> = {}): ExperimentConfigInput {
  return tinySpiral(name, {
    dataset: { name: 'spiral', count: 1600, validation: 0.2 },
    training: { epochs: 100, batchSize: 32, scaling: 'none', seed: 1, lossReadEvery: 40 },
    ...overrides,
  });
}
