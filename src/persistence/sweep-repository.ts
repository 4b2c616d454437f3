/**
 * The sweeps in IndexedDB: one row per sweep in the `sweeps` store (keyPath `id`) of the
 * lab's database, which openDatabase creates in its upgrade to version 5 (older
 * databases gain the store; their comparisons stay as they are). A sweep's row is small
 * (its definition, trials, group → comparison ids and outcomes), so every change
 * rewrites it whole in one transaction. Every read goes through restoreSweep.
 */
import type { IDBPDatabase } from 'idb';
import type { LabError } from '../lib/errors';
import { ImportError, StorageError, toStorageError } from './errors';
import { DEFAULT_DB_NAME, openDatabase } from './repository';
import { restoreSweep } from './sweep-restore';
import { SWEEP_STORE } from './sweep-store';
import type { StoredSweep, SweepRepository, SweepSummary } from './sweep-types';

export interface SweepRepositoryOptions {
  readonly dbName?: string;
  readonly indexedDB?: IDBFactory;
  readonly now?: () => Date;
  /** Called for each stored sweep list() leaves out because it cannot be read. */
  readonly onUnreadable?: (id: string, error: LabError) => void;
}

export async function openSweepRepository(options: SweepRepositoryOptions = {}): Promise<SweepRepository> {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  if (!factory) throw new StorageError('no-indexeddb', 'a browser with IndexedDB (saved sweeps live there)', 'none', 'storage');
  const db = (await openDatabase(factory, options.dbName ?? DEFAULT_DB_NAME)) as unknown as IDBPDatabase;
  const now = () => (options.now ?? (() => new Date()))().toISOString();

  async function put(sweep: StoredSweep, where: string): Promise<void> {
    try {
      const tx = db.transaction(SWEEP_STORE, 'readwrite');
      await Promise.all([tx.store.put(sweep), tx.done]);
    } catch (error) {
      throw toStorageError(error, where);
    }
  }

  return {
    async save(sweep) {
      const where = `saving sweep "${sweep.id}"`;
      const checked = restoreSweep({ ...sweep, updatedAt: now() }, `sweep ${JSON.stringify(sweep.id)}`);
      await put(checked, where);
    },
    async get(id) {
      let row: unknown;
      try {
        row = await db.get(SWEEP_STORE, id);
      } catch (error) {
        throw toStorageError(error, `reading sweep "${id}"`);
      }
      return row === undefined ? undefined : restoreSweep(row, `sweep ${JSON.stringify(id)}`);
    },
    async list() {
      let rows: unknown[];
      try {
        rows = await db.getAll(SWEEP_STORE);
      } catch (error) {
        throw toStorageError(error, 'reading the saved sweeps');
      }
      const summaries: SweepSummary[] = [];
      for (const row of rows) {
        const id = String((row as { id?: unknown }).id);
        try {
          const sweep = restoreSweep(row, `sweep ${JSON.stringify(id)}`);
          summaries.push(summaryOf(sweep));
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          options.onUnreadable?.(id, error);
        }
      }
      return summaries.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? -1 : 1));
    },
    async delete(id) {
      try {
        const tx = db.transaction(SWEEP_STORE, 'readwrite');
        await Promise.all([tx.store.delete(id), tx.done]);
      } catch (error) {
        throw toStorageError(error, `deleting sweep "${id}"`);
      }
    },
    async markInterrupted() {
      try {
        const tx = db.transaction(SWEEP_STORE, 'readwrite');
        let count = 0;
        let cursor = await tx.store.openCursor();
        while (cursor) {
          const value = cursor.value as StoredSweep;
          if (value.status === 'running' || value.status === 'paused') {
            await cursor.update({ ...value, status: 'interrupted', updatedAt: now() });
            count += 1;
          }
          cursor = await cursor.continue();
        }
        await tx.done;
        return count;
      } catch (error) {
        throw toStorageError(error, 'marking interrupted sweeps');
      }
    },
  };
}

export function summaryOf(sweep: StoredSweep): SweepSummary {
  return {
    id: sweep.id,
    name: sweep.name,
    createdAt: sweep.createdAt,
    updatedAt: sweep.updatedAt,
    status: sweep.status,
    trialCount: sweep.trials.length,
    finishedCount: Object.keys(sweep.outcomes).length,
  };
}
