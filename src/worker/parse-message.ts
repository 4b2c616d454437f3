import { z } from 'zod';
import { datasetNames } from '../engine/experiment/config';
import { comparisonCheckpointSchema } from '../protocol/checkpoint-schema';
import { PROTOCOL_VERSION, type ErrorPayload, type ToWorker, type ToWorkerType } from '../protocol/messages';

/**
 * Checks what arrives from the page before the host acts on it: first the protocol
 * version (a stale tab or a cached old worker is told so plainly), then the shape of
 * the message. The experiment config itself is validated later by the engine's
 * parseExperiment, which names the exact field.
 */
export type ParsedToWorker =
  | { readonly ok: true; readonly message: ToWorker }
  | { readonly ok: false; readonly error: ErrorPayload; readonly requestId?: string; readonly comparisonId?: string };

const id = z.string().min(1);
const version = z.literal(PROTOCOL_VERSION);
const isFile = (value: unknown): value is File => typeof File !== 'undefined' && value instanceof File;

const source = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('auto') }),
  z.object({ kind: z.literal('files'), files: z.array(z.custom<File>(isFile, 'a File')).min(1) }),
]);

const schemas = {
  init: z.object({ v: version, type: z.literal('init'), backends: z.array(z.string().min(1)).min(1) }),
  'load-dataset': z.object({ v: version, type: z.literal('load-dataset'), requestId: id, name: z.enum(datasetNames), source }),
  start: z.object({
    v: version,
    type: z.literal('start'),
    comparisonId: id,
    config: z.record(z.string(), z.unknown()),
    // Its fit to the config (run ids, weight counts and lengths) is checked by the engine.
    resume: comparisonCheckpointSchema.optional(),
  }),
  pause: z.object({ v: version, type: z.literal('pause'), comparisonId: id }),
  resume: z.object({ v: version, type: z.literal('resume'), comparisonId: id }),
  'stop-run': z.object({ v: version, type: z.literal('stop-run'), comparisonId: id, runId: id }),
  cancel: z.object({ v: version, type: z.literal('cancel'), comparisonId: id }),
  calibrate: z.object({ v: version, type: z.literal('calibrate'), requestId: id, config: z.record(z.string(), z.unknown()) }),
} satisfies Record<ToWorkerType, z.ZodType>;

const messageTypes = Object.keys(schemas) as ToWorkerType[];

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function failure(error: ErrorPayload, record: Record<string, unknown> = {}): ParsedToWorker {
  const requestId = stringField(record, 'requestId');
  const comparisonId = stringField(record, 'comparisonId');
  return { ok: false, error, ...(requestId ? { requestId } : {}), ...(comparisonId ? { comparisonId } : {}) };
}

export function parseToWorker(data: unknown): ParsedToWorker {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return failure({ code: 'bad-message', message: 'expected a message object', expected: 'a message object', found: describe(data) });
  }
  const record = data as Record<string, unknown>;
  if (record.v !== PROTOCOL_VERSION) {
    const found = record.v === undefined ? 'no version' : `version ${describe(record.v)}`;
    return failure(
      {
        code: 'protocol-version',
        message: `The page and the training worker come from different versions of the lab (expected protocol version ${PROTOCOL_VERSION}, found ${found}). Reload the page.`,
        expected: `protocol version ${PROTOCOL_VERSION}`,
        found,
      },
      record,
    );
  }
  const type = record.type as ToWorkerType;
  if (!messageTypes.includes(type)) {
    const expected = `a message type, one of ${messageTypes.join(', ')}`;
    return failure({ code: 'bad-message', message: `expected ${expected}, found ${describe(record.type)}`, expected, found: describe(record.type) }, record);
  }
  const parsed = schemas[type].safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = [type, ...issue.path.map(String)].join('.');
    return failure({ code: 'bad-message', message: `${where}: ${issue.message}`, expected: issue.message, found: describe(pathValue(record, issue.path)), where }, record);
  }
  // Validated above; the schema's output is structurally the protocol type.
  return { ok: true, message: data as ToWorker };
}

function pathValue(record: unknown, path: readonly PropertyKey[]): unknown {
  let value = record;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
