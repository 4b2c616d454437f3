/**
 * The shape of a ComparisonCheckpoint as a zod schema, shared by the two places one
 * arrives from outside: a 'start' message that resumes (the worker checks it) and a
 * checkpoint read back from IndexedDB (the repository checks it). Loose where the engine
 * checks better (how many weights a model has, their lengths: RunState.restore and the
 * optimizers' importState refuse a mismatch with a 'bad-checkpoint' ConfigError), strict
 * where a wrong value would be silently misread: every weight and slot must be a
 * Float32Array, every count a whole number. Unknown fields are dropped.
 */
import { z } from 'zod';
import { stopRuleStateSchema } from '../engine/experiment/stop-rule-schema';
import type { ComparisonCheckpoint, RunCheckpoint, RunStatus } from '../engine/training/types';

export const CHECKPOINT_VERSION = 1;

const float32Array = z.custom<Float32Array>((value) => value instanceof Float32Array, { error: 'a Float32Array' });
const float32Arrays = z.array(float32Array);
/** Any number: the early-stopping monitor starts at NaN, a diverged run's best may be Infinity. */
const anyNumber = z.custom<number>((value) => typeof value === 'number', { error: 'a number' });
const count = z.number().int().min(0);
const seconds = z.number().min(0);

const runStatus = z.enum(['running', 'completed', 'diverged', 'stopped-early', 'stopped', 'cancelled'] as const satisfies readonly RunStatus[]);

export const runCheckpointSchema = z.object({
  runId: z.string().min(1),
  status: runStatus,
  step: count,
  epochsCompleted: count,
  divergedAtStep: z.number().int().positive().optional(),
  totalSeconds: seconds,
  monitor: z
    .object({
      best: anyNumber,
      bestEpoch: z.number().int().positive().optional(),
      wait: count,
    })
    // The engine's type always has the key (undefined before a best epoch).
    .transform(({ best, bestEpoch, wait }) => ({ best, bestEpoch, wait })),
  weights: float32Arrays,
  bestWeights: float32Arrays.optional(),
  stopRule: stopRuleStateSchema.optional(),
  optimizer: z.object({
    iterations: count,
    slots: z.array(z.record(z.string(), float32Array).nullable()),
  }),
});

export const comparisonCheckpointSchema = z
  .object({
    version: z.literal(CHECKPOINT_VERSION),
    epochsCompleted: count,
    elapsedSeconds: seconds,
    runs: z.array(runCheckpointSchema).min(1),
  })
  .refine((checkpoint) => new Set(checkpoint.runs.map((run) => run.runId)).size === checkpoint.runs.length, {
    error: 'one checkpoint per run (the run ids must be unique)',
    path: ['runs'],
  });

/** Every buffer a checkpoint holds, once each: what postMessage transfers instead of copying. */
export function checkpointBuffers(checkpoint: ComparisonCheckpoint): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (array: Float32Array) => {
    if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  };
  for (const run of checkpoint.runs) {
    run.weights.forEach(add);
    run.bestWeights?.forEach(add);
    for (const slots of run.optimizer.slots) if (slots) Object.values(slots).forEach(add);
  }
  return [...buffers];
}

// ---- the schema and the engine's types must not drift apart ----------------------------

type Assignable<A, B> = [A] extends [B] ? true : false;
type Check<T extends true> = T;

export type CheckpointSchemaMatchesEngine = [
  Check<Assignable<z.output<typeof runCheckpointSchema>, RunCheckpoint>>,
  Check<Assignable<z.output<typeof comparisonCheckpointSchema>, ComparisonCheckpoint>>,
];
