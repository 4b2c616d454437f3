import { LabError } from '../lib/errors';

/**
 * Data read back (an imported file, a record from IndexedDB) is not what this version of
 * the lab can read. Codes: 'not-json', 'wrong-format', 'newer-version', 'unknown-version',
 * 'invalid-record', 'invalid-config', 'already-stored'.
 */
export class ImportError extends LabError {}

/**
 * An import refused because its comparison (the same id) is in the history already:
 * nothing was written, and `stored` says which entry it is, so the user can choose to
 * replace it or keep both.
 */
export class AlreadyStoredError extends ImportError {
  constructor(
    readonly stored: { readonly id: string; readonly name: string; readonly updatedAt: string },
    where: string,
  ) {
    super('already-stored', 'a comparison not yet in the history', `“${stored.name}”, which the history holds already`, where);
  }
}

/**
 * Writing or reading the browser's store failed. Codes: 'storage-full' (the quota is
 * used up), 'not-found', 'already-exists', 'running' (an import may not replace a comparison
 * that trains), 'storage-failed'.
 */
export class StorageError extends LabError {}

const QUOTA_ERROR_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** Whether an error (a DOMException, a transaction's error) means the storage quota is used up. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name } = error as { name?: unknown };
  return typeof name === 'string' && QUOTA_ERROR_NAMES.has(name);
}

/**
 * What a failed write becomes: LabErrors pass through; a quota error becomes 'storage-full'
 * with what the user can do about it; anything else becomes 'storage-failed'.
 */
export function toStorageError(error: unknown, where: string): LabError {
  if (error instanceof LabError) return error;
  if (isQuotaError(error)) {
    return new StorageError(
      'storage-full',
      "room in this browser's storage for this site",
      'the storage quota used up: delete old comparisons (export the ones you want to keep first), then try again',
      where,
    );
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new StorageError('storage-failed', 'the browser to store the data', `an error (${detail})`, where);
}
