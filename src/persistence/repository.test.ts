import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import type { LabError } from '../lib/errors';
import { encodeNonFinite } from './schema';
import { comparisonToJson } from './document';
import { AlreadyStoredError } from './errors';
import { numberedCopy, openComparisonRepository } from './repository';
import { rejection } from '../../tests/helpers/expect-lab-error';
import { adamResult, batchRecords, config, epochRecords, finishedComparison, makeCheckpoint, makeComparison, makeGallery, probeSamples, sgdResult } from './test-fixtures';
import type { ComparisonRepository } from './types';

const NOW = '2025-03-01T10:00:00.000Z';
const ALL_STORES = ['comparisons', 'epochs', 'batches', 'probes', 'checkpoints', 'galleries'];
let dbCount = 0;

async function freshRepository(): Promise<{ repo: ComparisonRepository; dbName: string }> {
  const dbName = `persistence-test-${(dbCount += 1)}-${Math.random().toString(36).slice(2)}`;
  const repo = await openComparisonRepository({ dbName, now: () => new Date(NOW) });
  return { repo, dbName };
}

/** A stored checkpoint row, as a test may break it. */
type Row = { comparisonId: string; checkpoint: { version: unknown; runs: unknown[] } };

/** Everything in the database (or in `stores`), read raw (not through the repository). */
async function dump(dbName: string, stores: readonly string[] = ['comparisons', 'epochs', 'batches']): Promise<Record<string, unknown[]>> {
  const db = await openDB(dbName);
  try {
    const contents = await Promise.all(stores.map((store) => db.getAll(store)));
    return Object.fromEntries(stores.map((store, i) => [store, contents[i]!]));
  } finally {
    db.close();
  }
}

/** What the app sees: the list and every comparison in it. */
async function snapshot(repo: ComparisonRepository) {
  const list = await repo.list();
  return { list, comparisons: await Promise.all(list.map((summary) => repo.get(summary.id))) };
}


