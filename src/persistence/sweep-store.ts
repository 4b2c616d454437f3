/** The sweeps' object store in the lab's database, and the upgrade step that adds it. */
export const SWEEP_STORE = 'sweeps';

/** Self-contained, so whichever database version adds it can run it: an existing store is left alone. */
export function createSweepStore(db: IDBDatabase): void {
  if (!db.objectStoreNames.contains(SWEEP_STORE)) db.createObjectStore(SWEEP_STORE, { keyPath: 'id' });
}
