/**
 * Stop rules and their outcomes as zod schemas: the config's `stopRule` (experiment
 * files, sweeps, the UI), and what the engine reports and checkpoints (read back by
 * persistence and the worker). Plain data, free of tfjs.
 */
import { z } from 'zod';
import type { StopReason, StopRuleSpec, StopRuleState, TargetMetric, TargetOutcome, TargetReached } from '../training/types';

export const TARGET_METRICS = ['accuracy', 'val_accuracy', 'loss', 'val_loss'] as const satisfies readonly TargetMetric[];
export const STOP_REASONS = ['target', 'time-limit', 'epoch-limit'] as const satisfies readonly StopReason[];

export const stopRuleSchema = z
  .strictObject({
    target: z.strictObject({ metric: z.enum(TARGET_METRICS), value: z.number() }).optional(),
    maxSeconds: z.number().positive().optional(),
    maxEpochs: z.number().int().positive().optional(),
  })
  .refine((rule) => rule.target !== undefined || rule.maxSeconds !== undefined || rule.maxEpochs !== undefined, {
    error: 'a target, a time limit (maxSeconds) or an epoch limit (maxEpochs)',
  });

const seconds = z.number().min(0);
const positiveInt = z.number().int().positive();

export const targetReachedSchema = z.strictObject({
  outcome: z.literal('reached'),
  seconds,
  step: z.number().int().min(0),
  epoch: positiveInt,
  value: z.number(),
});

export const targetOutcomeSchema = z.discriminatedUnion('outcome', [
  targetReachedSchema,
  z.strictObject({ outcome: z.literal('not-reached'), best: z.number().optional() }),
  z.strictObject({ outcome: z.literal('diverged'), step: positiveInt.optional() }),
]);

export const stopReasonSchema = z.enum(STOP_REASONS);

export const stopRuleStateSchema = z.strictObject({
  best: z.number().optional(),
  reached: targetReachedSchema.optional(),
  stoppedBy: stopReasonSchema.optional(),
});

// ---- the schemas and the engine's types must not drift apart ---------------------------

type Assignable<A, B> = [A] extends [B] ? true : false;
type Check<T extends true> = T;

export type StopRuleSchemasMatchEngine = [
  Check<Assignable<z.output<typeof stopRuleSchema>, StopRuleSpec>>,
  Check<Assignable<StopRuleSpec, z.output<typeof stopRuleSchema>>>,
  Check<Assignable<z.output<typeof targetReachedSchema>, TargetReached>>,
  Check<Assignable<z.output<typeof targetOutcomeSchema>, TargetOutcome>>,
  Check<Assignable<TargetOutcome, z.output<typeof targetOutcomeSchema>>>,
  Check<Assignable<z.output<typeof stopRuleStateSchema>, StopRuleState>>,
  Check<Assignable<StopRuleState, z.output<typeof stopRuleStateSchema>>>,
];