describe('the comparison repository', () => {
  it('gives back exactly what was written: create, append epoch by epoch, save results', async () => {
    const { repo } = await freshRepository();
    await repo.create(makeComparison());
    for (const epoch of [1, 2, 3]) await repo.appendRecords('cmp-1', { epochs: epochRecords(epoch), batches: batchRecords(epoch), probes: probeSamples(epoch) });
    await repo.saveRunResult('cmp-1', sgdResult);
    await repo.saveRunResult('cmp-1', adamResult);
    await repo.setStatus('cmp-1', 'completed');

    expect(await repo.get('cmp-1')).toEqual(finishedComparison({ updatedAt: NOW }));
  });

  it('returns records in epoch (or step) order, then run order, whatever order they came in', async () => {
    const { repo } = await freshRepository();
    await repo.create(makeComparison());
    await repo.appendRecords('cmp-1', { epochs: epochRecords(2).reverse(), batches: batchRecords(2).reverse() });
    await repo.appendRecords('cmp-1', { epochs: epochRecords(1), batches: batchRecords(1) });
    const stored = await repo.get('cmp-1');
    expect(stored?.epochs).toEqual([...epochRecords(1), ...epochRecords(2)]);
    expect(stored?.batches).toEqual([...batchRecords(1), ...batchRecords(2)]);
  });

  it('overwrites a record written twice instead of keeping both', async () => {
    const { repo } = await freshRepository();
    await repo.create(makeComparison());
    await repo.appendRecords('cmp-1', { epochs: epochRecords(1), batches: [] });
    await repo.appendRecords('cmp-1', { epochs: epochRecords(1), batches: [] });
    expect((await repo.get('cmp-1'))?.epochs).toEqual(epochRecords(1));
  });

  it('answers undefined for an id it does not hold', async () => {
    const { repo } = await freshRepository();
    expect(await repo.get('nope')).toBeUndefined();
  });

  it('refuses to create a comparison whose id is taken, and to append to one that does not exist', async () => {
    const { repo, dbName } = await freshRepository();
    await repo.create(makeComparison());
    const before = await dump(dbName);
    expect((await rejection(repo.create(makeComparison({ name: 'other' })))).code).toBe('already-exists');
    const missing = await rejection(repo.appendRecords('nope', { epochs: epochRecords(1), batches: batchRecords(1) }));
    expect(missing.code).toBe('not-found');
    expect(await dump(dbName)).toEqual(before);
  });

  it('refuses to write an invalid record', async () => {
    const { repo, dbName } = await freshRepository();
    await repo.create(makeComparison());
    const before = await dump(dbName);
    const bad = { ...epochRecords(1)[0]!, epoch: 0 };
    const error = await rejection(repo.appendRecords('cmp-1', { epochs: [bad], batches: batchRecords(1) }));
    expect(error.code).toBe('invalid-record');
    expect(error.where).toBe('epochs[0].epoch');
    expect(await dump(dbName)).toEqual(before);
  });

  it('lists summaries newest first, with the epochs done, without the records', async () => {
    const { repo } = await freshRepository();
    await repo.create(makeComparison({ id: 'old', name: 'old', createdAt: '2025-01-01T00:00:00.000Z', status: 'completed' }));
    await repo.create(makeComparison({ id: 'new', name: 'new', createdAt: '2025-02-01T00:00:00.000Z' }));
    await repo.create(makeComparison({ id: 'mid', name: 'mid', createdAt: '2025-01-15T00:00:00.000Z', status: 'failed', error: 'boom' }));
    await repo.appendRecords('new', { epochs: [...epochRecords(1), ...epochRecords(2)], batches: batchRecords(2) });

    const list = await repo.list();
    expect(list.map((summary) => summary.id)).toEqual(['new', 'mid', 'old']);
    expect(list[0]).toEqual({
      id: 'new',
      name: 'new',
      createdAt: '2025-02-01T00:00:00.000Z',
      updatedAt: NOW,
      status: 'running',
      dataset: 'spiral',
      architecture: 'dense',
      runCount: 2,
      epochsDone: 2,
    });
    expect(list.map((summary) => summary.epochsDone)).toEqual([2, 0, 0]);
  });

  it('leaves an unreadable record out of the list and says which', async () => {
    const dbName = `persistence-test-unreadable-${Math.random().toString(36).slice(2)}`;
    const unreadable: string[] = [];
    const repo = await openComparisonRepository({ dbName, onUnreadable: (id) => unreadable.push(id) });
    await repo.create(makeComparison({ id: 'good' }));
    const db = await openDB(dbName);
    await db.put('comparisons', { id: 'bad', version: 1, name: 3 });
    db.close();

    expect((await repo.list()).map((summary) => summary.id)).toEqual(['good']);
    expect(unreadable).toEqual(['bad']);
    expect((await rejection(repo.get('bad'))).where).toBe('comparison "bad".name');
  });

  it('deletes a comparison with all its epochs, batches and probe samples, and nothing else', async () => {
    const { repo, dbName } = await freshRepository();
    await repo.create(makeComparison({ id: 'a' }));
    await repo.create(makeComparison({ id: 'b' }));
    for (const id of ['a', 'b']) await repo.appendRecords(id, { epochs: epochRecords(1), batches: batchRecords(1), probes: probeSamples(1) });
    const b = await repo.get('b');

    await repo.delete('a');

    expect(await repo.get('a')).toBeUndefined();
    expect(await repo.get('b')).toEqual(b);
    const rows = await dump(dbName, ['comparisons', 'epochs', 'batches', 'probes']);
    expect(rows.comparisons).toHaveLength(1);
    expect(rows.epochs).toHaveLength(epochRecords(1).length);
    expect(rows.batches).toHaveLength(batchRecords(1).length);
    expect(rows.probes).toHaveLength(probeSamples(1).length);
    expect([...rows.epochs!, ...rows.batches!, ...rows.probes!].every((row) => (row as { comparisonId: string }).comparisonId === 'b')).toBe(true);
  });

  it('marks running and paused comparisons interrupted, and leaves the others', async () => {
    const { repo } = await freshRepository();
    const statuses = ['running', 'paused', 'completed', 'cancelled', 'failed'] as const;
    for (const status of statuses) await repo.create(makeComparison({ id: status, status }));

    expect(await repo.markInterrupted()).toBe(2);

    const after = Object.fromEntries((await repo.list()).map((summary) => [summary.id, summary.status]));
    expect(after).toEqual({ running: 'interrupted', paused: 'interrupted', completed: 'completed', cancelled: 'cancelled', failed: 'failed' });
    expect(await repo.markInterrupted()).toBe(0);
  });

  it('records an error with a status and clears it with the next one', async () => {
    const { repo } = await freshRepository();
    await repo.create(makeComparison());
    await repo.setStatus('cmp-1', 'failed', 'WebGL context lost');
    expect((await repo.get('cmp-1'))?.error).toBe('WebGL context lost');
    await repo.setStatus('cmp-1', 'interrupted');
    const stored = await repo.get('cmp-1');
    expect(stored?.status).toBe('interrupted');
    expect(stored).not.toHaveProperty('error');
  });
});

