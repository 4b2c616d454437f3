/**
 * The comparison store in IndexedDB (through idb's promise wrapper).
 *
 * Layout (database version 3), chosen so a long run's writes stay small:
 *
 * | store         | key                                  | value                                            |
 * |---------------|--------------------------------------|--------------------------------------------------|
 * | `comparisons` | `id`                                 | everything but the records, plus `epochsDone`     |
 * |               |                                      | and `checkpointEpoch` (when it has a checkpoint)  |
 * | `epochs`      | `[comparisonId, runId, epoch]`       | one EpochRecord plus its `comparisonId`          |
 * | `batches`     | `[comparisonId, runId, step]`        | one BatchRecord plus its `comparisonId`          |
 * | `probes`      | `[comparisonId, runId, step]`        | one ProbeSample plus its `comparisonId`          |
 * | `checkpoints` | `comparisonId`                       | `{ comparisonId, checkpoint }`: the latest only   |
 * | `galleries`   | `[comparisonId, runId]`              | `{ comparisonId, runId, gallery }`: a VAE run's   |
 * |               |                                      | latest images                                    |
 *
 * Version 2 added `checkpoints`, version 3 `galleries`, version 4 `probes`, version 5
 * `sweeps` (sweep-repository.ts owns that store and its upgrade step). Older databases
 * are upgraded in place, their data kept. A checkpoint holds every run's weights and optimizer state as Float32Arrays
 * (IndexedDB stores them as they are); it is megabytes where the records are kilobytes,
 * so only get/saveCheckpoint touch it, never list() or get().
 *
 * Appending an epoch puts a few small records and rewrites only the header (a few kB);
 * putting the same (run, epoch) again overwrites it, so a repeated write is harmless.
 * The records of one comparison are one key range, `[id] … [id, []]` (an array sorts
 * after every string and number), so reading or deleting them needs no index.
 *
 * Every write is one transaction and resolves once it has committed (`tx.done`); a failed
 * write aborts it whole. A full quota becomes StorageError 'storage-full'. Every read goes
 * through restoreComparison.
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { ProbeSample } from '../engine/training/probe-types';
import type { BatchRecord, ComparisonCheckpoint, EpochRecord, RunResult } from '../engine/training/types';
import type { LabError } from '../lib/errors';
import { CHECKPOINT_VERSION, comparisonCheckpointSchema } from '../protocol/checkpoint-schema';
import { comparisonFromJson, comparisonToJson } from './document';
import { createSweepStore } from './sweep-store';
import { AlreadyStoredError, ImportError, StorageError, toStorageError } from './errors';
import { GALLERY_VERSION, runGallerySchema, type RunGallery } from '../protocol/gallery';
import { restoreComparison, validatePart } from './restore';
import { restoreRow } from './restore-row';
import { batchRecordSchema, comparisonStatusSchema, epochRecordSchema, probeSampleSchema, runResultSchema } from './schema';
import type { ComparisonRepository, ComparisonStatus, ComparisonSummary, StoredComparison } from './types';

export const DEFAULT_DB_NAME = 'optimizer-lab';
const DB_VERSION = 5;

/** A comparison without its records, as the `comparisons` store holds it. */
type ComparisonHeader = Omit<StoredComparison, 'epochs' | 'batches' | 'probes'> & {
  /** The highest epoch any run has finished, so list() need not read the records. */
  readonly epochsDone: number;
  /** The epochs the saved checkpoint covers, so list() need not read the checkpoint. */
  readonly checkpointEpoch?: number;
};
type EpochRow = EpochRecord & { readonly comparisonId: string };
type BatchRow = BatchRecord & { readonly comparisonId: string };
type ProbeRow = ProbeSample & { readonly comparisonId: string };
type RecordKey = [comparisonId: string, runId: string, index: number];
/** Not validated by idb: what is read back goes through comparisonCheckpointSchema. */
interface CheckpointRow {
  readonly comparisonId: string;
  readonly checkpoint: ComparisonCheckpoint;
}

