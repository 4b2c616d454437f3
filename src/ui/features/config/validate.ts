/**
 * Every problem of a config, each keyed by the config path of the field it belongs to,
 * so the form shows it beside that field. Three layers, the first message per field wins:
 * text that is not a number (form-to-config.ts), the schema's issues all at once (zod),
 * then each optimizer's fields against their FieldSpec ranges and the engine's own
 * resolver and parser (its ConfigError `where` names the field).
 */
import type { ExperimentConfigInput } from '../../../engine/experiment/config';
import type { FieldSpec } from '../../../engine/optimizers/types';
import type { Catalog } from '../../catalog/catalog';
import type { FieldErrors } from './form-to-config';
import { specOf } from './form-model';

type Validators = Pick<Catalog, 'experimentSchema' | 'optimizerSpecs' | 'resolveOptimizerConfig' | 'parseExperiment'>;

type Range = Pick<FieldSpec, 'min' | 'max' | 'exclusiveMin' | 'exclusiveMax'>;

/** "Must be ≥ 0 and < 1." for a FieldSpec's range. */
export function rangeText(range: Range): string {
  const parts: string[] = [];
  if (range.min !== undefined) parts.push(`${range.exclusiveMin ? '>' : '≥'} ${range.min}`);
  if (range.max !== undefined) parts.push(`${range.exclusiveMax ? '<' : '≤'} ${range.max}`);
  return parts.length ? `Must be ${parts.join(' and ')}.` : '';
}

export function outOfRange(value: number, range: Range): boolean {
  if (range.min !== undefined && (range.exclusiveMin ? value <= range.min : value < range.min)) return true;
  return range.max !== undefined && (range.exclusiveMax ? value >= range.max : value > range.max);
}

/**
 * The path of the field that shows an error: list items point at their list
 * (`model.hiddenUnits[1]` → `model.hiddenUnits`), a schedule's initial rate at the run's
 * learning-rate field.
 */
export function fieldPath(where: string): string {
  let path = where.replace(/\.learning_rate\.initial_learning_rate$/, '.learning_rate');
  while (/\[\d+\]$/.test(path)) path = path.replace(/\[\d+\]$/, '');
  return path;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

interface IssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly inclusive?: boolean;
  readonly origin?: string;
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
}

/** One zod issue as a sentence a student reads. */
export function issueMessage(issue: IssueLike): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return `Add at least ${String(issue.minimum)}.`;
      return `Must be ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}.`;
    case 'too_big':
      return `Must be ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}.`;
    case 'invalid_type':
      return issue.expected === 'int' ? 'Enter a whole number.' : `Expected a ${issue.expected ?? 'different'} value.`;
    case 'invalid_value':
      return `Choose one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'invalid_union':
      return issue.path.at(-1) === 'batchSize' ? 'Enter a whole number ≥ 1, or "full".' : 'Not a valid value here.';
    case 'unrecognized_keys':
      return `Unknown field "${issue.keys?.[0] ?? ''}".`;
    default:
      return issue.message;
  }
}

interface ConfigErrorLike {
  readonly where?: string;
  readonly expected?: string;
  readonly found?: string;
}

const isConfigError = (error: unknown): error is ConfigErrorLike & Error =>
  error instanceof Error && typeof (error as ConfigErrorLike).expected === 'string';

/** "Expected X, found Y." from a ConfigError. */
export function configErrorMessage(error: unknown): string {
  if (isConfigError(error)) return `Expected ${error.expected}, found ${error.found}.`;
  return error instanceof Error ? error.message : String(error);
}

function addError(errors: FieldErrors, where: string, message: string): void {
  const path = fieldPath(where);
  if (!(path in errors)) errors[path] = message;
}

function rangeErrors(catalog: OptimizerValidators, optimizers: readonly unknown[], errors: FieldErrors): void {
  optimizers.forEach((value, i) => {
    const optimizer = value as { name?: string; hyperparameters?: Record<string, unknown> } | undefined;
    if (!optimizer?.name || !(optimizer.name in catalog.optimizerSpecs)) return;
    const spec = specOf(catalog.optimizerSpecs, optimizer.name as keyof Validators['optimizerSpecs']);
    for (const field of spec.fields) {
      const value = optimizer.hyperparameters?.[field.name];
      if (typeof value === 'number' && outOfRange(value, field)) {
        addError(errors, `runs[${i}].optimizer.hyperparameters.${field.name}`, rangeText(field));
      }
    }
  });
}

type OptimizerValidators = Pick<Catalog, 'optimizerSpecs' | 'resolveOptimizerConfig'>;

/**
 * The problems of each run's optimizer (`optimizers[i]` is run i's), keyed by
 * `runs[i].optimizer…`: ranges first, then the engine's resolver, for runs with no
 * problem yet. Adds to `errors` (the first message per field wins) and returns it.
 */
export function optimizerErrors(catalog: OptimizerValidators, optimizers: readonly unknown[], errors: FieldErrors = {}): FieldErrors {
  rangeErrors(catalog, optimizers, errors);
  optimizers.forEach((optimizer, i) => {
    const where = `runs[${i}].optimizer`;
    if (Object.keys(errors).some((path) => path.startsWith(where))) return;
    try {
      catalog.resolveOptimizerConfig(optimizer, where);
    } catch (error) {
      addError(errors, (isConfigError(error) && error.where) || where, configErrorMessage(error));
    }
  });
  return errors;
}

export function validateConfig(catalog: Validators, config: ExperimentConfigInput, textErrors: FieldErrors = {}): FieldErrors {
  const errors: FieldErrors = { ...textErrors };
  const parsed = catalog.experimentSchema.safeParse(config);
  if (!parsed.success) {
    for (const issue of parsed.error.issues as unknown as IssueLike[]) {
      const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys?.[0] ?? ''] : issue.path;
      addError(errors, formatPath(path) || 'config', issueMessage(issue));
    }
  }
  optimizerErrors(catalog, (config.runs ?? []).map((run) => run.optimizer), errors);
  if (Object.keys(errors).length === 0) {
    try {
      catalog.parseExperiment(config);
    } catch (error) {
      addError(errors, (isConfigError(error) && error.where) || 'config', configErrorMessage(error));
    }
  }
  return errors;
}