describe('checkpoints', () => {
  it('keeps the latest checkpoint of a comparison and gives it back as it was, typed arrays and all', async () => {
    const { repo, dbName } = await freshRepository();
    await repo.create(makeComparison());
    expect(await repo.getCheckpoint('cmp-1')).toBeUndefined();
    expect(await repo.getGalleries('cmp-1')).toEqual({});
    await repo.saveCheckpoint('cmp-1', makeCheckpoint(1));
    await repo.saveCheckpoint('cmp-1', makeCheckpoint(2));

    const restored = await repo.getCheckpoint('cmp-1');
    expect(restored).toEqual(makeCheckpoint(2));
    expect(restored?.runs[1]?.optimizer.slots[0]?.m).toBeInstanceOf(Float32Array);
    expect(restored?.runs[0]?.bestWeights?.[0]).toBeInstanceOf(Float32Array);
    expect((await dump(dbName, ['checkpoints'])).checkpoints).toHaveLength(1);
    expect((await repo.list())[0]?.resumableFromEpoch).toBe(2);
  });

  it('leaves the checkpoint out of get(), list() and the JSON export, and list() never reads it', async () => {
    const { repo } = await freshRepository();
    await repo.create(finishedComparison({ status: 'interrupted' }));
    const before = { stored: await repo.get('cmp-1'), json: await repo.exportJson('cmp-1') };
    await repo.saveCheckpoint('cmp-1', makeCheckpoint(3));

    const touched: string[] = [];
    const methods = ['get', 'getAll', 'openCursor'] as const;
    const originals = methods.map((name) => IDBObjectStore.prototype[name]);
    methods.forEach((name, i) => {
      const original = originals[i] as (...args: unknown[]) => unknown;
      (IDBObjectStore.prototype as unknown as Record<string, unknown>)[name] = function (this: IDBObjectStore, ...args: unknown[]) {
        touched.push(`${this.name}.${name}`);
        return original.apply(this, args);
      };
    });
    try {
      expect((await repo.list())[0]).toMatchObject({ id: 'cmp-1', status: 'interrupted', epochsDone: 3, resumableFromEpoch: 3 });
      expect(await repo.get('cmp-1')).toEqual({ ...before.stored, updatedAt: NOW });
    } finally {
      methods.forEach((name, i) => ((IDBObjectStore.prototype as unknown as Record<string, unknown>)[name] = originals[i]));
    }
    expect(touched.filter((call) => call.startsWith('checkpoints'))).toEqual([]);
    expect(touched).toContain('comparisons.getAll');
    const exported = JSON.parse(await repo.exportJson('cmp-1')) as { comparison: object };
    const earlier = JSON.parse(before.json) as { comparison: object };
    expect(exported).toEqual({ ...earlier, comparison: { ...earlier.comparison, updatedAt: NOW } });
    expect(await repo.exportJson('cmp-1')).not.toMatch(/checkpoint|resumable/i);
  });

  it('deletes the checkpoint with its comparison, and on its own', async () => {
    const { repo, dbName } = await freshRepository();
    await repo.create(makeComparison({ id: 'a' }));
    await repo.create(makeComparison({ id: 'b' }));
    await repo.saveCheckpoint('a', makeCheckpoint());
    await repo.saveCheckpoint('b', makeCheckpoint());

    await repo.delete('a');
    expect(await repo.getCheckpoint('a')).toBeUndefined();
    expect(await repo.getCheckpoint('b')).toEqual(makeCheckpoint());

    await repo.deleteCheckpoint('b');
    expect(await repo.getCheckpoint('b')).toBeUndefined();
    expect((await repo.list()).map((summary) => summary.resumableFromEpoch)).toEqual([undefined]);
    expect((await dump(dbName, ['checkpoints'])).checkpoints).toEqual([]);
    await repo.deleteCheckpoint('b'); // nothing to delete: no error
  });

  it('refuses to save a malformed checkpoint, or one of a comparison it does not hold, and writes nothing', async () => {
    const { repo, dbName } = await freshRepository();
    await repo.create(makeComparison());
    await repo.saveCheckpoint('cmp-1', makeCheckpoint(1));
    const before = await dump(dbName, ['comparisons', 'checkpoints']);
    const bad = { ...makeCheckpoint(2), runs: [{ ...makeCheckpoint(2).runs[0]!, weights: [[1, 2, 3]] }] } as never;

    const error = await rejection(repo.saveCheckpoint('cmp-1', bad));
    expect(error.code).toBe('invalid-record');
    expect(error.where).toBe('checkpoint.runs[0].weights[0]');
    expect(error.message).toMatch(/a Float32Array/);
    expect((await rejection(repo.saveCheckpoint('nope', makeCheckpoint()))).code).toBe('not-found');
    expect(await dump(dbName, ['comparisons', 'checkpoints'])).toEqual(before);
  });

  it.each([
    ['weights stored as plain lists', (row: Row) => ((row.checkpoint.runs[0] as Record<string, unknown>).weights = [[1, 2]]), 'invalid-record', 'checkpoint of comparison "cmp-1".runs[0].weights[0]', /a Float32Array/],
    ['a missing step count', (row: Row) => delete (row.checkpoint.runs[1] as Record<string, unknown>).step, 'invalid-record', 'checkpoint of comparison "cmp-1".runs[1].step', /found nothing/],
    ['a newer checkpoint version', (row: Row) => (row.checkpoint.version = 9), 'newer-version', 'checkpoint of comparison "cmp-1".version', /update the lab/],
    ['no checkpoint in the row', (row: Row) => delete (row as Partial<Row>).checkpoint, 'invalid-record', 'checkpoint of comparison "cmp-1"', /a saved checkpoint/],
  ])('rejects a stored checkpoint with %s with a clear error', async (_what, edit, code, where, message) => {
    const { repo, dbName } = await freshRepository();
    await repo.create(makeComparison());
    await repo.saveCheckpoint('cmp-1', makeCheckpoint());
    const db = await openDB(dbName);
    const row = (await db.get('checkpoints', 'cmp-1')) as Row;
    edit(row);
    await db.put('checkpoints', row);
    db.close();

    const error = await rejection(repo.getCheckpoint('cmp-1'));
    expect(error.name).toBe('ImportError');
    expect(error.code).toBe(code);
    expect(error.where).toBe(where);
    expect(error.message).toMatch(message);
  });

  it('rewinds a comparison to its checkpoint: later epochs, their batch losses and probe samples, and the results of runs still training go', async () => {
    const { repo } = await freshRepository();
    await repo.create(finishedComparison({ status: 'cancelled' }));
    await repo.rewind('cmp-1', { epochsCompleted: 1, keepResultsOf: ['adam'] });

    const stored = await repo.get('cmp-1');
    expect(stored?.epochs).toEqual(epochRecords(1));
    expect(stored?.batches).toEqual(batchRecords(1));
    expect(stored?.probes).toEqual(probeSamples(1));
    expect(stored?.results).toEqual({ adam: adamResult });
    expect((await repo.list())[0]?.epochsDone).toBe(1);
    expect((await rejection(repo.rewind('nope', { epochsCompleted: 1, keepResultsOf: [] }))).code).toBe('not-found');
  });

  it('maps a full quota on saving a checkpoint to storage-full, and keeps the one before', async () => {
    const { repo, dbName } = await freshRepository();
    await repo.create(makeComparison());
    await repo.saveCheckpoint('cmp-1', makeCheckpoint(1));
    const before = await dump(dbName, ['comparisons', 'checkpoints']);
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function put(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'checkpoints') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    };
    let error: LabError;
    try {
      error = await rejection(repo.saveCheckpoint('cmp-1', makeCheckpoint(2)));
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(error.code).toBe('storage-full');
    expect(error.message).toMatch(/delete old comparisons/);
    expect(await repo.getCheckpoint('cmp-1')).toEqual(makeCheckpoint(1));
    expect(await dump(dbName, ['comparisons', 'checkpoints'])).toEqual(before);
  });
});