/** Not validated by idb either: read back through runGallerySchema. */
interface GalleryRow {
  readonly comparisonId: string;
  readonly runId: string;
  readonly gallery: RunGallery;
}

interface LabDB extends DBSchema {
  comparisons: { key: string; value: ComparisonHeader };
  epochs: { key: RecordKey; value: EpochRow };
  batches: { key: RecordKey; value: BatchRow };
  probes: { key: RecordKey; value: ProbeRow };
  checkpoints: { key: string; value: CheckpointRow };
  galleries: { key: [comparisonId: string, runId: string]; value: GalleryRow };
}

type Store = StoreNames<LabDB>;
type WriteTx = IDBPTransaction<LabDB, Store[], 'readwrite'>;
const ALL_STORES: Store[] = ['comparisons', 'epochs', 'batches', 'probes', 'checkpoints', 'galleries'];

export interface RepositoryOptions {
  /** Defaults to 'optimizer-lab'; tests use a fresh name each. */
  readonly dbName?: string;
  /**
   * Defaults to the global `indexedDB`. idb recognises IndexedDB objects by the global
   * classes (IDBRequest, IDBTransaction...), so a factory must come with its globals
   * (a browser's own, or fake-indexeddb/auto's).
   */
  readonly indexedDB?: IDBFactory;
  /** The clock for `updatedAt`; tests pin it. */
  readonly now?: () => Date;
  /** Called for each stored comparison list() leaves out because it cannot be read. */
  readonly onUnreadable?: (id: string, error: LabError) => void;
}

const noop = () => undefined;

