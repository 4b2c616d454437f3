/**
 * The one door for data the lab did not just create: records read back from IndexedDB
 * and imported files. Everything goes through `restoreComparison`: migrate step by step
 * from the version it was written in to the current one, validate the shape with zod,
 * then validate the embedded experiment config the way a new run would be
 * (`parseExperiment`). A failure is an ImportError that says what was expected, what was
 * found and where (a path like `comparison.epochs[3].loss`).
 */
import type { z } from 'zod';
import { ConfigError, LabError } from '../lib/errors';
import { parseExperiment, type ExperimentPlan } from '../engine/experiment/config';
import { ImportError } from './errors';
import { storedComparisonSchema } from './schema';
import { STORED_COMPARISON_VERSION, type StoredComparison } from './types';

/** A plain JSON-like record, as read back before validation. */
export type RawRecord = Readonly<Record<string, unknown>>;

/**
 * Turns a record of version n into one of version n + 1 (setting `version` to n + 1).
 * Migrations see unvalidated data: they only move and rename, and validation runs after
 * the last one.
 */
export type Migration = (record: RawRecord) => Record<string, unknown>;

/**
 * The migrations, by the version they migrate from. Version 1 had no probe samples.
 * (In IndexedDB a version 1 header may sit beside probe rows written since: they are kept.)
 */
export const migrations: Readonly<Record<number, Migration>> = {
  1: (record) => ({ ...record, version: 2, probes: record.probes ?? [] }),
};

export interface RestoreOptions {
  /** Defaults to `migrations`; tests pass their own. */
  readonly migrations?: Readonly<Record<number, Migration>>;
}

/**
 * Validates (and migrates) an untrusted comparison record. `where` names where it came
 * from and prefixes every path in an error: 'comparison' for an imported file's field,
 * `comparison "<id>"` for a record read from IndexedDB.
 */
export function restoreComparison(raw: unknown, where: string, options: RestoreOptions = {}): StoredComparison {
  const current = migrate(raw, where, options.migrations ?? migrations);
  const parsed = storedComparisonSchema.safeParse(current);
  if (!parsed.success) throw importErrorFromIssues(parsed.error.issues, current, where);
  const comparison = parsed.data;
  const plan = checkConfig(comparison.config, where);
  checkConsistency(comparison, plan, where);
  return comparison;
}

/** Applies migrations one version at a time until the record is current. */
function migrate(raw: unknown, where: string, steps: Readonly<Record<number, Migration>>): RawRecord {
  if (!isPlainObject(raw)) {
    throw new ImportError('wrong-format', 'a comparison record (an object)', describeValue(raw), where);
  }
  let record: RawRecord = raw;
  let version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new ImportError('wrong-format', 'a version number (a whole number)', describeValue(version), joinPath(where, ['version']));
  }
  if (version > STORED_COMPARISON_VERSION) throw newerVersionError(version, joinPath(where, ['version']));
  while (version < STORED_COMPARISON_VERSION) {
    const step = Object.hasOwn(steps, version) ? steps[version] : undefined;
    if (!step) {
      throw new ImportError(
        'unknown-version',
        `version ${STORED_COMPARISON_VERSION}, or an older version this lab can convert`,
        `version ${version}, which it does not know how to convert`,
        joinPath(where, ['version']),
      );
    }
    let next: Record<string, unknown>;
    try {
      next = step(record);
    } catch (error) {
      throw new ImportError(
        'invalid-record',
        `a version ${version} record that converts to version ${version + 1}`,
        `one that does not (${error instanceof Error ? error.message : String(error)})`,
        where,
      );
    }
    if (next.version !== version + 1) {
      throw new Error(`internal invariant broken: the migration from version ${version} must set version ${version + 1}`);
    }
    record = next;
    version += 1;
  }
  return record;
}

export function newerVersionError(version: number, where: string): ImportError {
  return new ImportError(
    'newer-version',
    `version ${STORED_COMPARISON_VERSION} or older (what this version of the lab reads)`,
    `version ${version}, saved by a newer version of the lab: update the lab to open it`,
    where,
  );
}

