import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { parseSweep, type SweepConfigInput } from '../engine/sweeps/sweep-config';
import { trialOutcome } from '../engine/sweeps/outcome';
import { rejection } from '../../tests/helpers/expect-lab-error';
import { openComparisonRepository } from './repository';
import { openSweepRepository } from './sweep-repository';
import { STORED_SWEEP_VERSION, type StoredSweep } from './sweep-types';
import { finishedComparison } from './test-fixtures';

const NOW = '2025-04-01T10:00:00.000Z';
const dbName = (what: string) => `sweep-test-${what}-${Math.random().toString(36).slice(2)}`;

const config: SweepConfigInput = {
  name: 'widths',
  base: {
    name: 'base',
    dataset: { name: 'prod', count: 100 },
    architecture: 'dense',
    training: { epochs: 2, batchSize: 10, scaling: 'none' },
    runs: [{ optimizer: { name: 'adam' } }],
  },
  grid: [{ param: 'hiddenWidth', values: { kind: 'list', values: [2, 4, 8] } }],
  groupSize: 2,
};

function sweep(overrides: Partial<StoredSweep> = {}): StoredSweep {
  const plan = parseSweep(config);
  const outcome = trialOutcome({
    result: { runId: 't001', label: 'units 2', status: 'diverged', divergedAtStep: 7, epochsCompleted: 1, trainSeconds: 0.3, test: { loss: Number.NaN, predictions: new Float32Array([0.5, -0.25]) } },
    epochs: [{ runId: 't001', epoch: 1, steps: 9, loss: Number.NaN, trainSeconds: 0.3, elapsedSeconds: 0.4 }],
    batchSize: 10,
  });
  return {
    version: STORED_SWEEP_VERSION,
    id: 'sw-1',
    name: 'widths',
    createdAt: NOW,
    updatedAt: NOW,
    status: 'running',
    config,
    trials: plan.trials,
    groups: [{ status: 'done', comparisonId: 'c1' }, { status: 'waiting' }],
    outcomes: { t001: outcome },
    ...overrides,
  };
}

describe('the sweep repository', () => {
  it('gives back what was saved: trials, groups, outcomes with NaN curves and Float32Array predictions', async () => {
    const repo = await openSweepRepository({ dbName: dbName('roundtrip'), now: () => new Date(NOW) });
    await repo.save(sweep());
    const read = await repo.get('sw-1');
    expect(read).toEqual(sweep());
    expect(read!.outcomes.t001!.predictions).toBeInstanceOf(Float32Array);
    expect(read!.outcomes.t001!.curves.loss[0]).toBeNaN();
    expect(await repo.list()).toEqual([{ id: 'sw-1', name: 'widths', createdAt: NOW, updatedAt: NOW, status: 'running', trialCount: 3, finishedCount: 1 }]);
  });

  it('marks running sweeps interrupted on start-up', async () => {
    const name = dbName('interrupted');
    const repo = await openSweepRepository({ dbName: name });
    await repo.save(sweep());
    await repo.save(sweep({ id: 'sw-2', status: 'completed' }));
    expect(await repo.markInterrupted()).toBe(1);
    expect((await repo.get('sw-1'))!.status).toBe('interrupted');
    expect((await repo.get('sw-2'))!.status).toBe('completed');
  });

  it.each([
    ['a newer version', (row: Record<string, unknown>) => (row.version = 9), 'newer-version', 'sweep "sw-1".version'],
    ['an unknown field', (row: Record<string, unknown>) => (row.colour = 'red'), 'invalid-record', 'sweep "sw-1".colour'],
    ['an invalid definition', (row: Record<string, unknown>) => ((row.config as { groupSize: number }).groupSize = 0), 'invalid-config', 'sweep "sw-1".config.groupSize'],
    ['trials that are not the definition’s', (row: Record<string, unknown>) => (row.trials as unknown[]).pop(), 'invalid-record', 'sweep "sw-1".trials'],
    ['an outcome of no trial', (row: Record<string, unknown>) => ((row.outcomes as Record<string, unknown>).t099 = (row.outcomes as Record<string, unknown>).t001), 'invalid-record', 'sweep "sw-1".outcomes.t099'],
  ])('refuses a stored sweep with %s, and list() leaves it out', async (_what, damage, code, where) => {
    const name = dbName('damaged');
    const unreadable: string[] = [];
    const repo = await openSweepRepository({ dbName: name, onUnreadable: (id) => unreadable.push(id) });
    await repo.save(sweep());
    const db = await openDB(name);
    const row = (await db.get('sweeps', 'sw-1')) as Record<string, unknown>;
    damage(row);
    await db.put('sweeps', row);
    db.close();
    const error = await rejection(repo.get('sw-1'));
    expect(error.code).toBe(code);
    expect(error.where?.startsWith(where)).toBe(true);
    expect(await repo.list()).toEqual([]);
    expect(unreadable).toEqual(['sw-1']);
  });

  it('validates before writing: a broken sweep is not saved', async () => {
    const repo = await openSweepRepository({ dbName: dbName('write') });
    await rejection(repo.save(sweep({ groups: [] })));
    expect(await repo.get('sw-1')).toBeUndefined();
  });

  it('shares the lab’s database: a version-2 database gains the store and keeps its comparisons', async () => {
    const name = dbName('v2');
    const old = await openDB(name, 2, {
      upgrade(db) {
        db.createObjectStore('comparisons', { keyPath: 'id' });
        db.createObjectStore('epochs', { keyPath: ['comparisonId', 'runId', 'epoch'] });
        db.createObjectStore('batches', { keyPath: ['comparisonId', 'runId', 'step'] });
        db.createObjectStore('checkpoints', { keyPath: 'comparisonId' });
      },
    });
    const { epochs, batches, probes: _probes, ...header } = finishedComparison();
    await old.put('comparisons', { ...header, epochsDone: 3 });
    for (const record of epochs) await old.put('epochs', { ...record, comparisonId: header.id });
    for (const record of batches) await old.put('batches', { ...record, comparisonId: header.id });
    old.close();

    const comparisons = await openComparisonRepository({ dbName: name });
    const sweeps = await openSweepRepository({ dbName: name });
    // A version-2 database had no probe samples; everything else comes back as written.
    expect(await comparisons.get('cmp-1')).toEqual({ ...finishedComparison(), probes: [] });
    await sweeps.save(sweep());
    expect((await sweeps.get('sw-1'))?.id).toBe('sw-1');
  });
});