export async function openComparisonRepository(options: RepositoryOptions = {}): Promise<ComparisonRepository> {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  if (!factory) {
    throw new StorageError('no-indexeddb', 'a browser with IndexedDB (saved comparisons live there)', 'none (a private window may turn it off)', 'storage');
  }
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const db = await openDatabase(factory, options.dbName ?? DEFAULT_DB_NAME);

  /**
   * Runs `body` in one readwrite transaction and resolves once it has committed. Requests
   * the body does not await go through `queue`; any failure aborts the whole transaction.
   */
  async function write<T>(where: string, body: (tx: WriteTx, queue: (request: Promise<unknown>) => void) => Promise<T>): Promise<T> {
    let tx: WriteTx;
    try {
      tx = db.transaction(ALL_STORES, 'readwrite');
    } catch (error) {
      throw toStorageError(error, where);
    }
    const done = tx.done;
    done.catch(noop); // observed below; this only keeps an abort from being "unhandled"
    const pending: Promise<unknown>[] = [];
    const queue = (request: Promise<unknown>) => {
      request.catch(noop);
      pending.push(request);
    };
    try {
      const result = await body(tx, queue);
      await Promise.all(pending);
      await done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // already committed or aborted
      }
      throw toStorageError(error, where);
    }
  }

  async function readHeader(tx: WriteTx, id: string, where: string): Promise<ComparisonHeader> {
    const header = await tx.objectStore('comparisons').get(id);
    if (!header) throw notFound(id, where);
    return header;
  }

  /** Queues the removal of a comparison: its header, records, checkpoint and images. */
  function removeComparison(tx: WriteTx, queue: (request: Promise<unknown>) => void, id: string): void {
    const range = recordRange(id);
    queue(tx.objectStore('comparisons').delete(id));
    queue(tx.objectStore('epochs').delete(range));
    queue(tx.objectStore('batches').delete(range));
    queue(tx.objectStore('probes').delete(range));
    queue(tx.objectStore('checkpoints').delete(id));
    queue(tx.objectStore('galleries').delete(range));
  }

  function putRecords(
    tx: WriteTx,
    queue: (request: Promise<unknown>) => void,
    id: string,
    records: { epochs: readonly EpochRecord[]; batches: readonly BatchRecord[]; probes: readonly ProbeSample[] },
  ): void {
    const epochStore = tx.objectStore('epochs');
    for (const record of records.epochs) queue(epochStore.put({ ...record, comparisonId: id }));
    const batchStore = tx.objectStore('batches');
    for (const record of records.batches) queue(batchStore.put({ ...record, comparisonId: id }));
    const probeStore = tx.objectStore('probes');
    for (const sample of records.probes) queue(probeStore.put({ ...sample, comparisonId: id }));
  }

  async function get(id: string): Promise<StoredComparison | undefined> {
    let rows: [ComparisonHeader | undefined, EpochRow[], BatchRow[], ProbeRow[]];
    try {
      const tx = db.transaction(['comparisons', 'epochs', 'batches', 'probes'], 'readonly');
      const range = recordRange(id);
      rows = await Promise.all([
        tx.objectStore('comparisons').get(id),
        tx.objectStore('epochs').getAll(range),
        tx.objectStore('batches').getAll(range),
        tx.objectStore('probes').getAll(range),
      ]);
    } catch (error) {
      throw toStorageError(error, `reading comparison "${id}"`);
    }
    const [header, epochs, batches, probes] = rows;
    if (!header) return undefined;
    const { epochsDone: _epochsDone, checkpointEpoch: _checkpointEpoch, ...rest } = header;
    const raw = { ...rest, epochs: epochs.map(withoutComparisonId), batches: batches.map(withoutComparisonId), probes: probes.map(withoutComparisonId) };
    return inCanonicalOrder(restoreComparison(raw, `comparison ${JSON.stringify(id)}`));
  }

  const repository: ComparisonRepository = {
    async create(comparison) {
      const where = `saving comparison "${comparison.id}"`;
      const checked = restoreComparison(comparison, `comparison ${JSON.stringify(comparison.id)}`);
      await write(where, async (tx, queue) => {
        const store = tx.objectStore('comparisons');
        if ((await store.getKey(checked.id)) !== undefined) {
          throw new StorageError('already-exists', 'a new comparison id', `"${checked.id}", which is already stored`, where);
        }
        const { epochs, batches, probes, ...header } = checked;
        queue(store.add({ ...header, epochsDone: maxEpoch(epochs, 0) }));
        putRecords(tx, queue, checked.id, { epochs, batches, probes });
      });
    },

    async appendRecords(id, records) {
      const given = records.probes ?? [];
      if (records.epochs.length === 0 && records.batches.length === 0 && given.length === 0) return;
      const where = `saving epochs of comparison "${id}"`;
      const epochs = records.epochs.map((record, i) => validatePart(epochRecordSchema, record, `epochs[${i}]`));
      const batches = records.batches.map((record, i) => validatePart(batchRecordSchema, record, `batches[${i}]`));
      const probes = given.map((sample, i) => validatePart(probeSampleSchema, sample, `probes[${i}]`));
      await write(where, async (tx, queue) => {
        const header = await readHeader(tx, id, where);
        putRecords(tx, queue, id, { epochs, batches, probes });
        queue(tx.objectStore('comparisons').put({ ...header, epochsDone: maxEpoch(epochs, header.epochsDone), updatedAt: now() }));
      });
    },

    async saveRunResult(id, result) {
      const where = `saving the result of run "${result.runId}" in comparison "${id}"`;
      const checked: RunResult = validatePart(runResultSchema, result, 'result');
      await write(where, async (tx, queue) => {
        const header = await readHeader(tx, id, where);
        const results = { ...header.results, [checked.runId]: checked };
        queue(tx.objectStore('comparisons').put({ ...header, results, updatedAt: now() }));
      });
    },

    async setStatus(id, status, error) {
      const where = `saving the status of comparison "${id}"`;
      const checked: ComparisonStatus = validatePart(comparisonStatusSchema, status, 'status');
      await write(where, async (tx, queue) => {
        const { error: _previous, ...header } = await readHeader(tx, id, where);
        const next: ComparisonHeader = { ...header, status: checked, updatedAt: now(), ...(error !== undefined ? { error } : {}) };
        queue(tx.objectStore('comparisons').put(next));
      });
    },

    get,

    async list() {
      let headers: ComparisonHeader[];
      try {
        headers = await db.getAll('comparisons');
      } catch (error) {
        throw toStorageError(error, 'reading the saved comparisons');
      }
      const summaries: ComparisonSummary[] = [];
      for (const header of headers) {
        const { epochsDone, checkpointEpoch, ...rest } = header;
        let comparison: StoredComparison;
        try {
          comparison = restoreComparison({ ...rest, epochs: [], batches: [], probes: [] }, `comparison ${JSON.stringify(header.id)}`);
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          options.onUnreadable?.(String(header.id), error);
          continue;
        }
        summaries.push({
          id: comparison.id,
          name: comparison.name,
          createdAt: comparison.createdAt,
          updatedAt: comparison.updatedAt,
          status: comparison.status,
          dataset: comparison.dataset,
          architecture: comparison.config.architecture,
          runCount: comparison.config.runs.length,
          epochsDone: Number.isInteger(epochsDone) && epochsDone >= 0 ? epochsDone : 0,
          ...(Number.isInteger(checkpointEpoch) && checkpointEpoch! > 0 ? { resumableFromEpoch: checkpointEpoch } : {}),
        });
      }
      return summaries.sort(newestFirst);
    },

    async delete(id) {
      await write(`deleting comparison "${id}"`, async (tx, queue) => removeComparison(tx, queue, id));
    },

    async saveCheckpoint(id, checkpoint) {
      const where = `saving the checkpoint of comparison "${id}"`;
      const checked: ComparisonCheckpoint = validatePart(comparisonCheckpointSchema, checkpoint, 'checkpoint');
      await write(where, async (tx, queue) => {
        const header = await readHeader(tx, id, where);
        // One row per comparison: putting it again replaces the previous epoch's checkpoint.
        queue(tx.objectStore('checkpoints').put({ comparisonId: id, checkpoint: checked }));
        queue(tx.objectStore('comparisons').put({ ...header, checkpointEpoch: checked.epochsCompleted, updatedAt: now() }));
      });
    },

    async getCheckpoint(id) {
      let row: unknown;
      try {
        row = await db.get('checkpoints', id);
      } catch (error) {
        throw toStorageError(error, `reading the checkpoint of comparison "${id}"`);
      }
      return row === undefined ? undefined : restoreRow(row, CHECKPOINT_PART, `checkpoint of comparison ${JSON.stringify(id)}`);
    },

    async deleteCheckpoint(id) {
      const where = `deleting the checkpoint of comparison "${id}"`;
      await write(where, async (tx, queue) => {
        const header = await tx.objectStore('comparisons').get(id);
        queue(tx.objectStore('checkpoints').delete(id));
        if (header?.checkpointEpoch !== undefined) {
          const { checkpointEpoch: _checkpointEpoch, ...rest } = header;
          queue(tx.objectStore('comparisons').put(rest));
        }
      });
    },

    async saveGallery(id, gallery) {
      const where = `saving the gallery of run "${gallery.runId}" in comparison "${id}"`;
      const checked: RunGallery = validatePart(runGallerySchema, gallery, 'gallery');
      await write(where, async (tx, queue) => {
        await readHeader(tx, id, where);
        queue(tx.objectStore('galleries').put({ comparisonId: id, runId: checked.runId, gallery: checked }));
      });
    },

    async getGalleries(id) {
      let rows: unknown[];
      try {
        rows = await db.getAll('galleries', recordRange(id));
      } catch (error) {
        throw toStorageError(error, `reading the galleries of comparison "${id}"`);
      }
      const galleries = rows.map((row, i) => restoreRow(row, GALLERY_PART, `gallery ${i + 1} of comparison ${JSON.stringify(id)}`));
      return Object.fromEntries(galleries.map((gallery) => [gallery.runId, gallery]));
    },

    async rewind(id, to) {
      const where = `going back to epoch ${to.epochsCompleted} of comparison "${id}"`;
      const keep = new Set(to.keepResultsOf);
      await write(where, async (tx, queue) => {
        const header = await readHeader(tx, id, where);
        const range = recordRange(id);
        let epochCursor = await tx.objectStore('epochs').openCursor(range);
        while (epochCursor) {
          if (epochCursor.value.epoch > to.epochsCompleted) queue(epochCursor.delete());
          epochCursor = await epochCursor.continue();
        }
        let batchCursor = await tx.objectStore('batches').openCursor(range);
        while (batchCursor) {
          if (batchCursor.value.epoch > to.epochsCompleted) queue(batchCursor.delete());
          batchCursor = await batchCursor.continue();
        }
        let probeCursor = await tx.objectStore('probes').openCursor(range);
        while (probeCursor) {
          if (probeCursor.value.epoch > to.epochsCompleted) queue(probeCursor.delete());
          probeCursor = await probeCursor.continue();
        }
        const results = Object.fromEntries(Object.entries(header.results).filter(([runId]) => keep.has(runId)));
        const epochsDone = Math.min(header.epochsDone, to.epochsCompleted);
        queue(tx.objectStore('comparisons').put({ ...header, results, epochsDone, updatedAt: now() }));
      });
    },

    async markInterrupted() {
      return write('marking interrupted comparisons', async (tx) => {
        let count = 0;
        const updatedAt = now();
        let cursor = await tx.objectStore('comparisons').openCursor();
        while (cursor) {
          const header = cursor.value;
          if (header.status === 'running' || header.status === 'paused') {
            await cursor.update({ ...header, status: 'interrupted', updatedAt });
            count += 1;
          }
          cursor = await cursor.continue();
        }
        return count;
      });
    },

    async importJson(text, { whenStored = 'refuse' } = {}) {
      // Everything is validated before the transaction starts: a bad file writes nothing.
      const imported = comparisonFromJson(text);
      const status: ComparisonStatus = imported.status === 'running' || imported.status === 'paused' ? 'interrupted' : imported.status;
      const where = 'importing a comparison';
      return write(where, async (tx, queue) => {
        const store = tx.objectStore('comparisons');
        const stored = await store.get(imported.id);
        let { id, name } = imported;
        if (stored && whenStored === 'refuse') throw new AlreadyStoredError({ id, name: stored.name, updatedAt: stored.updatedAt }, where);
        if (stored && whenStored === 'replace') {
          if (stored.status === 'running' || stored.status === 'paused') {
            throw new StorageError('running', 'a stored comparison that is not training, to replace', `“${stored.name}”, ${stored.status} now: stop it first`, where);
          }
          removeComparison(tx, queue, id);
        }
        if (stored && whenStored === 'keep-both') {
          while ((await store.getKey(id)) !== undefined) id = newId();
          name = numberedCopy(name, new Set((await store.getAll()).map((header) => header.name)));
        }
        const comparison: StoredComparison = inCanonicalOrder({ ...imported, id, name, status });
        const { epochs, batches, probes, ...header } = comparison;
        queue(store.put({ ...header, epochsDone: maxEpoch(epochs, 0) }));
        putRecords(tx, queue, id, { epochs, batches, probes });
        return comparison;
      });
    },

    async exportJson(id) {
      const comparison = await get(id);
      if (!comparison) throw notFound(id, `exporting comparison "${id}"`);
      return comparisonToJson(comparison);
    },
  };
  return repository;
}

