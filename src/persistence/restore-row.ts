/**
 * Side records read back from IndexedDB (a checkpoint, a gallery): versioned values
 * filed under a comparison, untrusted like every other read.
 */
import type { z } from 'zod';
import { ImportError } from './errors';
import { describeValue, isPlainObject, joinPath, validatePart } from './restore';

export interface VersionedPart<T extends z.ZodType> {
  /** The row's field that holds the value, e.g. 'checkpoint'. */
  readonly field: string;
  readonly schema: T;
  /** The newest version this lab reads. */
  readonly version: number;
  /** What it is, for error messages: 'checkpoint', 'gallery'. */
  readonly what: string;
  /** What the user can do when it is too new. */
  readonly otherwise: string;
}

/** The row's value, validated: an ImportError says what is wrong and where. */
export function restoreRow<T extends z.ZodType>(row: unknown, part: VersionedPart<T>, where: string): z.output<T> {
  const value = isPlainObject(row) ? row[part.field] : undefined;
  if (!isPlainObject(value)) {
    throw new ImportError('invalid-record', `a saved ${part.what} (an object)`, describeValue(isPlainObject(row) ? value : row), where);
  }
  const { version } = value;
  if (typeof version === 'number' && version > part.version) {
    throw new ImportError(
      'newer-version',
      `${part.what} version ${part.version} (what this version of the lab reads)`,
      `version ${version}, saved by a newer version of the lab: update the lab, or ${part.otherwise}`,
      joinPath(where, ['version']),
    );
  }
  return validatePart(part.schema, value, where);
}
