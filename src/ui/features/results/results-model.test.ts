import { describe, expect, it } from 'vitest';
import { epochRecord, runView } from '../../dev/fixtures';
import type { TestedWeights } from '../../../engine/training/types';
import { bestRun, resultRow, resultRows, weightsNotes } from './results-model';

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
  const finished = (id: string, valAccuracy: number, test: number) => ({
    ...runView(id, { result: { test: { loss: 1, accuracy: test } } }),
    epochs: [epochRecord(id, 1, { valAccuracy: 0.5 }), epochRecord(id, 2, { valAccuracy })],
  });

  it('judges on one criterion, the same while training and after: by default the last validation accuracy', () => {
    // a has the better validation accuracy, b the better test accuracy.
    const rows = resultRows([finished('a', 0.9, 0.8), finished('b', 0.85, 0.88)]);
    expect(bestRun(rows)).toEqual({ runId: 'a', criterion: 'val-accuracy' });
    const training = resultRows([finished('a', 0.9, 0.8), finished('b', 0.85, 0.88)].map(({ result: _r, ...run }) => run));
    expect(bestRun(training)).toEqual({ runId: 'a', criterion: 'val-accuracy' });
  });

  it('judges on the criterion asked for, never a diverged run, leaving out runs without the value', () => {
    const rows = resultRows([
      finished('a', 0.9, 0.8),
      finished('b', 0.85, 0.88),
      runView('c', { epochs: 2, result: { status: 'diverged', test: { loss: Number.NaN, accuracy: 0.95 } } }),
      runView('d', { epochs: 2 }),
    ]);
    expect(bestRun(rows, 'test-accuracy')).toEqual({ runId: 'b', criterion: 'test-accuracy' });
    expect(bestRun(rows.filter((row) => row.testAccuracy === undefined), 'test-accuracy')).toBeUndefined();
  });

  it('for regression (no accuracy), judges on the last validation loss by default', () => {
    const regression = (id: string, valLoss: number) => ({
      ...runView(id),
      epochs: [epochRecord(id, 1, { accuracy: undefined, valAccuracy: undefined, valLoss })],
    });
    expect(bestRun(resultRows([regression('a', 0.5), regression('b', 0.2)]))).toEqual({ runId: 'b', criterion: 'val-loss' });
  });

  it('asked for no criterion (a panel starting on the best run), tries the default, then the others the rows allow', () => {
    const rows = resultRows([runView('a', { result: { test: { loss: 40 } } }), runView('b', { result: { test: { loss: 25 } } })]);
    expect(bestRun(rows)).toEqual({ runId: 'b', criterion: 'test-loss' });
    expect(bestRun(rows, 'train-loss')).toBeUndefined();
  });

  it('has no best run without numbers', () => {
    expect(bestRun(resultRows([runView('a')]))).toBeUndefined();
  });
});

describe('weightsNotes', () => {
  const run = (weights: TestedWeights) => ({
    ...runView('s', { result: { status: 'stopped', test: { loss: 1, accuracy: 0.227, weights } } }),
    epochs: [epochRecord('s', 1), epochRecord('s', 2, { steps: 120 })],
  });

  it('says where each number comes from when test and validation saw different weights', () => {
    expect(weightsNotes(resultRow(run({ step: 140, epoch: 3, epochEnd: false }), 0))).toEqual({
      test: 'test: at stop, epoch 3, step 140',
      validation: 'validation: end of epoch 2 (step 120)',
    });
    expect(weightsNotes(resultRow(run({ step: 60, epoch: 1, epochEnd: true, restoredBest: true }), 0))?.test).toBe('test: weights of epoch 1 (best, restored)');
  });

  it('says nothing when both come from the last epoch’s weights, or when a saved result cannot say', () => {
    expect(weightsNotes(resultRow(run({ step: 120, epoch: 2, epochEnd: true }), 0))).toBeUndefined();
    expect(weightsNotes(resultRow(runView('old', { epochs: 2, result: { test: { loss: 1 } } }), 0))).toBeUndefined();
  });
});
