/**
 * The exported file: `{ format: 'optimizer-lab/comparison', version, comparison }`.
 * Non-finite numbers (a diverged run's NaN loss) are written as "NaN", "Infinity" and
 * "-Infinity", which JSON can hold, and read back as numbers.
 */
import { ImportError } from './errors';
import { describeValue, isPlainObject, newerVersionError, restoreComparison, type RestoreOptions } from './restore';
import { encodeNonFinite } from './schema';
import { STORED_COMPARISON_VERSION, type StoredComparison } from './types';

export const COMPARISON_FORMAT = 'optimizer-lab/comparison';

export interface ComparisonDocument {
  readonly format: typeof COMPARISON_FORMAT;
  readonly version: typeof STORED_COMPARISON_VERSION;
  readonly comparison: StoredComparison;
}

const DOCUMENT_KEYS = new Set(['format', 'version', 'comparison']);

/** The JSON text of an exported comparison. */
export function comparisonToJson(comparison: StoredComparison): string {
  const document: ComparisonDocument = { format: COMPARISON_FORMAT, version: STORED_COMPARISON_VERSION, comparison };
  return JSON.stringify(document, encodeNonFinite);
}

/** Reads an exported file; anything that is not a comparison this lab can open throws an ImportError. */
export function comparisonFromJson(text: string, options: RestoreOptions = {}): StoredComparison {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportError('not-json', 'a JSON file exported by Optimizer Lab', `text that is not JSON (${detail})`, 'file');
  }
  if (!isPlainObject(document) || document.format !== COMPARISON_FORMAT) {
    const found = !isPlainObject(document)
      ? `JSON that is not an object (${describeValue(document)})`
      : document.format === undefined
        ? 'a JSON object without a "format" field'
        : `format ${describeValue(document.format)}`;
    throw new ImportError('wrong-format', `a comparison exported by Optimizer Lab (format "${COMPARISON_FORMAT}")`, found, 'format');
  }
  const { version } = document;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new ImportError('wrong-format', 'a version number (a whole number)', describeValue(version), 'version');
  }
  if (version > STORED_COMPARISON_VERSION) throw newerVersionError(version, 'version');
  const unknown = Object.keys(document).find((key) => !DOCUMENT_KEYS.has(key));
  if (unknown !== undefined) throw new ImportError('wrong-format', 'only the fields format, version and comparison', `an unknown field "${unknown}"`, unknown);
  return restoreComparison(document.comparison, 'comparison', options);
}
