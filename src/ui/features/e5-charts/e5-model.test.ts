import { describe, expect, it } from 'vitest';
import { runView } from '../../dev/fixtures';
import { resultRows } from '../results/results-model';
import { runBars } from './e5-model';

describe('runBars', () => {
  it('gives each run with epochs its time, test accuracy and best validation accuracy', () => {
    const rows = resultRows([
      runView('a', { epochs: 2, result: { trainSeconds: 30, test: { loss: 0.4, accuracy: 0.9 } } }),
      runView('b'),
      runView('c', { epochs: 1, result: { status: 'diverged', trainSeconds: 3, test: { loss: Number.NaN } } }),
    ]);
    const { bars, metric } = runBars(rows);
    expect(metric).toBe('accuracy');
    expect(bars).toEqual([
      { label: 'a', runIndex: 0, seconds: 30, test: 0.9, validation: expect.closeTo(0.7, 10) },
      { label: 'c', runIndex: 2, seconds: 3, test: undefined, validation: expect.closeTo(0.4, 10) },
    ]);
  });
});