/** The stored config must be one the lab could run again. */
function checkConfig(config: unknown, where: string): ExperimentPlan {
  const base = joinPath(where, ['config']);
  try {
    return parseExperiment(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      const inner = error.where && error.where !== 'config' ? `${base}.${error.where}` : base;
      throw new ImportError('invalid-config', error.expected, error.found, inner);
    }
    if (error instanceof LabError) throw new ImportError('invalid-config', error.expected, error.found, base);
    throw new ImportError('invalid-config', 'a valid experiment configuration', error instanceof Error ? error.message : String(error), base);
  }
}

/** What zod cannot see: fields that must agree with each other. */
function checkConsistency(comparison: StoredComparison, plan: ExperimentPlan, where: string): void {
  if (comparison.dataset !== plan.dataset.name) {
    throw new ImportError(
      'invalid-record',
      `the dataset of its config ("${plan.dataset.name}")`,
      `"${comparison.dataset}"`,
      joinPath(where, ['dataset']),
    );
  }
  const base = (field: string) => (index: number) => joinPath(where, [field, index]);
  requireUnique(comparison.epochs, (r) => `${r.runId}\u0000${r.epoch}`, 'one record per run and epoch', (r) => `a second record for run "${r.runId}", epoch ${r.epoch}`, base('epochs'));
  requireUnique(comparison.batches, (r) => `${r.runId}\u0000${r.step}`, 'one loss per run and step', (r) => `a second loss for run "${r.runId}", step ${r.step}`, base('batches'));
  requireUnique(comparison.probes, (s) => `${s.runId}\u0000${s.step}`, 'one probe sample per run and step', (s) => `a second sample for run "${s.runId}", step ${s.step}`, base('probes'));
  for (const [key, result] of Object.entries(comparison.results)) {
    if (result.runId !== key) {
      throw new ImportError('invalid-record', `the run id it is filed under ("${key}")`, `"${result.runId}"`, joinPath(where, ['results', key, 'runId']));
    }
  }
}

/** Throws at the first record whose key an earlier record has. */
function requireUnique<T>(records: readonly T[], keyOf: (record: T) => string, expected: string, found: (record: T) => string, at: (index: number) => string): void {
  const seen = new Set<string>();
  records.forEach((record, i) => {
    const key = keyOf(record);
    if (seen.has(key)) throw new ImportError('invalid-record', expected, found(record), at(i));
    seen.add(key);
  });
}

/**
 * Validates one value against a part of the schema (an epoch record, a run result) before
 * it is written; throws the same ImportError a bad record read back would.
 */
export function validatePart<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw importErrorFromIssues(parsed.error.issues, value, where);
  return parsed.data;
}

// ---- error text ------------------------------------------------------------------------

function importErrorFromIssues(issues: readonly z.core.$ZodIssue[], input: unknown, where: string): ImportError {
  const issue = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    return new ImportError('invalid-record', 'only known fields', `an unknown field "${key}"${more}`, joinPath(where, [...issue.path, key]));
  }
  return new ImportError('invalid-record', expectedText(issue), `${describeValue(valueAt(input, issue.path))}${more}`, joinPath(where, issue.path));
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a text',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object',
};

/**
 * What an issue asked for, in words. The schemas' own messages (schema.ts) are written as
 * what is expected, starting in lower case ("a number (or ...)"); zod's stock messages
 * start with a capital and are rebuilt here from the issue's fields.
 */
function expectedText(issue: z.core.$ZodIssue): string {
  if (/^[a-z]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_WORDS[issue.expected] ?? `a value of type ${issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? 'a non-empty text' : `a text of at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return `at least ${issue.minimum} items`;
      return `a number ${issue.inclusive ? '>=' : '>'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `a text of at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return `at most ${issue.maximum} items`;
      return `a number ${issue.inclusive ? '<=' : '<'} ${issue.maximum}`;
    default:
      return issue.message;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A short description of a found value, for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 56)}..."` : text;
  }
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `comparison` + ['epochs', 3, 'loss'] → `comparison.epochs[3].loss`. */
export function joinPath(where: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    if (!IDENTIFIER.test(name)) return `${text}[${JSON.stringify(name)}]`;
    return text ? `${text}.${name}` : name;
  }, where);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