describe('the database upgrade', () => {
  it('adds the checkpoints, galleries, probes and sweeps stores to a version-1 database and keeps everything in it', async () => {
    const dbName = `persistence-test-v1-${Math.random().toString(36).slice(2)}`;
    // A database as version 1 of the lab created and filled it.
    const old = await openDB(dbName, 1, {
      upgrade(db) {
        db.createObjectStore('comparisons', { keyPath: 'id' });
        db.createObjectStore('epochs', { keyPath: ['comparisonId', 'runId', 'epoch'] });
        db.createObjectStore('batches', { keyPath: ['comparisonId', 'runId', 'step'] });
      },
    });
    // Its records were version 1: no probe samples.
    const { epochs, batches, probes: _probes, ...header } = finishedComparison();
    await old.put('comparisons', { ...header, version: 1, epochsDone: 3 });
    for (const record of epochs) await old.put('epochs', { ...record, comparisonId: header.id });
    for (const record of batches) await old.put('batches', { ...record, comparisonId: header.id });
    const { probes: _none, ...running } = makeComparison({ id: 'cmp-2', status: 'running' });
    await old.put('comparisons', { ...running, version: 1, epochs: undefined, batches: undefined, epochsDone: 0 });
    old.close();
    const rowsBefore = await dump(dbName);

    const repo = await openComparisonRepository({ dbName, now: () => new Date(NOW) });

    expect(await repo.get('cmp-1')).toEqual(finishedComparison({ probes: [] }));
    expect(await repo.list()).toEqual([
      expect.objectContaining({ id: 'cmp-1', epochsDone: 3, status: 'completed' }),
      expect.objectContaining({ id: 'cmp-2', epochsDone: 0, status: 'running' }),
    ]);
    expect((await repo.list()).some((summary) => 'resumableFromEpoch' in summary)).toBe(false);
    expect(await repo.getCheckpoint('cmp-1')).toBeUndefined();
    expect(await repo.getGalleries('cmp-1')).toEqual({});
    expect(await dump(dbName)).toEqual(rowsBefore);

    await repo.saveCheckpoint('cmp-2', makeCheckpoint());
    expect(await repo.getCheckpoint('cmp-2')).toEqual(makeCheckpoint());
    const upgraded = await openDB(dbName);
    expect(upgraded.version).toBe(5);
    expect([...upgraded.objectStoreNames].sort()).toEqual(['batches', 'checkpoints', 'comparisons', 'epochs', 'galleries', 'probes', 'sweeps']);
    upgraded.close();
    // The old record gains probe samples like a new one.
    await repo.appendRecords('cmp-2', { epochs: epochRecords(1), batches: [], probes: probeSamples(1) });
    expect((await repo.get('cmp-2'))!.probes).toEqual(probeSamples(1));
  });
});

