import { describe, expect, it } from 'vitest';
import { judge, rankTrials } from './objective';
import { trialOutcome, type TrialOutcome } from './outcome';
import type { RunResult } from '../training/types';

const of = (result: Partial<RunResult> & Pick<RunResult, 'status'>, loss = 0.5): TrialOutcome =>
  trialOutcome({ result: { runId: 'x', label: 'x', epochsCompleted: 1, trainSeconds: 1, ...result }, epochs: [{ runId: 'x', epoch: 1, steps: 5, loss, accuracy: 1 - loss, trainSeconds: 1, elapsedSeconds: 1 }], batchSize: 10 });

describe('judging a trial', () => {
  it('gives no value, never zero, to a diverged, failed or unfinished trial', () => {
    expect(judge(of({ status: 'diverged' }, Number.NaN), 'loss')).toEqual({ verdict: 'diverged' });
    expect(judge(trialOutcome({ epochs: [], batchSize: 10, failure: 'no memory' }), 'loss')).toEqual({ verdict: 'failed' });
    expect(judge(undefined, 'loss')).toEqual({ verdict: 'pending' });
    expect(judge(of({ status: 'completed', target: { outcome: 'not-reached', best: 0.8 } }), 'time-to-target')).toEqual({ verdict: 'not-reached' });
  });

  it('reads a diverged target as diverged, even when the epochs before had a finite loss', () => {
    expect(judge(of({ status: 'diverged', target: { outcome: 'diverged', step: 3 } }, 0.4), 'loss')).toEqual({ verdict: 'diverged' });
  });
});

describe('ranking trials', () => {
  it('ranks losses low first and accuracies high first', () => {
    const outcomes = { a: of({ status: 'completed' }, 0.3), b: of({ status: 'completed' }, 0.1), c: of({ status: 'completed' }, 0.2) };
    expect(rankTrials(['a', 'b', 'c'], outcomes, 'loss').map((r) => r.id)).toEqual(['b', 'c', 'a']);
    expect(rankTrials(['a', 'b', 'c'], outcomes, 'accuracy').map((r) => r.id)).toEqual(['b', 'c', 'a']);
    expect(rankTrials(['a', 'b', 'c'], outcomes, 'loss')[0]).toMatchObject({ rank: 1, best: true, value: 0.1 });
  });

  it('puts trials that missed the target after those that reached it, closest first', () => {
    const outcomes = {
      low: of({ status: 'completed', target: { outcome: 'not-reached', best: 0.5 } }),
      high: of({ status: 'completed', target: { outcome: 'not-reached', best: 0.9 } }),
      fast: of({ status: 'stopped-early', target: { outcome: 'reached', seconds: 2, step: 5, epoch: 1, value: 0.97 } }),
    };
    expect(rankTrials(['low', 'high', 'fast'], outcomes, 'time-to-target', 'max').map((r) => r.id)).toEqual(['fast', 'high', 'low']);
    expect(rankTrials(['low', 'high', 'fast'], outcomes, 'time-to-target', 'min').map((r) => r.id)).toEqual(['fast', 'low', 'high']);
  });

  it('keeps the trials’ own order between equal values, and marks one best', () => {
    const outcomes = { a: of({ status: 'completed' }, 0.2), b: of({ status: 'completed' }, 0.2) };
    expect(rankTrials(['a', 'b'], outcomes, 'loss').map((r) => [r.id, r.best])).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });
});
