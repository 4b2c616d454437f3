/**
 * Time and progress (issue 14, item 7) as a person sees them: on FCNN, where one lock-step
 * tick of two runs takes a good part of a second on SwiftShader, the bar moves within the
 * first epoch, the status names the phase (evaluating during the final test) and the
 * samples a second, and "Finished · X" is the wall time from the click on Start.
 */
import { describe, expect, it } from 'vitest';
import type { ExperimentConfigInput } from '../../src/engine/experiment/config';
import { TRAINING_TIMEOUT_MS, comparisonStatus, openLab, recordOnScreen, recorded, startComparison, useLabBrowser } from './lab';

const newLab = useLabBrowser();

// 800 training images in batches of 100: 8 ticks an epoch, and a loss read-back every 10
// ticks, so a bar that moved only at read-backs would stand still until the epoch's end.
const config: ExperimentConfigInput = {
  name: 'progress-fcnn',
  dataset: { name: 'fashion-mnist', subset: 800, testSubset: 1000 },
  architecture: 'fcnn',
  training: { epochs: 1, batchSize: 100, scaling: 'minmax', seed: 1, lossReadEvery: 10 },
  runs: [
    { id: 'sgd', label: 'SGD', optimizer: { name: 'sgd' } },
    { id: 'adam', label: 'Adam', optimizer: { name: 'adam' } },
  ],
};

interface Seen {
  readonly status: string;
  readonly bar: number;
}

/** "45 s", "3 min 05 s" back to seconds; undefined for anything else. */
function seconds(text: string): number | undefined {
  const match = /^(?:(\d+) min )?(\d+) s$/.exec(text);
  return match ? Number(match[1] ?? 0) * 60 + Number(match[2]) : undefined;
}

describe('time and progress', () => {
  it('moves per batch, names the phase and the rate, and finishes with the wall time', async () => {
    const lab = await newLab();
    const { page, errors } = lab;
    await recordOnScreen(page, 'progress', () => {
      const panel = document.querySelector('section[aria-labelledby="comparison-heading"]');
      const status = panel?.querySelector('[role="status"]')?.textContent;
      // The run's bar sits in the run list beside the charts.
      const bar = document.querySelector('progress[aria-label="Progress of SGD"]') as HTMLProgressElement | null;
      return status && bar ? { status, bar: bar.value } : undefined;
    });
    // When "Finished" first shows, by the page's clock.
    await recordOnScreen(page, 'finishedAt', () => {
      const status = document.querySelector('section[aria-labelledby="comparison-heading"] [role="status"]')?.textContent;
      return status?.startsWith('Finished') ? Date.now() : undefined;
    });
    await openLab(lab, config);
    const clickedAt = await page.evaluate(() => Date.now());
    await startComparison(page);
    const finished = comparisonStatus(page, 'progress-fcnn').filter({ hasText: /^Finished/ });
    // The download, eight ticks of two FCNN runs and their test: minutes on a busy machine.
    await finished.waitFor({ timeout: 2 * TRAINING_TIMEOUT_MS });

    const seen = await recorded<Seen>(page, 'progress');
    const training = seen.filter((s) => s.status.startsWith('Training'));
    // Within the (only) epoch, before its end: several positions.
    const firstEpoch = new Set(training.filter((s) => s.status.includes('epoch 1 of 1') && s.bar > 0).map((s) => s.bar));
    expect(firstEpoch.size).toBeGreaterThanOrEqual(3);
    expect(training.some((s) => / · [\d.]+k? samples\/s · /.test(s.status))).toBe(true);
    // The final test is a phase of its own, the last before the end, and not at 100% while it runs.
    const beforeEnd = seen.filter((s) => !s.status.startsWith('Finished')).at(-1)!;
    expect(beforeEnd.status).toMatch(/^Evaluating · epoch 1 of 1 · \d+% · /);
    expect(Number(/ (\d+)% /.exec(beforeEnd.status)![1])).toBeLessThan(100);

    const finishedAt = (await recorded<number>(page, 'finishedAt'))[0]!;
    const measured = (finishedAt - clickedAt) / 1000;
    const text = (await finished.textContent()) ?? '';
    const shown = seconds(text.replace(/^Finished · /, ''));
    expect(shown, `"${text}" after ${measured.toFixed(1)} s`).toBeDefined();
    expect(Math.abs(shown! - measured), `"${text}" after ${measured.toFixed(1)} s`).toBeLessThanOrEqual(2);
    expect(errors).toEqual([]);
  });
});
