/** What sweeps add to a run's result (a target's outcome, why it stopped, a regression's predictions) survives storage and export. */
import { describe, expect, it } from 'vitest';
import { comparisonFromJson, comparisonToJson } from './document';
import { finishedComparison, sgdResult } from './test-fixtures';

const withSweepFields = finishedComparison({
  results: {
    sgd: {
      ...sgdResult,
      status: 'stopped-early',
      stoppedBy: 'target',
      target: { outcome: 'reached', seconds: 1.5, step: 30, epoch: 3, value: 0.97 },
      test: { loss: 0.1, predictions: new Float32Array([0.25, -0.5, Number.NaN]) },
    },
    adam: { ...sgdResult, runId: 'adam', label: 'Adam', target: { outcome: 'diverged', step: 4 } },
  },
});

describe('a stored result with a target and predictions', () => {
  it('exports and imports unchanged, the predictions as a Float32Array again', () => {
    const back = comparisonFromJson(comparisonToJson(withSweepFields));
    expect(back.results.sgd).toEqual(withSweepFields.results.sgd);
    expect(back.results.sgd!.test!.predictions).toBeInstanceOf(Float32Array);
    expect(back.results.adam!.target).toEqual({ outcome: 'diverged', step: 4 });
  });

  it('writes the predictions as a list of numbers in the JSON', () => {
    const json = JSON.parse(comparisonToJson(withSweepFields)) as { comparison: { results: { sgd: { test: { predictions: unknown } } } } };
    expect(json.comparison.results.sgd.test.predictions).toEqual([0.25, -0.5, 'NaN']);
  });

  it('refuses an unknown outcome', () => {
    const bad = JSON.parse(comparisonToJson(withSweepFields)) as { comparison: { results: { adam: { target: { outcome: string } } } } };
    bad.comparison.results.adam.target.outcome = 'maybe';
    expect(() => comparisonFromJson(JSON.stringify(bad))).toThrow(/results\.adam\.target/);
  });
});
