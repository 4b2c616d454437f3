import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSpiral } from '../data/synthetic';
import type { ModelOptions } from '../experiment/config';
import { buildRequestedModel } from '../experiment/run-experiment';
import { createOptimizer, type OptimizerConfig } from '../optimizers/registry';
import { runComparison } from './comparison';
import { ComparisonController } from './controller';
import { StepPacer } from './progress-tracker';
import type { ComparisonCallbacks, ComparisonProgress, ComparisonSpec } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const train = makeSpiral({ count: 240, seed: 3 });
const validation = makeSpiral({ count: 40, seed: 5 });
const test = makeSpiral({ count: 60, seed: 4 });

// 240 samples in batches of 24: 10 ticks per epoch, 3 runs, so 30 run steps an epoch.
const spec: ComparisonSpec<OptimizerConfig, ModelOptions> = {
  seed: 11,
  epochs: 2,
  batchSize: 24,
  scaling: 'minmax',
  architecture: 'dense',
  model: { hiddenUnits: [8] },
  lossReadEvery: 5,
  evalBatchSize: 50,
  runs: ['sgd', 'adam', 'rmsprop'].map((name) => ({ id: name, label: name, optimizer: { name } as OptimizerConfig })),
};

async function watch(callbacks: ComparisonCallbacks = {}, controller?: ComparisonController): Promise<ComparisonProgress[]> {
  const seen: ComparisonProgress[] = [];
  // A clock that moves a millisecond whenever it is read: every phase takes some time.
  let now = 0;
  await runComparison({
    spec,
    data: { train, validation, test },
    buildModel: buildRequestedModel,
    createOptimizer: (c) => createOptimizer(c),
    clock: () => (now += 1),
    controller,
    callbacks: { ...callbacks, onProgress: (p) => seen.push(p) },
  });
  return seen;
}

/** The phases in the order they came, each once per stretch. */
const stretches = (seen: readonly ComparisonProgress[]): string[] => seen.map((p) => p.phase).filter((phase, i, all) => phase !== all[i - 1]);

describe('progress tracker', () => {
  it('reports after every run step, by fractions of a tick, before any read-back', async () => {
    const seen = await watch();
    const firstEpoch = seen.filter((p) => p.epoch === 1 && p.phase === 'training');
    const ticks = [...new Set(firstEpoch.map((p) => p.tick))];
    expect(ticks.slice(0, 4).map((t) => t.toFixed(3))).toEqual(['0.333', '0.667', '1.000', '1.333']);
    expect(ticks).toHaveLength(30);
    expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
    const last = seen.at(-1)!;
    expect(last.samplesTrained).toBe(2 * 30 * 24);
    expect(last.ticksTrained).toBeCloseTo(20);
    expect(last.runs.map((r) => [r.runId, r.samples])).toEqual([['sgd', 480], ['adam', 480], ['rmsprop', 480]]);
    expect(last.runs.every((r) => r.seconds > 0 && r.seconds <= last.phaseSeconds.training)).toBe(true);
    // Within a tick the first run has stepped before the others: each run's count moves at whole ticks only.
    const midTick = seen.find((p) => p.epoch === 1 && p.tick > 2 && p.tick < 3)!;
    expect(midTick.runs.map((r) => r.samples)).toEqual([48, 48, 48]);
    expect(new Set(midTick.runs.map((r) => r.seconds)).size).toBe(1);
    const firstWhole = seen.find((p) => p.ticksTrained >= 1)!;
    expect(firstWhole.firstTickSeconds).toBeCloseTo(firstWhole.phaseSeconds.training, 2);
    expect(last.firstTickSeconds).toBe(firstWhole.firstTickSeconds);
  });

  it('names each phase, the epoch ends’ and the final test’s among them', async () => {
    const seen = await watch({ onModels: () => undefined, onCheckpoint: () => undefined });
    expect(stretches(seen)).toEqual([
      'training', 'evaluating', 'snapshot', 'checkpointing',
      'training', 'evaluating', 'snapshot', 'checkpointing',
      // the final test, then the final snapshot
      'evaluating', 'snapshot',
    ]);
    const afterFirstEnd = seen.find((p) => p.epoch === 2)!;
    expect(afterFirstEnd.epochEndsDone).toBe(1);
    expect(afterFirstEnd.epochEndsLeft).toBe(1);
    const last = seen.at(-1)!;
    expect(last.phaseSeconds.evaluating).toBeGreaterThan(0);
    expect(last.phaseSeconds.checkpointing).toBeGreaterThan(0);
    // out of the evaluating phase, all its time belongs to finished evaluations
    expect(last.evaluatedSeconds).toBeCloseTo(last.phaseSeconds.evaluating, 2);
    // Every millisecond the clock moved after the start is in one phase or another.
    const total = Object.values(last.phaseSeconds).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(last.elapsedSeconds - 0.01);
    expect(total).toBeLessThanOrEqual(last.elapsedSeconds);
  });

  it('counts the evaluation still to come, validation at each epoch end and the final test', async () => {
    const seen = await watch();
    const perRun = 2 * validation.count + test.count;
    expect(seen[0]!.samplesToEvaluate).toBe(3 * perRun);
    expect(seen[0]!.samplesEvaluated).toBe(0);
    // the first validations are done when the second epoch trains
    const secondEpoch = seen.find((p) => p.epoch === 2 && p.phase === 'training')!;
    expect(secondEpoch.samplesToEvaluate).toBe(3 * (validation.count + test.count));
    expect(secondEpoch.samplesEvaluated).toBe(3 * validation.count);
    const last = seen.at(-1)!;
    expect(last.samplesEvaluated + last.samplesToEvaluate).toBe(3 * perRun);
    expect(seen.map((p) => p.samplesToEvaluate)).toEqual(seen.map((p) => p.samplesToEvaluate).sort((a, b) => b - a));
  });

  it('says it is paused where it waits: at the first read-back', async () => {
    const controller = new ComparisonController();
    controller.pause();
    const pending = watch({}, controller);
    await new Promise((resolve) => setTimeout(resolve, 30));
    controller.resume();
    const seen = await pending;
    const paused = seen.filter((p) => p.phase === 'paused');
    expect(paused).toHaveLength(1);
    expect(paused[0]).toMatchObject({ epoch: 1, tick: 5 });
  });
});

describe('step pacer', () => {
  it('waits for the backend after every slow step, every few fast ones, and starts out waiting', () => {
    let now = 0;
    const pacer = new StepPacer(() => now, 0.25);
    expect(pacer.stepped()).toBe(true);
    now += 2000; // a 2 s step (shader compilation, a big model)
    pacer.caughtUp();
    expect(pacer.stepped()).toBe(true);
    now += 100; // 0.1 s a step now: every third step makes 0.25 s
    pacer.caughtUp();
    expect([pacer.stepped(), pacer.stepped(), pacer.stepped()]).toEqual([false, false, true]);
    now += 3; // 1 ms a step: only every 250th
    pacer.caughtUp();
    const waits = Array.from({ length: 500 }, () => pacer.stepped()).filter(Boolean).length;
    expect(waits).toBe(251);
  });

  it('times steps only: an epoch’s end in between does not count', () => {
    let now = 0;
    const pacer = new StepPacer(() => now, 0.25);
    pacer.stepped();
    now += 10;
    pacer.caughtUp(); // 10 ms a step
    now += 5000; // validation, galleries
    pacer.restart();
    pacer.stepped();
    now += 10;
    pacer.caughtUp();
    expect(pacer.stepped()).toBe(false);
  });
});
