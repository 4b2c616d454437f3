/**
 * The shape of a stored comparison as zod schemas: what restore.ts checks every record
 * against, whether it came from IndexedDB or from an imported file. Objects are strict
 * (an unknown field is an error, not silently kept).
 *
 * Losses and accuracies may be non-finite (a diverged run's loss is NaN or Infinity).
 * IndexedDB keeps them as they are; JSON cannot (`JSON.stringify(NaN)` is `null`), so an
 * export writes them as the strings "NaN", "Infinity" and "-Infinity" and the schema reads
 * those strings back as numbers, only in the fields where a number is expected.
 */
import { z } from 'zod';
import { datasetNames, type ExperimentConfigInput } from '../engine/experiment/config';
import type { InputStats, LayerProbe, ProbeSample } from '../engine/training/probe-types';
import { stopReasonSchema, targetOutcomeSchema } from '../engine/experiment/stop-rule-schema';
import type { BatchRecord, EpochRecord, RunResult, TestMetrics } from '../engine/training/types';
import type { BackendReport } from '../protocol/messages';
import { STORED_COMPARISON_VERSION, type ComparisonStatus, type StoredComparison } from './types';

/** How JSON spells the numbers it cannot hold. */
export const NON_FINITE_TOKENS = ['NaN', 'Infinity', '-Infinity'] as const;

/** JSON.stringify replacer: non-finite numbers become their token strings, Float32Arrays lists. */
export function encodeNonFinite(_key: string, value: unknown): unknown {
  if (value instanceof Float32Array) return Array.from(value);
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

/** A loss or metric: any number (NaN and ±Infinity included), or its JSON token. */
export const metricValue = z.union(
  [
    z.custom<number>((value) => typeof value === 'number'),
    z.enum(NON_FINITE_TOKENS).transform((token) => Number(token)),
  ],
  { error: 'a number (or "NaN", "Infinity", "-Infinity")' },
);

const seconds = z.number().min(0);
const positiveInt = z.number().int().positive();
const count = z.number().int().min(0);
const isoDate = z.iso.datetime({ offset: true, error: 'a date and time in ISO 8601 (like 2025-01-31T12:00:00.000Z)' });

export const comparisonStatusSchema = z.enum([
  'running',
  'paused',
  'completed',
  'cancelled',
  'interrupted',
  'failed',
] as const satisfies readonly ComparisonStatus[]);

export const epochRecordSchema = z.strictObject({
  runId: z.string().min(1),
  epoch: positiveInt,
  steps: count,
  loss: metricValue,
  accuracy: metricValue.optional(),
  valLoss: metricValue.optional(),
  valAccuracy: metricValue.optional(),
  reconstruction: metricValue.optional(),
  kl: metricValue.optional(),
  valReconstruction: metricValue.optional(),
  valKl: metricValue.optional(),
  trainSeconds: seconds,
  elapsedSeconds: seconds,
});

export const batchRecordSchema = z.strictObject({
  runId: z.string().min(1),
  epoch: positiveInt,
  step: positiveInt,
  loss: metricValue,
});

/** counts[true][predicted]: one row and one column per class. */
export const confusionMatrixSchema = z
  .array(z.array(count))
  .refine((rows) => rows.every((row) => row.length === rows.length), {
    error: 'a square matrix of counts (one row and one column per class)',
  });

/** A Float32Array as IndexedDB keeps it, or the list of numbers JSON makes of it. */
export const float32Values = z.union(
  [
    z.custom<Float32Array>((value) => value instanceof Float32Array),
    z.array(metricValue).transform((values) => Float32Array.from(values)),
  ],
  { error: 'a list of numbers' },
);

export const testMetricsSchema = z.strictObject({
  weights: z
    .strictObject({ step: count, epoch: positiveInt, epochEnd: z.boolean(), restoredBest: z.boolean().optional() })
    .optional(),
  loss: metricValue,
  accuracy: metricValue.optional(),
  confusion: confusionMatrixSchema.optional(),
  reconstruction: metricValue.optional(),
  kl: metricValue.optional(),
  predictions: float32Values.optional(),
});

export const runResultSchema = z.strictObject({
  runId: z.string().min(1),
  label: z.string(),
  status: z.enum(['running', 'completed', 'diverged', 'stopped-early', 'stopped', 'cancelled']),
  divergedAtStep: positiveInt.optional(),
  epochsCompleted: count,
  bestEpoch: positiveInt.optional(),
  test: testMetricsSchema.optional(),
  trainSeconds: seconds,
  target: targetOutcomeSchema.optional(),
  stoppedBy: stopReasonSchema.optional(),
});

/** A probe sample (engine/training/probe-types.ts); its statistics may be non-finite, like losses. */
export const probeSampleSchema = z.strictObject({
  runId: z.string().min(1),
  step: positiveInt,
  epoch: positiveInt,
  learningRate: metricValue,
  input: z.strictObject({ min: metricValue, max: metricValue, mean: metricValue, std: metricValue }),
  layers: z.array(
    z.strictObject({
      layer: z.string().min(1),
      gradNorm: metricValue,
      weightNorm: metricValue,
      updateRatio: metricValue,
      firstMoment: metricValue.optional(),
      secondMoment: metricValue.optional(),
      deadShare: metricValue.optional(),
    }),
  ),
  stepSizes: z.strictObject({ counts: z.array(z.number().min(0)), quantiles: z.array(metricValue).optional() }).optional(),
});

export const backendReportSchema = z.strictObject({
  name: z.string().min(1),
  float32: z.boolean(),
  reason: z.string(),
  inWorker: z.boolean(),
});

/**
 * The embedded experiment config: only "an object" here; restore.ts validates it fully
 * with parseExperiment (which also resolves every optimizer), so a stored config is one
 * the lab could run again.
 */
export const configObjectSchema = z.custom<ExperimentConfigInput>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  { error: 'an experiment configuration (an object)' },
);

