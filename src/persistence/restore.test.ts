import { describe, expect, it } from 'vitest';
import { comparisonFromJson, comparisonToJson } from './document';
import { ImportError } from './errors';
import { migrations, restoreComparison, type Migration } from './restore';
import { encodeNonFinite } from './schema';
import { finishedComparison, makeComparison } from './test-fixtures';
import { STORED_COMPARISON_VERSION } from './types';

/** A stored comparison as JSON would carry it: plain data, non-finite numbers as tokens. */
function asJsonData(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value, encodeNonFinite)) as Record<string, unknown>;
}

function importErrorOf(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('restoreComparison', () => {
  it('returns a valid record unchanged, non-finite losses included', () => {
    const comparison = finishedComparison();
    expect(restoreComparison(comparison, 'comparison')).toEqual(comparison);
  });

  it('reads "NaN", "Infinity" and "-Infinity" back as numbers, only where a number belongs', () => {
    const data = asJsonData(finishedComparison({ name: 'NaN' }));
    expect((data.epochs as { loss: unknown }[])[3]!.loss).toBe('NaN');
    const restored = restoreComparison(data, 'comparison');
    expect(restored).toEqual(finishedComparison({ name: 'NaN' }));
    expect(restored.name).toBe('NaN');
    expect(restored.epochs[3]!.valLoss).toBe(Number.POSITIVE_INFINITY);
    expect(restored.batches.some((record) => record.loss === Number.NEGATIVE_INFINITY)).toBe(true);
  });

  it('names the field, what was expected and what was found for a wrong type deep inside', () => {
    const data = asJsonData(finishedComparison());
    (data.epochs as Record<string, unknown>[])[3]!.loss = 'low';
    const error = importErrorOf(() => restoreComparison(data, 'comparison'));
    expect(error.code).toBe('invalid-record');
    expect(error.where).toBe('comparison.epochs[3].loss');
    expect(error.expected).toContain('a number');
    expect(error.found).toBe('"low"');
    expect(error.message).toBe('comparison.epochs[3].loss: expected a number (or "NaN", "Infinity", "-Infinity"), found "low"');
  });

  it('reports a missing field as found nothing', () => {
    const data = asJsonData(finishedComparison());
    delete (data.results as Record<string, Record<string, unknown>>).sgd!.trainSeconds;
    const error = importErrorOf(() => restoreComparison(data, 'comparison'));
    expect(error.message).toBe('comparison.results.sgd.trainSeconds: expected a number, found nothing');
  });

  it('rejects an unknown field, naming it', () => {
    const data = asJsonData(finishedComparison());
    (data.batches as Record<string, unknown>[])[0]!.lr = 0.1;
    const error = importErrorOf(() => restoreComparison(data, 'comparison'));
    expect(error.where).toBe('comparison.batches[0].lr');
    expect(error.found).toBe('an unknown field "lr"');
  });

  it('rejects a confusion matrix that is not square', () => {
    const data = asJsonData(finishedComparison());
    (data.results as Record<string, { test: { confusion: number[][] } }>).sgd!.test.confusion = [[1, 2], [3]];
    const error = importErrorOf(() => restoreComparison(data, 'comparison'));
    expect(error.where).toBe('comparison.results.sgd.test.confusion');
    expect(error.expected).toContain('square matrix');
  });

  it('validates the embedded config as a new run would, with the path into it', () => {
    const data = asJsonData(finishedComparison());
    (data.config as { runs: { optimizer: unknown }[] }).runs[1]!.optimizer = { name: 'adamm' };
    const error = importErrorOf(() => restoreComparison(data, 'comparison'));
    expect(error.code).toBe('invalid-config');
    expect(error.where).toBe('comparison.config.runs[1].optimizer.name');
    expect(error.found).toBe('"adamm"');
  });

  it('names a bad probe statistic by its path', () => {
    const data = asJsonData(finishedComparison());
    (data.probes as { layers: { updateRatio: unknown }[] }[])[1]!.layers[0]!.updateRatio = 'small';
    const error = importErrorOf(() => restoreComparison(data, 'comparison'));
    expect(error.where).toBe('comparison.probes[1].layers[0].updateRatio');
  });

  it('rejects records that contradict each other', () => {
    const wrongDataset = importErrorOf(() => restoreComparison(finishedComparison({ dataset: 'cifar-10' }), 'comparison'));
    expect(wrongDataset.where).toBe('comparison.dataset');
    const twice = finishedComparison();
    const duplicate = importErrorOf(() => restoreComparison({ ...twice, epochs: [...twice.epochs, twice.epochs[0]] }, 'comparison'));
    expect(duplicate.where).toBe(`comparison.epochs[${twice.epochs.length}]`);
    expect(duplicate.found).toContain('a second record for run "sgd", epoch 1');
    const probedTwice = importErrorOf(() => restoreComparison({ ...twice, probes: [...twice.probes, twice.probes[1]] }, 'comparison'));
    expect(probedTwice.where).toBe(`comparison.probes[${twice.probes.length}]`);
    expect(probedTwice.found).toContain('a second sample for run "adam", step 1');
  });

  it('refuses a record from a newer version and says to update the lab', () => {
    const error = importErrorOf(() => restoreComparison({ ...asJsonData(makeComparison()), version: STORED_COMPARISON_VERSION + 1 }, 'comparison'));
    expect(error.code).toBe('newer-version');
    expect(error.where).toBe('comparison.version');
    expect(error.message).toContain('update the lab');
  });

  it('refuses something that is not a record at all', () => {
    expect(importErrorOf(() => restoreComparison([1, 2], 'comparison')).code).toBe('wrong-format');
    expect(importErrorOf(() => restoreComparison({ id: 'x' }, 'comparison')).where).toBe('comparison.version');
  });
});

describe('migrations', () => {
  /** A made-up version 0 that had no updatedAt: migrating sets it to createdAt (then the real steps follow). */
  const fakeMigrations: Record<number, Migration> = {
    ...migrations,
    0: ({ updatedAt: _none, ...record }) => ({ ...record, version: 1, updatedAt: record.createdAt }),
  };

  /** Version 1 had no probe samples. */
  function versionOne(): Record<string, unknown> {
    const { probes: _probes, ...record } = asJsonData(finishedComparison());
    return { ...record, version: 1 };
  }

  function versionZero(): Record<string, unknown> {
    const { updatedAt: _updatedAt, ...record } = versionOne();
    return { ...record, version: 0 };
  }

  it('reads a version 1 record (before probe samples) as one without any', () => {
    expect(restoreComparison(versionOne(), 'comparison')).toEqual(finishedComparison({ probes: [] }));
  });

  it('keeps probe samples written beside a version 1 record (an IndexedDB header from before the upgrade)', () => {
    const record = { ...versionOne(), probes: asJsonData(finishedComparison()).probes };
    expect(restoreComparison(record, 'comparison')).toEqual(finishedComparison());
  });

  it('migrates an old record step by step, then validates it', () => {
    const restored = restoreComparison(versionZero(), 'comparison', { migrations: fakeMigrations });
    expect(restored).toEqual(finishedComparison({ updatedAt: finishedComparison().createdAt, probes: [] }));
  });

  it('validates what a migration produced', () => {
    const broken = { ...versionZero(), status: 'done' };
    const error = importErrorOf(() => restoreComparison(broken, 'comparison', { migrations: fakeMigrations }));
    expect(error.where).toBe('comparison.status');
  });

  it('reports an old version without a migration as unknown', () => {
    const error = importErrorOf(() => restoreComparison(versionZero(), 'comparison'));
    expect(error.code).toBe('unknown-version');
    expect(error.found).toContain('version 0');
  });

  it('also migrates an imported file', () => {
    const text = JSON.stringify({ format: 'optimizer-lab/comparison', version: 0, comparison: versionZero() });
    expect(comparisonFromJson(text, { migrations: fakeMigrations }).updatedAt).toBe(finishedComparison().createdAt);
  });
});

describe('the exported document', () => {
  it('round-trips a comparison, NaN and Infinity included', () => {
    const comparison = finishedComparison();
    const text = comparisonToJson(comparison);
    expect(JSON.parse(text)).toMatchObject({ format: 'optimizer-lab/comparison', version: STORED_COMPARISON_VERSION });
    expect(text).toContain('"gradNorm":"Infinity"');
    expect(text).toContain('"loss":"NaN"');
    expect(text).toContain('"valLoss":"Infinity"');
    expect(text).toContain('"loss":"-Infinity"');
    expect(comparisonFromJson(text)).toEqual(comparison);
  });

  it.each([
    ['not JSON', '{"format": ', 'not-json', 'file'],
    ['not an object', '[1, 2]', 'wrong-format', 'format'],
    ['another format', '{"format": "keras/history", "version": 1}', 'wrong-format', 'format'],
    ['no version', '{"format": "optimizer-lab/comparison"}', 'wrong-format', 'version'],
    ['a newer version', '{"format": "optimizer-lab/comparison", "version": 7, "comparison": {}}', 'newer-version', 'version'],
    ['no comparison', '{"format": "optimizer-lab/comparison", "version": 1}', 'wrong-format', 'comparison'],
  ])('rejects %s', (_what, text, code, where) => {
    const error = importErrorOf(() => comparisonFromJson(text));
    expect(error.code).toBe(code);
    expect(error.where).toBe(where);
    expect(error.message).toMatch(/expected .+, found .+/);
  });
});
