import { z } from 'zod';
import { datasetNames } from '../engine/experiment/config';
import { comparisonCheckpointSchema } from '../protocol/checkpoint-schema';
import { PROTOCOL_VERSION, type ErrorPayload, type ToWorker, type ToWorkerType } from '../protocol/messages';
import { parseMessage } from './message-parser';

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

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function parseToWorker(data: unknown): ParsedToWorker {
  const parsed = parseMessage<ToWorker, ToWorkerType>(data, { version: PROTOCOL_VERSION, who: 'training worker', schemas });
  if (parsed.ok) return parsed;
  const requestId = stringField(parsed.record, 'requestId');
  const comparisonId = stringField(parsed.record, 'comparisonId');
  return { ok: false, error: parsed.error, ...(requestId ? { requestId } : {}), ...(comparisonId ? { comparisonId } : {}) };
}
