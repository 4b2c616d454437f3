/**
 * The shape of a stored sweep as zod schemas (strict: an unknown field is an error). The
 * sweep's definition is only "an object" here: restoreSweep checks it with parseSweep,
 * as a new sweep would be. Curves may hold NaN (a diverged epoch), kept by IndexedDB.
 */
import { z } from 'zod';
import { stopReasonSchema, targetOutcomeSchema } from '../engine/experiment/stop-rule-schema';
import type { TrialOutcome } from '../engine/sweeps/outcome';
import type { SweepConfigInput } from '../engine/sweeps/sweep-config';
import type { Trial } from '../engine/sweeps/trials';
import { backendReportSchema, comparisonStatusSchema, float32Values, metricValue } from './schema';
import { STORED_SWEEP_VERSION, type StoredSweep } from './sweep-types';

const count = z.number().int().min(0);
const isoDate = z.iso.datetime({ offset: true, error: 'a date and time in ISO 8601 (like 2025-01-31T12:00:00.000Z)' });
const plainObject = <T>(what: string) =>
  z.custom<T>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), { error: what });

const curve = z.array(metricValue);

export const trialOutcomeSchema = z.strictObject({
  status: z.enum(['running', 'completed', 'diverged', 'stopped-early', 'stopped', 'cancelled', 'failed']),
  epochs: count,
  steps: count,
  seconds: z.number().min(0),
  wallSeconds: z.number().min(0).optional(),
  batchSize: z.union([z.number().int().positive(), z.literal('full')]),
  target: targetOutcomeSchema.optional(),
  stoppedBy: stopReasonSchema.optional(),
  divergedAtStep: z.number().int().positive().optional(),
  final: z.strictObject({
    loss: metricValue.optional(),
    accuracy: metricValue.optional(),
    valLoss: metricValue.optional(),
    valAccuracy: metricValue.optional(),
    testLoss: metricValue.optional(),
    testAccuracy: metricValue.optional(),
  }),
  curves: z.strictObject({ loss: curve, accuracy: curve.optional(), valLoss: curve.optional(), valAccuracy: curve.optional() }),
  predictions: float32Values.optional(),
  error: z.string().optional(),
});

export const trialSchema = z.strictObject({
  id: z.string().min(1),
  index: count,
  label: z.string(),
  values: z.array(z.strictObject({ param: z.string().min(1), value: z.union([z.number(), z.string(), z.boolean(), plainObject<Trial['values'][number]['value']>('an optimizer choice')]) })),
  run: plainObject<Trial['run']>('a run (an object)'),
});

export const storedSweepSchema = z.strictObject({
  version: z.literal(STORED_SWEEP_VERSION),
  id: z.string().min(1),
  name: z.string(),
  createdAt: isoDate,
  updatedAt: isoDate,
  status: comparisonStatusSchema,
  config: plainObject<SweepConfigInput>('a sweep definition (an object)'),
  trials: z.array(trialSchema).min(1),
  groups: z.array(z.strictObject({ status: z.enum(['waiting', 'running', 'done']), comparisonId: z.string().min(1).optional() })).min(1),
  outcomes: z.record(z.string(), trialOutcomeSchema),
  backend: backendReportSchema.optional(),
  error: z.string().optional(),
});

type Assignable<A, B> = [A] extends [B] ? true : false;
type Check<T extends true> = T;

export type SweepSchemaMatchesContract = [
  Check<Assignable<z.output<typeof trialOutcomeSchema>, TrialOutcome>>,
  Check<Assignable<z.output<typeof storedSweepSchema>, StoredSweep>>,
];
