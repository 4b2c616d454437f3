/**
 * The browser half of `npm run bench:sweep -- --browser`: the same sweeps through the
 * whole lab in headless Chromium (WebGL through SwiftShader here; `--gpu` for a real
 * GPU), driven like a person would: the sweep in the URL, Start sweep, wait for
 * "Finished". Each group is a saved comparison (worker, protocol, store, IndexedDB,
 * charts), so this is what a student gets. Fashion-MNIST is downloaded (and cached)
 * before any measurement.
 */
import type { SweepConfigInput } from '../engine/sweeps/sweep-config';
import { configToHash } from '../ui/features/url-state/url-config';
import { sweepToHash } from '../ui/features/url-state/sweep-url';
import { launchChromium } from './chromium';
import { serveLab } from './serve-lab';

const TIMEOUT_MS = 600_000;

export async function benchSweepsInBrowser(options: {
  readonly quick: boolean;
  readonly sweeps: (groupSize: number) => Record<'prod' | 'fashion-mnist', SweepConfigInput>;
  readonly groupSizes: readonly number[];
}): Promise<void> {
  const gpu = process.argv.includes('--gpu');
  const lab = await serveLab({});
  const browser = await launchChromium(gpu ? 'gpu' : 'swiftshader');
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const fashion = options.sweeps(1)['fashion-mnist'].base as never;
    await page.goto(`${lab.url}${configToHash(fashion)}`);
    const badge = page.getByRole('status', { name: 'Backend' });
    await badge.getByTestId('backend-name').waitFor({ timeout: 60_000 });
    const backend = (await badge.getByTestId('backend-name').textContent()) ?? '?';
    console.log(`\nIn the browser: ${(await badge.locator('.backend-reason').textContent()) ?? ''}`);
    await page.getByRole('button', { name: 'Load Fashion-MNIST now' }).click();
    await page.getByText(/^Ready: 60,000 training/).waitFor({ timeout: TIMEOUT_MS });

    const rows = [];
    let count = 0;
    for (const dataset of ['prod', 'fashion-mnist'] as const) {
      for (const groupSize of options.groupSizes) {
        const config = { ...options.sweeps(groupSize)[dataset], name: `${options.sweeps(groupSize)[dataset].name} #${++count}` };
        await page.evaluate((hash) => (window.location.hash = hash), sweepToHash(config));
        const nameField = page.getByLabel('Sweep name', { exact: true });
        await nameField.waitFor();
        await page.waitForFunction(([element, expected]) => (element as HTMLInputElement).value === expected, [await nameField.elementHandle(), config.name] as const);
        const start = page.getByRole('button', { name: 'Start sweep' });
        await start.waitFor();
        const began = Date.now();
        await start.click();
        // A plain DOM query twice a second: Playwright's role locators would cost the page main-thread time.
        await page.waitForFunction(
          (name) => {
            const section = [...document.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent === name);
            return /^(Finished|Failed|Stopped)/.test(section?.querySelector('[role="status"]')?.textContent ?? '');
          },
          config.name,
          { polling: 500, timeout: TIMEOUT_MS },
        );
        const seconds = (Date.now() - began) / 1000;
        const status = await page.getByRole('region', { name: config.name, exact: true }).getByRole('status').textContent();
        if (!status?.startsWith('Finished')) throw new Error(`${config.name} ended: ${status}`);
        rows.push({ dataset, backend, 'group size': groupSize, runs: 8, seconds: seconds.toFixed(1), 'runs per minute': ((8 / seconds) * 60).toFixed(1) });
      }
    }
    console.log('Sweep throughput in the browser, the whole lab (each group a saved comparison), start to "Finished" (±0.5 s)');
    console.table(rows);
    if (errors.length > 0) console.log(`page errors: ${errors.join(' | ')}`);
  } finally {
    await browser.close();
    await lab.close();
  }
}