/** Opens (and upgrades) the lab's database; the sweeps' repository opens it the same way. */
export async function openDatabase(factory: IDBFactory, name: string): Promise<IDBPDatabase<LabDB>> {
  let request: IDBOpenDBRequest;
  try {
    request = factory.open(name, DB_VERSION);
  } catch (error) {
    throw toStorageError(error, 'opening the saved comparisons');
  }
  request.addEventListener('upgradeneeded', (event) => upgrade(request.result, event.oldVersion));
  let db: IDBPDatabase | undefined;
  try {
    db = await wrap(request);
  } catch (error) {
    throw toStorageError(error, 'opening the saved comparisons');
  }
  if (!db) throw new StorageError('storage-failed', 'the database to open', 'nothing', 'opening the saved comparisons');
  const opened = db as unknown as IDBPDatabase<LabDB>;
  // Another tab upgrading the database must not wait for this one: let it go.
  opened.addEventListener('versionchange', () => opened.close());
  return opened;
}

/** Database versions, each step in order (this is the IndexedDB layout, not the record format). */
function upgrade(db: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    db.createObjectStore('comparisons', { keyPath: 'id' });
    db.createObjectStore('epochs', { keyPath: ['comparisonId', 'runId', 'epoch'] });
    db.createObjectStore('batches', { keyPath: ['comparisonId', 'runId', 'step'] });
  }
  if (oldVersion < 2) {
    db.createObjectStore('checkpoints', { keyPath: 'comparisonId' });
  }
  if (oldVersion < 3) {
    db.createObjectStore('galleries', { keyPath: ['comparisonId', 'runId'] });
  }
  if (oldVersion < 4) {
    db.createObjectStore('probes', { keyPath: ['comparisonId', 'runId', 'step'] });
  }
  if (oldVersion < 5) createSweepStore(db);
}

