/**
 * Checks what arrives from the page before a worker host acts on it, for any of the
 * lab's protocols: first the protocol version (a stale tab or a cached old worker is
 * told so plainly), then the message type, then its shape against the type's zod schema.
 */
import type { z } from 'zod';
import type { ErrorPayload } from '../protocol/messages';

export type ParsedMessage<T> =
  | { readonly ok: true; readonly message: T }
  | { readonly ok: false; readonly error: ErrorPayload; readonly record: Record<string, unknown> };

export interface MessageSchemas<Type extends string> {
  readonly version: number;
  /** How the page names this worker, e.g. `training worker`. */
  readonly who: string;
  readonly schemas: Readonly<Record<Type, z.ZodType>>;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function pathValue(record: unknown, path: readonly PropertyKey[]): unknown {
  let value = record;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

export function parseMessage<T, Type extends string>(data: unknown, { version, who, schemas }: MessageSchemas<Type>): ParsedMessage<T> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, error: { code: 'bad-message', message: 'expected a message object', expected: 'a message object', found: describeValue(data) }, record: {} };
  }
  const record = data as Record<string, unknown>;
  if (record.v !== version) {
    const found = record.v === undefined ? 'no version' : `version ${describeValue(record.v)}`;
    const message = `The page and the ${who} come from different versions of the lab (expected protocol version ${version}, found ${found}). Reload the page.`;
    return { ok: false, error: { code: 'protocol-version', message, expected: `protocol version ${version}`, found }, record };
  }
  const types = Object.keys(schemas) as Type[];
  const type = record.type as Type;
  if (!types.includes(type)) {
    const expected = `a message type, one of ${types.join(', ')}`;
    return { ok: false, error: { code: 'bad-message', message: `expected ${expected}, found ${describeValue(record.type)}`, expected, found: describeValue(record.type) }, record };
  }
  const parsed = schemas[type].safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = [type, ...issue.path.map(String)].join('.');
    const error = { code: 'bad-message', message: `${where}: ${issue.message}`, expected: issue.message, found: describeValue(pathValue(record, issue.path)), where };
    return { ok: false, error, record };
  }
  // Validated above; the schema's output is structurally the protocol type.
  return { ok: true, message: data as T };
}
