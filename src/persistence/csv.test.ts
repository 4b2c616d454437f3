import { describe, expect, it } from 'vitest';
import { cell, comparisonToCsv } from './csv';
import { makeComparison } from './test-fixtures';

describe('comparisonToCsv', () => {
  const comparison = makeComparison({
    epochs: [
      { runId: 'adam', epoch: 1, steps: 2, loss: 0.5, accuracy: 0.75, trainSeconds: 0.25, elapsedSeconds: 1.5 },
      { runId: 'sgd', epoch: 1, steps: 2, loss: 0.25, accuracy: 0.5, valLoss: 0.3, valAccuracy: 0.45, trainSeconds: 0.125, elapsedSeconds: 1.5 },
      { runId: 'adam', epoch: 2, steps: 2, loss: Number.NaN, trainSeconds: 0.25, elapsedSeconds: 3 },
    ],
    batches: [
      { runId: 'adam', epoch: 1, step: 1, loss: 0.9 },
      { runId: 'sgd', epoch: 1, step: 2, loss: Number.POSITIVE_INFINITY },
      { runId: 'sgd', epoch: 1, step: 1, loss: 1e-7 },
    ],
  });

  it('writes one row per run per epoch, runs in config order, missing values empty, labels quoted', () => {
    expect(comparisonToCsv(comparison).epochs).toBe(
      'run_id,run_label,epoch,loss,accuracy,val_loss,val_accuracy,train_seconds,elapsed_seconds\r\n' +
        'sgd,"SGD, lr ""0.01""",1,0.25,0.5,0.3,0.45,0.125,1.5\r\n' +
        'adam,Adam,1,0.5,0.75,,,0.25,1.5\r\n' +
        'adam,Adam,2,NaN,,,,0.25,3\r\n',
    );
  });

  it('writes one row per run per step for the batch losses', () => {
    expect(comparisonToCsv(comparison).batches).toBe(
      'run_id,run_label,epoch,step,loss\r\n' +
        'sgd,"SGD, lr ""0.01""",1,1,1e-7\r\n' +
        'sgd,"SGD, lr ""0.01""",1,2,Infinity\r\n' +
        'adam,Adam,1,1,0.9\r\n',
    );
  });

  it('adds the loss parts of a generative comparison after val_accuracy', () => {
    const vae = makeComparison({
      epochs: [{ runId: 'adam', epoch: 1, steps: 2, loss: 30, valLoss: 28, reconstruction: 25, kl: 5, valReconstruction: 24, valKl: 4, trainSeconds: 1, elapsedSeconds: 2 }],
    });
    expect(comparisonToCsv(vae).epochs).toBe(
      'run_id,run_label,epoch,loss,accuracy,val_loss,val_accuracy,reconstruction,kl,val_reconstruction,val_kl,train_seconds,elapsed_seconds\r\n' +
        'adam,Adam,1,30,,28,,25,5,24,4,1,2\r\n',
    );
  });

  it('writes only the header for a comparison without records', () => {
    expect(comparisonToCsv(makeComparison())).toEqual({
      epochs: 'run_id,run_label,epoch,loss,accuracy,val_loss,val_accuracy,train_seconds,elapsed_seconds\r\n',
      batches: 'run_id,run_label,epoch,step,loss\r\n',
    });
  });

  it('quotes a field with a comma, a quote or a line break, and only those', () => {
    expect(cell('plain')).toBe('plain');
    expect(cell('a,b')).toBe('"a,b"');
    expect(cell('say "hi"')).toBe('"say ""hi"""');
    expect(cell('two\nlines')).toBe('"two\nlines"');
    expect(cell(undefined)).toBe('');
    expect(cell(-0.5)).toBe('-0.5');
  });
});