const CHECKPOINT_PART = { field: 'checkpoint', schema: comparisonCheckpointSchema, version: CHECKPOINT_VERSION, what: 'checkpoint', otherwise: 'restart the comparison' };
const GALLERY_PART = { field: 'gallery', schema: runGallerySchema, version: GALLERY_VERSION, what: 'gallery', otherwise: 'train again to see it' };

/** Every record key of one comparison: `[id, ...]` lies between `[id]` and `[id, []]`. */
function recordRange(id: string): IDBKeyRange {
  return IDBKeyRange.bound([id], [id, []]);
}

function withoutComparisonId<T extends { readonly comparisonId: string }>(row: T): Omit<T, 'comparisonId'> {
  const { comparisonId: _comparisonId, ...record } = row;
  return record;
}

function maxEpoch(epochs: readonly EpochRecord[], start: number): number {
  return epochs.reduce((max, record) => Math.max(max, record.epoch), start);
}

function notFound(id: string, where: string): StorageError {
  return new StorageError('not-found', 'a saved comparison', `no comparison with id "${id}" (was it deleted?)`, where);
}

function newestFirst(a: ComparisonSummary, b: ComparisonSummary): number {
  return Date.parse(b.createdAt) - Date.parse(a.createdAt) || Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The order get() returns records in, whatever order they were written or stored in:
 * epochs by epoch, then by the run's place in the config; batch losses and probe samples
 * by step, then run.
 */
export function inCanonicalOrder(comparison: StoredComparison): StoredComparison {
  const runIds = comparison.config.runs.map((run, i) => run.id ?? `run-${i + 1}`);
  const place = (runId: string) => {
    const index = runIds.indexOf(runId);
    return index === -1 ? runIds.length : index;
  };
  const byRun = (a: { runId: string }, b: { runId: string }) => place(a.runId) - place(b.runId) || (a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0);
  return {
    ...comparison,
    epochs: [...comparison.epochs].sort((a, b) => a.epoch - b.epoch || byRun(a, b)),
    batches: [...comparison.batches].sort((a, b) => a.step - b.step || byRun(a, b)),
    probes: [...comparison.probes].sort((a, b) => a.step - b.step || byRun(a, b)),
  };
}

/** A random id (RFC 4122 v4); crypto.randomUUID needs a secure context, getRandomValues does not. */
function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A kept copy's name: "name (2)", or the next number no stored comparison has ("name (2)" again gives "name (3)"). */
export function numberedCopy(name: string, taken: ReadonlySet<string>): string {
  const base = name.replace(/ \(\d+\)$/, '');
  let n = 2;
  while (taken.has(`${base} (${n})`)) n += 1;
  return `${base} (${n})`;
}
