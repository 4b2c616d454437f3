import { describe, expect, it } from 'vitest';
import { comparisonToCsv } from '../persistence/csv';
import { STEPS_PER_EPOCH, finishedComparison } from '../persistence/test-fixtures';
import { appendRecords, newComparisonView, storedFromView, viewFromStored, withRunResult } from './comparison-view';

/** The fixture, with each epoch's `steps` the run's step count at its end, as the engine writes it. */
const stored = () => {
  const comparison = finishedComparison();
  return { ...comparison, epochs: comparison.epochs.map((record) => ({ ...record, steps: record.epoch * STEPS_PER_EPOCH })) };
};

const byRunAnd = <T extends { runId: string }>(key: (record: T) => number) => (a: T, b: T) => a.runId.localeCompare(b.runId) || key(a) - key(b);

describe('storedFromView', () => {
  it('holds the records of the view: every epoch, every batch loss with its epoch, every result', () => {
    const original = stored();
    const back = storedFromView(viewFromStored(original), '2025-03-01T10:00:00.000Z');
    expect([...back.epochs].sort(byRunAnd((r) => r.epoch))).toEqual([...original.epochs].sort(byRunAnd((r) => r.epoch)));
    expect([...back.batches].sort(byRunAnd((r) => r.step))).toEqual([...original.batches].sort(byRunAnd((r) => r.step)));
    expect(back.results).toEqual(original.results);
    expect(comparisonToCsv(back)).toEqual(comparisonToCsv(original));
  });

  it('of a live view, holds what arrived so far', () => {
    const original = stored();
    let view = newComparisonView({ id: 'live', config: original.config, startedAt: original.createdAt });
    expect(storedFromView(view, original.createdAt)).toMatchObject({ epochs: [], batches: [], results: {}, probes: [] });
    view = appendRecords(
      view,
      original.batches.filter((r) => r.epoch === 1),
      original.epochs.filter((r) => r.epoch === 1),
    );
    view = withRunResult(view, original.results.sgd!);
    const live = storedFromView(view, original.createdAt);
    expect(live.epochs).toHaveLength(2);
    expect(live.batches).toHaveLength(2 * STEPS_PER_EPOCH);
    expect(live.batches.every((record) => record.epoch === 1)).toBe(true);
    expect(Object.keys(live.results)).toEqual(['sgd']);
  });
});
