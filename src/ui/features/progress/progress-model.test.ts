import { describe, expect, it } from 'vitest';
import { runView } from '../../dev/fixtures';
import { comparisonFraction, etaSeconds, formatDuration, runProgress } from './progress-model';

const progress = { epoch: 2, epochs: 4, tick: 50, ticksPerEpoch: 100, elapsedSeconds: 30 };
const config = { dataset: { name: 'spiral' as const }, architecture: 'dense' as const, training: { epochs: 4, batchSize: 32 }, runs: [] };

describe('progress', () => {
  it('counts lock-step ticks within epochs', () => {
    expect(comparisonFraction(progress)).toBeCloseTo(1.5 / 4);
    expect(comparisonFraction(undefined)).toBe(0);
  });

  it('extrapolates the ETA from the rate so far', () => {
    expect(etaSeconds(progress)).toBeCloseTo(50);
    expect(etaSeconds({ ...progress, epoch: 1, tick: 0 })).toBeUndefined();
  });

  it('shows a running run at the comparison’s position with an ETA, a finished one at its end', () => {
    const running = runProgress(runView('a', { epochs: 1 }), { progress, status: 'running', config });
    expect(running).toMatchObject({ fraction: 0.375, text: 'epoch 2 of 4', active: true });
    expect(running.eta).toBeCloseTo(50);
    const diverged = runProgress(runView('b', { epochs: 1, result: { status: 'diverged', divergedAtStep: 17 } }), { progress, status: 'running', config });
    expect(diverged).toMatchObject({ fraction: 0.25, text: 'diverged at step 17', active: false });
    const paused = runProgress(runView('c', { epochs: 1 }), { progress, status: 'paused', config });
    expect(paused.eta).toBeUndefined();
    expect(paused.text).toContain('paused');
  });

  it('formats durations for people', () => {
    expect(formatDuration(45.2)).toBe('45 s');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(3720)).toBe('1 h 02 min');
    expect(formatDuration(Number.NaN)).toBe('–');
  });
});