describe('export and import', () => {
  it('gives back the same comparison, NaN and Infinity included', async () => {
    const source = await freshRepository();
    await source.repo.create(finishedComparison());
    const text = await source.repo.exportJson('cmp-1');

    const target = await freshRepository();
    const imported = await target.repo.importJson(text);
    expect(imported).toEqual(finishedComparison());
    expect(await target.repo.get('cmp-1')).toEqual(finishedComparison());
    expect(await target.repo.exportJson('cmp-1')).toBe(text);
  });

  it('refuses an import whose comparison is stored already, names the stored one, and writes nothing', async () => {
    const { repo, dbName } = await freshRepository();
    await repo.create(finishedComparison({ name: 'kept as it was' }));
    const text = comparisonToJson(finishedComparison({ name: 'from the file' }));
    const before = await dump(dbName, ALL_STORES);

    const error = await rejection(repo.importJson(text));

    expect(error).toBeInstanceOf(AlreadyStoredError);
    expect(error.code).toBe('already-stored');
    expect((error as AlreadyStoredError).stored).toEqual({ id: 'cmp-1', name: 'kept as it was', updatedAt: finishedComparison().updatedAt });
    expect(error.message).toMatch(/expected a comparison not yet in the history, found “kept as it was”, which the history holds already/);
    expect(await dump(dbName, ALL_STORES)).toEqual(before);
  });

  it('keeps both when told: the import gets a new id and a numbered name, the stored one stays as it was', async () => {
    const { repo, dbName } = await freshRepository();
    await repo.create(finishedComparison());
    const text = await repo.exportJson('cmp-1');
    const before = await dump(dbName);

    const imported = await repo.importJson(text, { whenStored: 'keep-both' });
    const again = await repo.importJson(text, { whenStored: 'keep-both' });

    expect(imported.id).not.toBe('cmp-1');
    expect(imported).toEqual(finishedComparison({ id: imported.id, name: 'two optimizers (2)' }));
    expect(again.name).toBe('two optimizers (3)');
    expect(await repo.get(imported.id)).toEqual(imported);
    expect(await repo.get('cmp-1')).toEqual(finishedComparison());
    const after = await dump(dbName);
    for (const store of ['comparisons', 'epochs', 'batches']) {
      expect(after[store]).toEqual(expect.arrayContaining(before[store]!));
      expect(after[store]).toHaveLength(3 * before[store]!.length);
    }
  });

  it('replaces the stored comparison when told: its records, checkpoint and images go, the file’s take their place', async () => {
    const { repo } = await freshRepository();
    await repo.create(makeComparison({ status: 'interrupted', name: 'half done' }));
    await repo.appendRecords('cmp-1', { epochs: epochRecords(1), batches: batchRecords(1), probes: probeSamples(1) });
    await repo.saveCheckpoint('cmp-1', makeCheckpoint(1));
    await repo.saveGallery('cmp-1', makeGallery());
    await repo.create(finishedComparison({ id: 'other' }));
    const text = comparisonToJson(finishedComparison());

    const imported = await repo.importJson(text, { whenStored: 'replace' });

    expect(imported).toEqual(finishedComparison());
    expect(await repo.get('cmp-1')).toEqual(finishedComparison());
    expect(await repo.getCheckpoint('cmp-1')).toBeUndefined();
    expect(await repo.getGalleries('cmp-1')).toEqual({});
    expect((await repo.list()).map((summary) => [summary.id, summary.name, summary.status, summary.resumableFromEpoch])).toEqual([
      ['cmp-1', 'two optimizers', 'completed', undefined],
      ['other', 'two optimizers', 'completed', undefined],
    ].sort());
    expect(await repo.get('other')).toEqual(finishedComparison({ id: 'other' }));
  });

  it('never replaces a comparison that is training', async () => {
    const { repo, dbName } = await freshRepository();
    await repo.create(makeComparison({ status: 'running' }));
    const before = await dump(dbName, ALL_STORES);
    const error = await rejection(repo.importJson(comparisonToJson(finishedComparison()), { whenStored: 'replace' }));
    expect(error.code).toBe('running');
    expect(await dump(dbName, ALL_STORES)).toEqual(before);
  });

  it('imports a comparison that was running as interrupted', async () => {
    const { repo } = await freshRepository();
    const text = JSON.stringify({ format: 'optimizer-lab/comparison', version: 1, comparison: makeComparison({ status: 'running' }) });
    expect((await repo.importJson(text)).status).toBe('interrupted');
  });

  it('refuses to export a comparison it does not hold', async () => {
    const { repo } = await freshRepository();
    expect((await rejection(repo.exportJson('nope'))).code).toBe('not-found');
  });

  const valid = () => JSON.parse(JSON.stringify({ format: 'optimizer-lab/comparison', version: 1, comparison: finishedComparison() }, encodeNonFinite)) as {
    format: string;
    version: number;
    comparison: Record<string, unknown> & { epochs: Record<string, unknown>[]; config: typeof config };
  };
  const edited = (edit: (document: ReturnType<typeof valid>) => void) => {
    const document = valid();
    edit(document);
    return JSON.stringify(document);
  };

  it.each([
    ['text that is not JSON', 'not json {', 'not-json', 'file', /not JSON/],
    ['another format tag', edited((d) => (d.format = 'tfjs/model')), 'wrong-format', 'format', /expected a comparison exported by Optimizer Lab/],
    ['a newer version', edited((d) => (d.version = 3)), 'newer-version', 'version', /update the lab/],
    ['a missing field', edited((d) => delete d.comparison.createdAt), 'invalid-record', 'comparison.createdAt', /found nothing/],
    ['a wrong type deep inside', edited((d) => (d.comparison.epochs[3]!.valAccuracy = '78%')), 'invalid-record', 'comparison.epochs[3].valAccuracy', /expected a number.*found "78%"/],
    ['an invalid embedded config', edited((d) => (d.comparison.config.training.epochs = 0)), 'invalid-config', 'comparison.config.training.epochs', /expected > 0, found 0/],
  ])('rejects %s with a clear message and leaves the database as it was', async (_what, text, code, where, message) => {
    const { repo, dbName } = await freshRepository();
    await repo.create(finishedComparison());
    await repo.create(makeComparison({ id: 'cmp-2', createdAt: '2025-03-02T09:00:00.000Z' }));
    const before = { app: await snapshot(repo), rows: await dump(dbName) };

    const error = await rejection(repo.importJson(text));

    expect(error.name).toBe('ImportError');
    expect(error.code).toBe(code);
    expect(error.where).toBe(where);
    expect(error.message).toMatch(message);
    expect(await snapshot(repo)).toEqual(before.app);
    expect(await dump(dbName)).toEqual(before.rows);
  });
});

