import { describe, expect, it } from 'vitest';
import { epochRecord, runView } from '../../dev/fixtures';
import { bestRun, resultRow, resultRows } from './results-model';

describe('resultRow', () => {
  it('reads final and best validation accuracy, the epoch of best, test metrics and time', () => {
    const run = {
      ...runView('a', { result: { test: { loss: 0.3, accuracy: 0.88 }, trainSeconds: 12 } }),
      epochs: [
        epochRecord('a', 1, { valAccuracy: 0.7 }),
        epochRecord('a', 2, { valAccuracy: 0.9 }),
        epochRecord('a', 3, { valAccuracy: 0.85, loss: 0.2 }),
      ],
    };
    const row = resultRow(run, 0);
    expect(row).toMatchObject({
      finalValAccuracy: 0.85,
      bestValAccuracy: 0.9,
      bestEpoch: 2,
      testAccuracy: 0.88,
      testLoss: 0.3,
      finalLoss: 0.2,
      seconds: 12,
      status: 'completed',
      diverged: false,
    });
  });

  it('prefers the engine’s best epoch (early stopping) and marks divergence', () => {
    const row = resultRow(runView('d', { epochs: 3, result: { status: 'diverged', divergedAtStep: 42, bestEpoch: 1 } }), 1);
    expect(row.bestEpoch).toBe(1);
    expect(row.diverged).toBe(true);
    expect(row.divergedAtStep).toBe(42);
  });

  it('without accuracy (a VAE), reads the best loss: validation if there is one, else training', () => {
    const epochs = [epochRecord('v', 1, { loss: 40, valLoss: 38 }), epochRecord('v', 2, { loss: 30, valLoss: 31 }), epochRecord('v', 3, { loss: 25, valLoss: 33 })].map(
      ({ accuracy: _a, valAccuracy: _v, ...record }) => record,
    );
    expect(resultRow({ ...runView('v'), epochs }, 0)).toMatchObject({ bestLoss: 31, bestEpoch: 2, finalLoss: 25, finalValLoss: 33 });
    const trainOnly = epochs.map(({ valLoss: _l, ...record }) => record);
    expect(resultRow({ ...runView('v'), epochs: trainOnly }, 0)).toMatchObject({ bestLoss: 25, bestEpoch: 3 });
    expect(resultRow(runView('c', { epochs: 2 }), 0).bestLoss).toBeUndefined();
  });

  it('says running or waiting before a result', () => {
    expect(resultRow(runView('r', { epochs: 1 }), 0).status).toBe('running');
    expect(resultRow(runView('w'), 0).status).toBe('waiting');
  });
});

describe('bestRun', () => {
  it('picks the highest test accuracy, never a diverged run', () => {
    const rows = resultRows([
      runView('a', { epochs: 2, result: { test: { loss: 1, accuracy: 0.8 } } }),
      runView('b', { epochs: 2, result: { test: { loss: 1, accuracy: 0.9 } } }),
      runView('c', { epochs: 2, result: { status: 'diverged', test: { loss: Number.NaN, accuracy: 0.95 } } }),
    ]);
    expect(bestRun(rows)).toEqual({ runId: 'b', criterion: 'test accuracy' });
  });

  it('falls back to validation accuracy while training, and to loss for regression', () => {
    expect(bestRun(resultRows([runView('a', { epochs: 1 }), runView('b', { epochs: 3 })]))).toEqual({
      runId: 'b',
      criterion: 'validation accuracy',
    });
    const regression = (id: string, valLoss: number) => ({
      ...runView(id),
      epochs: [epochRecord(id, 1, { accuracy: undefined, valAccuracy: undefined, valLoss })],
    });
    expect(bestRun(resultRows([regression('a', 0.5), regression('b', 0.2)]))).toEqual({ runId: 'b', criterion: 'validation loss' });
  });

  it('has no best run without numbers', () => {
    expect(bestRun(resultRows([runView('a')]))).toBeUndefined();
  });
});
