/** Saved comparisons: the IndexedDB repository, import/export, CSV, and the one door for untrusted data. */
export { STORED_COMPARISON_VERSION } from './types';
export type { ComparisonRepository, ComparisonStatus, ComparisonSummary, StoredComparison } from './types';
export { DEFAULT_DB_NAME, openComparisonRepository } from './repository';
export type { RepositoryOptions } from './repository';
export { migrations, restoreComparison } from './restore';
export type { Migration, RawRecord, RestoreOptions } from './restore';
export { COMPARISON_FORMAT, comparisonFromJson, comparisonToJson } from './document';
export type { ComparisonDocument } from './document';
export { comparisonToCsv } from './csv';
export { ImportError, StorageError, isQuotaError } from './errors';
export { STORED_SWEEP_VERSION } from './sweep-types';
export type { StoredSweep, StoredSweepGroup, SweepGroupStatus, SweepRepository, SweepSummary } from './sweep-types';
export { openSweepRepository } from './sweep-repository';
export type { SweepRepositoryOptions } from './sweep-repository';
export { restoreSweep } from './sweep-restore';
