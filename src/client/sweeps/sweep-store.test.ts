import { describe, expect, it } from 'vitest';
import type { SweepConfigInput } from '../../engine/sweeps/sweep-config';
import type { ComparisonCheckpoint, EpochRecord, RunResult } from '../../engine/training/types';
import { PROTOCOL_VERSION, type FromWorker, type ToWorker } from '../../protocol/messages';
import { packBatchLosses } from '../../protocol/packed-losses';
import { FakeConnection } from '../../../tests/helpers/fake-connection';
import { MemoryRepository } from '../../../tests/helpers/memory-repository';
import { MemorySweepRepository } from '../../../tests/helpers/memory-sweep-repository';
import { createLabStore } from '../lab-store';
import { createSweepStore } from './sweep-store';

const v = PROTOCOL_VERSION;
const backend = { name: 'webgl', float32: true, reason: 'test', inWorker: true };
const sweepConfig: SweepConfigInput = {
  name: 'lr sweep',
  base: {
    name: 'base',
    dataset: { name: 'spiral', count: 100 },
    architecture: 'dense',
    training: { epochs: 2, batchSize: 10, scaling: 'none', stopRule: { target: { metric: 'accuracy', value: 0.9 } } },
    runs: [{ optimizer: { name: 'sgd' } }],
  },
  grid: [{ param: 'learning_rate', values: { kind: 'list', values: [0.1, 0.01, 0.001] } }],
  groupSize: 2,
};

type Start = Extract<ToWorker, { type: 'start' }>;