export const storedComparisonSchema = z.strictObject({
  version: z.literal(STORED_COMPARISON_VERSION),
  id: z.string().min(1),
  name: z.string(),
  createdAt: isoDate,
  updatedAt: isoDate,
  status: comparisonStatusSchema,
  config: configObjectSchema,
  dataset: z.enum(datasetNames),
  backend: backendReportSchema.optional(),
  results: z.record(z.string(), runResultSchema),
  epochs: z.array(epochRecordSchema),
  batches: z.array(batchRecordSchema),
  /** Since version 2. */
  probes: z.array(probeSampleSchema),
  error: z.string().optional(),
});

// ---- the schemas and the contract types must not drift apart -------------------------

type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type Assignable<A, B> = [A] extends [B] ? true : false;
type Check<T extends true> = T;

export type SchemaMatchesContract = [
  Check<SameKeys<z.output<typeof epochRecordSchema>, EpochRecord>>,
  Check<Assignable<z.output<typeof epochRecordSchema>, EpochRecord>>,
  Check<SameKeys<z.output<typeof batchRecordSchema>, BatchRecord>>,
  Check<Assignable<z.output<typeof batchRecordSchema>, BatchRecord>>,
  Check<SameKeys<z.output<typeof testMetricsSchema>, TestMetrics>>,
  Check<Assignable<z.output<typeof testMetricsSchema>, TestMetrics>>,
  Check<SameKeys<z.output<typeof runResultSchema>, RunResult>>,
  Check<Assignable<z.output<typeof runResultSchema>, RunResult>>,
  Check<Assignable<RunResult['status'], z.output<typeof runResultSchema>['status']>>,
  Check<SameKeys<z.output<typeof backendReportSchema>, BackendReport>>,
  Check<Assignable<z.output<typeof backendReportSchema>, BackendReport>>,
  Check<SameKeys<z.output<typeof storedComparisonSchema>, StoredComparison>>,
  Check<Assignable<z.output<typeof storedComparisonSchema>, StoredComparison>>,
  Check<Assignable<ComparisonStatus, z.output<typeof comparisonStatusSchema>>>,
  Check<SameKeys<z.output<typeof probeSampleSchema>, ProbeSample>>,
  Check<Assignable<z.output<typeof probeSampleSchema>, ProbeSample>>,
  Check<SameKeys<z.output<typeof probeSampleSchema>['input'], InputStats>>,
  Check<SameKeys<z.output<typeof probeSampleSchema>['layers'][number], LayerProbe>>,
];