describe('a full quota', () => {
  const original = IDBObjectStore.prototype.put;
  afterEach(() => {
    IDBObjectStore.prototype.put = original;
  });

  /** Lets `allowed` puts through, then throws what a browser throws when storage is full. */
  function fillQuotaAfter(allowed: number): void {
    let calls = 0;
    IDBObjectStore.prototype.put = function put(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      calls += 1;
      if (calls > allowed) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    };
  }

  it('becomes a storage-full error that says what to do, and the append writes nothing', async () => {
    const { repo, dbName } = await freshRepository();
    await repo.create(makeComparison());
    await repo.appendRecords('cmp-1', { epochs: epochRecords(1), batches: batchRecords(1) });
    const before = { stored: await repo.get('cmp-1'), rows: await dump(dbName) };

    fillQuotaAfter(3);
    const error = await rejection(repo.appendRecords('cmp-1', { epochs: epochRecords(2), batches: batchRecords(2) }));
    IDBObjectStore.prototype.put = original;

    expect(error.code).toBe('storage-full');
    expect(error.message).toMatch(/delete old comparisons/);
    expect(error.message).toMatch(/export/);
    expect(await repo.get('cmp-1')).toEqual(before.stored);
    expect(await dump(dbName)).toEqual(before.rows);
  });

  it('leaves an import unwritten', async () => {
    const { repo, dbName } = await freshRepository();
    await repo.create(finishedComparison());
    const text = await repo.exportJson('cmp-1');
    const before = await dump(dbName);

    fillQuotaAfter(5);
    const error = await rejection(repo.importJson(text, { whenStored: 'keep-both' }));
    IDBObjectStore.prototype.put = original;

    expect(error.code).toBe('storage-full');
    expect(await dump(dbName)).toEqual(before);
  });
});

describe('numberedCopy', () => {
  it('numbers a kept copy after the highest free number, from the name without its number', () => {
    expect(numberedCopy('run', new Set(['run']))).toBe('run (2)');
    expect(numberedCopy('run', new Set(['run', 'run (2)']))).toBe('run (3)');
    expect(numberedCopy('run (2)', new Set(['run', 'run (2)']))).toBe('run (3)');
    expect(numberedCopy('run (2) (x)', new Set())).toBe('run (2) (x) (2)');
  });
});
