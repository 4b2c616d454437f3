/**
 * The backend the lab trains on: WebGL in the dedicated worker (through OffscreenCanvas),
 * which in headless Chromium is SwiftShader, a software renderer that counts as WebGL.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { backendBadge, comparisonPanel, useLabBrowser, openLab, startComparison, tinySpiral, waitUntilFinished } from './lab';

const newLab = useLabBrowser();


describe('the backend', () => {
  it('shows webgl, in the worker, on a software renderer in one line, and why on request', async () => {
    const lab = await newLab();
    await openLab(lab);
    const badge = backendBadge(lab.page);
    expect(await badge.getByTestId('backend-name').textContent()).toBe('webgl');
    const line = badge.locator('summary');
    expect(await badge.innerText()).toBe('webgl · worker · software renderer');
    expect((await line.boundingBox())!.height).toBeLessThan(30);
    const reason = badge.getByText(/WebGL 2 in the worker through OffscreenCanvas \(.+\)/);
    expect(await reason.isVisible()).toBe(false);
    await line.click();
    await reason.waitFor();
    expect(await badge.innerText()).toContain('in a worker');
    expect(lab.errors).toEqual([]);
  });

  it('is recorded with the comparison that trained on it', async () => {
    const lab = await newLab();
    const { page, errors } = lab;
    const config = tinySpiral('backend on record', { training: { epochs: 1, batchSize: 32, scaling: 'none' } });
    await openLab(lab, { ...config, runs: config.runs.slice(0, 1) });
    await startComparison(page);
    await waitUntilFinished(page, 'backend on record');
    expect(await comparisonPanel(page, 'backend on record').textContent()).toMatch(/trained on webgl \(float(32|16)\)/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const document = JSON.parse(await readFile(await download.path(), 'utf8')) as { comparison: { backend?: { name: string; inWorker: boolean; reason: string } } };
    expect(document.comparison.backend).toMatchObject({ name: 'webgl', inWorker: true, reason: expect.stringContaining('in the worker') });
    expect(errors).toEqual([]);
  });
});