/** The lab and the sweeps on shared repositories, as one page load sees them. */
async function page(labRepository = new MemoryRepository(), sweepRepository = new MemorySweepRepository()) {
  const host = new FakeConnection();
  let ids = labRepository.items.size;
  // The page's clock, in ms: each epoch the worker trains takes 3 s of it (trainEpoch).
  const clock = { ms: 0 };
  const lab = createLabStore({ repository: labRepository, host, createId: () => `c${++ids}`, now: () => new Date('2025-02-03T04:05:06Z') });
  const sweeps = createSweepStore({ repository: sweepRepository, lab, connection: host, createId: () => 'sweep-1', now: () => new Date('2025-02-03T04:05:06Z'), clock: () => clock.ms });
  host.emit({ v, type: 'ready', backend });
  await sweeps.ready;
  const settle = async () => {
    for (let i = 0; i < 6; i++) {
      await lab.settled();
      await sweeps.settled();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  const send = async (message: FromWorker) => {
    host.emit(message);
    await settle();
  };
  const starts = () => host.posted.filter((m): m is Start => m.type === 'start');
  return { host, lab, sweeps, labRepository, sweepRepository, send, settle, starts, clock };
}

const epoch = (runId: string, n: number, accuracy: number): EpochRecord => ({ runId, epoch: n, steps: n * 9, loss: 1 - accuracy, accuracy, trainSeconds: 0.5, elapsedSeconds: n });

/** The worker's side of one epoch (and, with `end`, of the end) of the comparison `start` asked for. */
async function trainEpoch(p: Awaited<ReturnType<typeof page>>, start: Start, n: number, end: boolean) {
  const runIds = start.config.runs.map((r) => r.id!);
  p.clock.ms += 3000;
  await p.send({ v, type: 'records', comparisonId: start.comparisonId, batches: { triples: packBatchLosses([]) }, epochs: runIds.map((id) => epoch(id, n, 0.5 + 0.1 * n)) });
  const checkpoint: ComparisonCheckpoint = {
    version: 1,
    epochsCompleted: n,
    elapsedSeconds: n,
    runs: runIds.map((runId) => ({ runId, status: 'running', step: n * 9, epochsCompleted: n, totalSeconds: n, monitor: { best: Number.NaN, bestEpoch: undefined, wait: 0 }, weights: [new Float32Array(2)], optimizer: { iterations: n * 9, slots: [null] } })),
  };
  await p.send({ v, type: 'checkpoint', comparisonId: start.comparisonId, checkpoint });
  if (!end) return;
  for (const runId of runIds) {
    const result: RunResult = { runId, label: runId, status: 'completed', epochsCompleted: n, trainSeconds: n * 0.5, target: { outcome: 'not-reached', best: 0.5 + 0.1 * n } };
    await p.send({ v, type: 'run-end', comparisonId: start.comparisonId, result });
  }
  await p.send({ v, type: 'done', comparisonId: start.comparisonId, elapsedSeconds: n });
}

describe('the sweep store', () => {
  it('trains the groups one after another, as saved comparisons, and keeps every trial’s outcome', async () => {
    const p = await page();
    expect(await p.sweeps.actions.start(sweepConfig)).toBe('sweep-1');
    await p.settle();
    const first = p.starts()[0]!;
    expect(first.config.runs.map((r) => r.id)).toEqual(['t001', 't002']);
    expect(first.config.name).toBe('lr sweep · group 1 of 2');
    expect(p.sweeps.getState().runningId).toBe('sweep-1');

    await trainEpoch(p, first, 1, false);
    await trainEpoch(p, first, 2, true);
    const second = p.starts()[1]!;
    expect(second.config.runs.map((r) => r.id)).toEqual(['t003']);
    await trainEpoch(p, second, 1, false);
    await trainEpoch(p, second, 2, true);

    const stored = p.sweepRepository.items.get('sweep-1')!;
    expect(stored.status).toBe('completed');
    expect(stored.groups).toEqual([
      { status: 'done', comparisonId: first.comparisonId },
      { status: 'done', comparisonId: second.comparisonId },
    ]);
    expect(Object.keys(stored.outcomes)).toEqual(['t001', 't002', 't003']);
    expect(stored.outcomes.t003).toMatchObject({ status: 'completed', epochs: 2, steps: 18, batchSize: 10, target: { outcome: 'not-reached', best: 0.7 }, curves: { loss: [0.4, 0.30000000000000004], accuracy: [0.6, 0.7] } });
    expect(p.labRepository.items.get(first.comparisonId)?.status).toBe('completed');
    expect(p.sweeps.getState().runningId).toBeUndefined();
    // Each group took 6 s of wall time (two epochs), shared by its trials; the trials' own
    // seconds (1 s each, overlapping) are not what the sweep took.
    expect([stored.outcomes.t001!.wallSeconds, stored.outcomes.t002!.wallSeconds, stored.outcomes.t003!.wallSeconds]).toEqual([3, 3, 6]);
    // What the finished trials measured becomes the rate for the next estimate here: 12 s over 54 steps.
    expect(p.sweeps.getState().rates['spiral|dense|webgl']).toMatchObject({ batchSize: 10, secondsPerStep: 12 / 54 });
  });

  it('after a reload, resumes the interrupted group from its checkpoint and keeps the finished ones', async () => {
    const before = await page();
    await before.sweeps.actions.start(sweepConfig);
    await before.settle();
    await trainEpoch(before, before.starts()[0]!, 1, false);
    await trainEpoch(before, before.starts()[0]!, 2, true);
    const interrupted = before.starts()[1]!;
    await trainEpoch(before, interrupted, 1, false);
    before.lab.dispose();
    before.sweeps.dispose();

    const after = await page(before.labRepository, before.sweepRepository);
    expect(after.sweeps.getState().sweeps).toEqual([expect.objectContaining({ id: 'sweep-1', status: 'interrupted', finishedCount: 2, trialCount: 3 })]);
    await after.sweeps.actions.resume('sweep-1');
    await after.settle();
    const resumed = after.starts()[0]!;
    expect(resumed.comparisonId).toBe(interrupted.comparisonId);
    expect(resumed.resume?.epochsCompleted).toBe(1);
    await trainEpoch(after, resumed, 2, true);

    const stored = after.sweepRepository.items.get('sweep-1')!;
    expect(stored.status).toBe('completed');
    expect(Object.keys(stored.outcomes)).toEqual(['t001', 't002', 't003']);
    expect(after.starts()).toHaveLength(1);
  });

  it('trains an interrupted group again when it had no checkpoint yet', async () => {
    const before = await page();
    await before.sweeps.actions.start(sweepConfig);
    await before.settle();
    const lost = before.starts()[0]!;
    before.lab.dispose();
    before.sweeps.dispose();

    const after = await page(before.labRepository, before.sweepRepository);
    await after.sweeps.actions.resume('sweep-1');
    await after.settle();
    const again = after.starts()[0]!;
    expect(again.comparisonId).not.toBe(lost.comparisonId);
    expect(again.resume).toBeUndefined();
    expect(again.config.runs.map((r) => r.id)).toEqual(['t001', 't002']);
    expect(after.sweepRepository.items.get('sweep-1')!.groups[0]).toEqual({ status: 'running', comparisonId: again.comparisonId });
  });

  it('stops: the group’s comparison is cancelled, the sweep is saved as stopped, and can resume later', async () => {
    const p = await page();
    await p.sweeps.actions.start(sweepConfig);
    await p.settle();
    const group = p.starts()[0]!;
    p.sweeps.actions.stop();
    expect(p.host.posted.at(-1)).toEqual({ v, type: 'cancel', comparisonId: group.comparisonId });
    await p.send({ v, type: 'done', comparisonId: group.comparisonId, elapsedSeconds: 1 });
    const stored = p.sweepRepository.items.get('sweep-1')!;
    expect(stored.status).toBe('cancelled');
    expect(stored.groups[0]).toEqual({ status: 'running', comparisonId: group.comparisonId });
    expect(stored.outcomes).toEqual({});
  });

  it('marks the sweep failed, with the reason, when its group fails', async () => {
    const p = await page();
    await p.sweeps.actions.start(sweepConfig);
    await p.settle();
    const group = p.starts()[0]!;
    await p.send({ v, type: 'error', comparisonId: group.comparisonId, error: { code: 'training-failed', message: 'out of memory' } });
    const stored = p.sweepRepository.items.get('sweep-1')!;
    expect(stored.status).toBe('failed');
    expect(stored.error).toMatch(/Group 1 failed: out of memory/);
  });

  it('calibrates through the connection and keeps the measured rate by dataset, architecture and backend', async () => {
    const p = await page();
    const done = p.sweeps.actions.calibrate(sweepConfig);
    const request = p.host.posted.at(-1) as Extract<ToWorker, { type: 'calibrate' }>;
    expect(request.type).toBe('calibrate');
    expect(request.config.runs).toEqual([expect.objectContaining({ id: 'calibration', optimizer: { name: 'sgd', hyperparameters: { learning_rate: 0.1 } } })]);
    expect(request.config.training.stopRule).toBeUndefined();
    expect(p.sweeps.getState().calibrating).toBe(true);
    p.host.emit({ v, type: 'calibration', requestId: request.requestId, secondsPerStep: 0.002, batchSize: 10, evalSeconds: 0.01, evalSamples: 20, groupSeconds: 0.5, backend: 'webgl' });
    await done;
    expect(p.sweeps.getState().calibrating).toBe(false);
    expect(p.sweeps.getState().rates['spiral|dense|webgl']).toEqual({ secondsPerStep: 0.002, batchSize: 10, evalSeconds: 0.01, evalSamples: 20, groupSeconds: 0.5, source: 'a calibration on webgl' });
  });

  it('refuses to start while a comparison of the lab is running', async () => {
    const p = await page();
    await p.lab.actions.start({ ...sweepConfig.base, runs: [{ optimizer: { name: 'adam' } }] } as never);
    expect(await p.sweeps.actions.start(sweepConfig)).toBe('');
    await p.settle();
    expect(p.sweeps.getState().notice?.text).toMatch(/A comparison is running/);
    expect(p.starts()).toHaveLength(1);
    expect(p.sweepRepository.items.size).toBe(0);
  });
});
