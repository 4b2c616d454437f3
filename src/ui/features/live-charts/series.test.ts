import { describe, expect, it } from 'vitest';
import { epochRecord, progressAt, runView } from '../../dev/fixtures';
import { batchLossLines, batchXMapper, epochLines, hasMetric, lineKey, stepToTime, toRows } from './series';

describe('epochLines', () => {
  const runs = [runView('a', { epochs: 3 }), runView('b', { epochs: 2 })];

  it('gives each run its training (faint) and validation (main) metric per epoch', () => {
    const [a, b] = epochLines(runs, 'accuracy', { xMode: 'epoch', logY: false });
    expect(a!.runId).toBe('a');
    expect(a!.faint.map((p) => p.x)).toEqual([1, 2, 3]);
    expect(a!.faint[0]!.y).toBeCloseTo(0.5);
    expect(a!.main[0]!.y).toBeCloseTo(0.4);
    expect(b!.main).toHaveLength(2);
  });

  it('puts epochs on the step or wall-clock axis', () => {
    expect(epochLines(runs, 'loss', { xMode: 'step', logY: false })[0]!.main.map((p) => p.x)).toEqual([10, 20, 30]);
    expect(epochLines(runs, 'loss', { xMode: 'time', logY: false })[0]!.main.map((p) => p.x)).toEqual([2, 4, 6]);
  });

  it('skips missing and non-finite values, and non-positive ones on a log axis', () => {
    const run = {
      ...runView('c'),
      epochs: [epochRecord('c', 1, { valLoss: undefined }), epochRecord('c', 2, { loss: Number.NaN }), epochRecord('c', 3, { loss: 0 })],
    };
    const [line] = epochLines([run], 'loss', { xMode: 'epoch', logY: true });
    expect(line!.faint).toEqual([{ x: 1, y: 1 }]);
    expect(line!.main.map((p) => p.x)).toEqual([2, 3]);
  });

  it('gives a generative run’s loss parts, training and validation, and knows a classifier has none', () => {
    const vae = { ...runView('v'), epochs: [epochRecord('v', 1, { accuracy: undefined, valAccuracy: undefined, reconstruction: 30, kl: 4, valReconstruction: 28, valKl: 5 })] };
    expect(epochLines([vae], 'reconstruction', { xMode: 'epoch', logY: false })[0]).toMatchObject({ faint: [{ x: 1, y: 30 }], main: [{ x: 1, y: 28 }] });
    expect(epochLines([vae], 'kl', { xMode: 'epoch', logY: false })[0]).toMatchObject({ faint: [{ x: 1, y: 4 }], main: [{ x: 1, y: 5 }] });
    expect(hasMetric([vae], 'kl')).toBe(true);
    expect(hasMetric(runs, 'kl')).toBe(false);
  });

  it('knows when a metric is absent (regression)', () => {
    const run = { ...runView('r'), epochs: [epochRecord('r', 1, { accuracy: undefined, valAccuracy: undefined })] };
    expect(hasMetric([run], 'accuracy')).toBe(false);
    expect(hasMetric([run], 'loss')).toBe(true);
  });
});

describe('batch x axis', () => {
  it('maps steps to fractional epochs with the run’s own steps per epoch', () => {
    const run = runView('a', { epochs: 1, steps: 15 });
    expect(batchXMapper(run, 'epoch')(15)).toBe(1.5);
    // before the first epoch ends, the lock-step ticks per epoch stand in
    const fresh = runView('b', { steps: 5 });
    const progress = progressAt({ epoch: 1, epochs: 3, tick: 5, ticksPerEpoch: 20, elapsedSeconds: 1 });
    expect(batchXMapper(fresh, 'epoch', progress)(5)).toBe(0.25);
  });

  it('interpolates wall-clock time between epoch ends and the latest progress', () => {
    const run = runView('a', { epochs: 2, steps: 30 }); // epoch ends: step 10 at 2 s, step 20 at 4 s
    const progress = progressAt({ epoch: 3, epochs: 3, tick: 10, ticksPerEpoch: 10, elapsedSeconds: 10 });
    const toTime = stepToTime(run, progress);
    expect(toTime(5)).toBeCloseTo(1);
    expect(toTime(15)).toBeCloseTo(3);
    expect(toTime(25)).toBeCloseTo(7);
    expect(toTime(99)).toBeCloseTo(10);
  });
});

describe('batchLossLines', () => {
  it('draws the raw loss and its bias-corrected moving average', () => {
    const run = { ...runView('a'), steps: [1, 2, 3], losses: [2, 2, 2] };
    const [line] = batchLossLines([run], { xMode: 'step', logY: false, smoothing: 0.9 });
    expect(line!.faint.map((p) => p.y)).toEqual([2, 2, 2]);
    line!.main.forEach((p) => expect(p.y).toBeCloseTo(2, 10));
  });

  it('decimates 10 runs x 10,000 points to the point budget', () => {
    const runs = Array.from({ length: 10 }, (_, i) => runView(`r${i}`, { steps: 10_000 }));
    const t0 = performance.now();
    const lines = batchLossLines(runs, { xMode: 'epoch', logY: true, smoothing: 0.6, maxPoints: 500 });
    expect(performance.now() - t0).toBeLessThan(250);
    for (const line of lines) {
      expect(line.faint).toHaveLength(500);
      expect(line.main).toHaveLength(500);
    }
  });
});

describe('toRows', () => {
  it('merges every line into rows by x, keyed by run index', () => {
    const rows = toRows([
      { runId: 'a.1', faint: [{ x: 1, y: 0.5 }], main: [{ x: 1, y: 0.4 }, { x: 2, y: 0.3 }] },
      { runId: 'b', faint: [], main: [{ x: 1.5, y: 0.9 }] },
    ]);
    expect(rows).toEqual([
      { x: 1, r0f: 0.5, r0m: 0.4 },
      { x: 1.5, r1m: 0.9 },
      { x: 2, r0m: 0.3 },
    ]);
    expect(lineKey(3, 'faint')).toBe('r3f');
  });
});
