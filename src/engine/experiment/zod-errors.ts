/**
 * A zod issue as the ConfigError a student reads: the field's path
 * (`runs[2].optimizer`), what was expected in words, and what was found. Shared by the
 * experiment and sweep parsers.
 */
import type { z } from 'zod';
import { ConfigError } from '../../lib/errors';

export function describeFound(input: unknown, path: readonly PropertyKey[]): string {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return 'nothing';
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text && text.length > 60 ? `${text.slice(0, 57)}...` : String(text);
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );
}

/** What a zod issue asked for, in words a student reads. */
export function expectedText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return 'only known fields';
    case 'invalid_type':
      return `a value of type ${issue.expected}`;
    case 'too_small':
      return `${issue.origin === 'array' ? 'at least' : issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}${issue.origin === 'array' ? ' items' : ''}`;
    case 'too_big':
      return `${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

/** The first issue of `error` as a ConfigError; `root` names the whole input when the issue has no path. */
export function configErrorFromZod(error: z.ZodError, input: unknown, root: string, code: string): ConfigError {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const path = [...issue.path, issue.keys[0]!];
    return new ConfigError('unknown-field', 'only known fields (is it a typo?)', `an unknown field "${issue.keys[0]}"`, formatPath(path));
  }
  return new ConfigError(code, expectedText(issue), describeFound(input, issue.path), formatPath(issue.path) || root);
}
