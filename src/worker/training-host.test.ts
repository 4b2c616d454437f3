import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentConfigInput } from '../engine/experiment/config';
import { DEFAULT_PROBE_EVERY } from '../engine/training/probes';
import type { ComparisonCheckpoint, EpochRecord } from '../engine/training/types';
import { PROTOCOL_VERSION, type FromWorker } from '../protocol/messages';
import { unpackBatchLosses } from '../protocol/packed-losses';
import { createTrainingHost } from './training-host';

const v = PROTOCOL_VERSION;

function spiralConfig(epochs: number, extra: Partial<ExperimentConfigInput['training']> = {}): ExperimentConfigInput {
  return {
    name: 'host-test',
    dataset: { name: 'spiral', count: 200, validation: 0.2 },
    architecture: 'dense',
    model: { hiddenUnits: [8] },
    training: { epochs, batchSize: 20, lossReadEvery: 2, ...extra },
    runs: [
      { id: 'sgd', optimizer: { name: 'sgd', hyperparameters: { learning_rate: 0.1 } } },
      { id: 'adam', optimizer: { name: 'adam' } },
    ],
  };
}

/** `postMessage: true` delivers what a real postMessage would: a structured clone, with the transferred buffers moved. */
function setup(options: { postMessage?: boolean } = {}) {
  const messages: FromWorker[] = [];
  const transfers: (Transferable[] | undefined)[] = [];
  const host = createTrainingHost(
    (message, transfer) => {
      messages.push(options.postMessage ? structuredClone(message, { transfer: transfer ?? [] }) : message);
      transfers.push(transfer);
    },
    { place: 'worker', throttleMs: 20 },
  );
  const of = <T extends FromWorker['type']>(type: T) => messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  const waitFor = async (predicate: () => boolean, what: string): Promise<void> => {
    for (let i = 0; i < 2000 && !predicate(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    if (!predicate()) throw new Error(`timed out waiting for ${what}`);
  };
  return { host, messages, transfers, of, waitFor };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('createTrainingHost', () => {
  it('reports the backend it starts, with the reason', async () => {
    const { host, of } = setup();
    await host.receive({ v, type: 'init', backends: ['webgl', 'cpu'] });
    const [ready] = of('ready');
    expect(ready?.backend.name).toBe('cpu');
    expect(ready?.backend.float32).toBe(true);
    expect(ready?.backend.inWorker).toBe(true);
    expect(ready?.backend.reason).toMatch(/cpu backend in the worker, because WebGL unavailable in the worker/);
  });

  it('runs a comparison: records, then each run-end, then done', async () => {
    const { host, messages, transfers, of } = setup();
    await host.receive({ v, type: 'start', comparisonId: 'c1', config: spiralConfig(2) });
    const types = messages.map((m) => m.type);
    expect(types.at(-1)).toBe('done');
    expect(types.filter((t) => t === 'run-end')).toHaveLength(2);
    const firstRunEnd = types.indexOf('run-end');
    const epochs = of('records').flatMap((m) => m.epochs);
    // Every epoch of every run arrives before any run-end.
    expect(messages.slice(0, firstRunEnd).flatMap((m) => (m.type === 'records' ? m.epochs : []))).toHaveLength(4);
    expect(epochs.map((e) => `${e.runId}:${e.epoch}`).sort()).toEqual(['adam:1', 'adam:2', 'sgd:1', 'sgd:2']);
    const points = of('records').flatMap((m) => unpackBatchLosses(m.batches.triples));
    // 160 training samples / 20 = 8 steps per epoch, two epochs, two runs.
    expect(points.filter((p) => p.runIndex === 0).map((p) => p.step)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(points.filter((p) => p.runIndex === 1)).toHaveLength(16);
    const recordsIndex = messages.findIndex((m) => m.type === 'records');
    const record = messages[recordsIndex];
    expect(record?.type === 'records' && transfers[recordsIndex]).toEqual([record?.type === 'records' && record.batches.triples.buffer]);
    expect(of('run-end').map((m) => m.result.status)).toEqual(['completed', 'completed']);
    expect(of('run-end')[0]?.result.test?.accuracy).toBeGreaterThan(0);
    expect(of('error')).toEqual([]);
  });

  it('streams probe samples with the records, at each run’s first step and every DEFAULT_PROBE_EVERY steps after', async () => {
    const { host, of } = setup({ postMessage: true });
    await host.receive({ v, type: 'start', comparisonId: 'c1', config: spiralConfig(5) });
    const probes = of('records').flatMap((m) => m.probes ?? []);
    // 8 steps per epoch, 40 in all.
    const expected = [1, ...Array.from({ length: 40 }, (_, i) => i + 1).filter((step) => step % DEFAULT_PROBE_EVERY === 0)];
    expect(probes.filter((p) => p.runId === 'adam').map((p) => p.step)).toEqual(expected);
    expect(probes.filter((p) => p.runId === 'sgd').map((p) => p.step)).toEqual(expected);
    expect(probes[0]!.layers.map((l) => l.layer)).toEqual(['0_dense', '1_dense']);
    expect(of('error')).toEqual([]);
  });

  it('pauses and resumes', async () => {
    const { host, of, waitFor } = setup();
    const finished = host.receive({ v, type: 'start', comparisonId: 'c2', config: spiralConfig(30, { lossReadEvery: 1 }) });
    await waitFor(() => of('records').length > 0, 'first records');
    await host.receive({ v, type: 'pause', comparisonId: 'c2' });
    const tick = () => of('records').flatMap((m) => (m.progress ? [m.progress.epoch * 1000 + m.progress.tick] : [])).at(-1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const pausedAt = tick();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(tick()).toBe(pausedAt);
    expect(of('done')).toEqual([]);
    await host.receive({ v, type: 'resume', comparisonId: 'c2' });
    await finished;
    expect(of('done')).toHaveLength(1);
    expect(of('run-end').map((m) => m.result.status)).toEqual(['completed', 'completed']);
  });

  it('honours a pause sent while the comparison is still starting, and a cancel while paused', async () => {
    const { host, of, waitFor } = setup();
    const finished = host.receive({ v, type: 'start', comparisonId: 'c5', config: spiralConfig(30, { lossReadEvery: 1 }) });
    await host.receive({ v, type: 'pause', comparisonId: 'c5' });
    await waitFor(() => of('records').length > 0, 'the first read-back');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const reports = of('records').flatMap((m) => (m.progress ? [m.progress] : []));
    // It stopped at the first read-back (every tick), and said so.
    expect(Math.max(...reports.map((p) => p.epoch * 1000 + p.tick))).toBe(1001);
    expect(reports.at(-1)?.phase).toBe('paused');
    await host.receive({ v, type: 'cancel', comparisonId: 'c5' });
    await finished;
    expect(of('run-end').map((m) => m.result.status)).toEqual(['cancelled', 'cancelled']);
    expect(of('done')).toHaveLength(1);
  });

  it('stops one run and cancels the rest', async () => {
    const { host, of, waitFor } = setup();
    const finished = host.receive({ v, type: 'start', comparisonId: 'c3', config: spiralConfig(200, { lossReadEvery: 1 }) });
    await waitFor(() => of('records').length > 0, 'first records');
    await host.receive({ v, type: 'stop-run', comparisonId: 'c3', runId: 'sgd' });
    const lastStep = (run: number) => {
      const points = of('records').flatMap((m) => unpackBatchLosses(m.batches.triples));
      return Math.max(0, ...points.filter((p) => p.runIndex === run).map((p) => p.step));
    };
    // Records now come with progress alone too: wait for Adam's losses past the stop.
    await waitFor(() => of('run-end').length > 0 && lastStep(1) > lastStep(0) + 1, 'Adam’s losses after the stop');
    await host.receive({ v, type: 'cancel', comparisonId: 'c3' });
    await finished;
    const statuses = Object.fromEntries(of('run-end').map((m) => [m.result.runId, m.result.status]));
    expect(statuses).toEqual({ sgd: 'stopped', adam: 'cancelled' });
    expect(lastStep(0)).toBeLessThan(lastStep(1));
    expect(of('done')).toHaveLength(1);
  });

  it('answers a bad config with the field, expected and found', async () => {
    const { host, of } = setup();
    const config = { ...spiralConfig(1), training: { epochs: 0, batchSize: 20 } };
    await host.receive({ v, type: 'start', comparisonId: 'bad', config });
    const [error] = of('error');
    expect(error?.comparisonId).toBe('bad');
    expect(error?.error).toMatchObject({ code: 'invalid-config', where: 'training.epochs', expected: '> 0', found: '0' });
    expect(of('done')).toEqual([]);
  });

  it('rejects a message from another protocol version', async () => {
    const { host, of } = setup();
    await host.receive({ v: 99, type: 'cancel', comparisonId: 'c1' });
    expect(of('error')[0]?.error.code).toBe('protocol-version');
  });

  it('generates synthetic sets on request', async () => {
    const { host, of } = setup();
    await host.receive({ v, type: 'load-dataset', requestId: 'r1', name: 'spiral', source: { kind: 'auto' } });
    expect(of('dataset-ready')[0]).toMatchObject({ requestId: 'r1', summary: { name: 'spiral', origin: 'generated', inputShape: [2] } });
  });

  it('posts a checkpoint after each epoch, after the records of that epoch, and transfers its buffers', async () => {
    const { host, messages, transfers, of } = setup();
    await host.receive({ v, type: 'start', comparisonId: 'cp', config: spiralConfig(2) });
    const checkpoints = of('checkpoint');
    expect(checkpoints.map((m) => [m.comparisonId, m.checkpoint.epochsCompleted])).toEqual([
      ['cp', 1],
      ['cp', 2],
    ]);
    for (const message of checkpoints) {
      const index = messages.indexOf(message);
      const epochsBefore = messages.slice(0, index).flatMap((m) => (m.type === 'records' ? m.epochs : []));
      expect(epochsBefore.filter((e) => e.epoch === message.checkpoint.epochsCompleted)).toHaveLength(2);
      const buffers = message.checkpoint.runs.flatMap((run) => [
        ...run.weights.map((w) => w.buffer),
        ...run.optimizer.slots.flatMap((slots) => Object.values(slots ?? {}).map((slot) => slot.buffer)),
      ]);
      expect(buffers.length).toBeGreaterThan(0);
      expect(new Set(transfers[index])).toEqual(new Set(buffers));
    }
    // Adam's slots (m and v) for every trainable variable, none for SGD without momentum.
    const [sgd, adam] = checkpoints[1]!.checkpoint.runs;
    expect(sgd?.optimizer.slots.every((slots) => slots === null || Object.keys(slots).length === 0)).toBe(true);
    expect(adam?.optimizer.slots.every((slots) => slots !== null && Object.keys(slots).length === 2)).toBe(true);
    expect(messages.at(-1)?.type).toBe('done');
  });

  it('resumed from a checkpoint, trains exactly the epochs an uninterrupted run trains', async () => {
    const config = { ...spiralConfig(3), model: { hiddenUnits: [8], dropout: 0.2 } };
    /** Everything but the clock. */
    const values = ({ trainSeconds: _t, elapsedSeconds: _e, ...rest }: EpochRecord) => rest;
    const recordsOf = (of: ReturnType<typeof setup>['of']) => ({
      epochs: of('records').flatMap((m) => m.epochs).map(values),
      losses: of('records').flatMap((m) => unpackBatchLosses(m.batches.triples)),
    });

    const straight = setup({ postMessage: true });
    await straight.host.receive({ v, type: 'start', comparisonId: 'whole', config });
    const whole = recordsOf(straight.of);
    const checkpoint: ComparisonCheckpoint | undefined = straight.of('checkpoint')[0]?.checkpoint;
    expect(checkpoint?.epochsCompleted).toBe(1);
    expect(straight.of('checkpoint')).toHaveLength(3);

    const resumed = setup({ postMessage: true });
    await resumed.host.receive({ v, type: 'start', comparisonId: 'whole', config, resume: checkpoint });
    expect(resumed.of('error')).toEqual([]);
    const rest = recordsOf(resumed.of);
    const afterEpoch1 = (steps: number) => whole.losses.filter((p) => p.step > steps);
    expect(rest.epochs).toEqual(whole.epochs.filter((e) => e.epoch > 1));
    expect(rest.losses).toEqual(afterEpoch1(8));
    expect(resumed.of('checkpoint').map((m) => m.checkpoint.epochsCompleted)).toEqual([2, 3]);
    expect(resumed.of('run-end').map((m) => m.result)).toEqual(straight.of('run-end').map((m) => ({ ...m.result, trainSeconds: expect.any(Number) })));
    expect(resumed.of('done')).toHaveLength(1);
  });

  it('after a resume, still reports a run that had stopped early before the checkpoint', async () => {
    const config = {
      ...spiralConfig(4),
      runs: [
        { id: 'slow', optimizer: { name: 'sgd', hyperparameters: { learning_rate: 1e-7 } }, earlyStopping: { patience: 0, minDelta: 1 } },
        { id: 'adam', optimizer: { name: 'adam' } },
      ],
    };
    const first = setup();
    await first.host.receive({ v, type: 'start', comparisonId: 'es', config });
    const checkpoint = first.of('checkpoint').find((m) => m.checkpoint.runs[0]?.status === 'stopped-early')?.checkpoint;
    expect(checkpoint?.epochsCompleted).toBeLessThan(4);

    const resumed = setup();
    await resumed.host.receive({ v, type: 'start', comparisonId: 'es', config, resume: checkpoint });
    const results = Object.fromEntries(resumed.of('run-end').map((m) => [m.result.runId, m.result.status]));
    expect(results).toEqual({ slow: 'stopped-early', adam: 'completed' });
    expect(resumed.messages.at(-1)?.type).toBe('done');
  });

  it('refuses a checkpoint that does not fit the config, as a failed start', async () => {
    const { host, of } = setup();
    await host.receive({ v, type: 'start', comparisonId: 'a', config: spiralConfig(1) });
    const checkpoint = of('checkpoint')[0]!.checkpoint;
    const other = { ...spiralConfig(2), runs: [{ id: 'lion', optimizer: { name: 'lion' } }] };
    await host.receive({ v, type: 'start', comparisonId: 'b', config: other, resume: checkpoint });
    expect(of('error').at(-1)).toMatchObject({ comparisonId: 'b', error: { code: 'bad-checkpoint' } });
  });

  it('leaves no tensors behind', async () => {
    const { host } = setup();
    await host.receive({ v, type: 'start', comparisonId: 'warm', config: spiralConfig(1) });
    const before = tf.memory().numTensors;
    await host.receive({ v, type: 'start', comparisonId: 'c4', config: spiralConfig(2) });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('hands a regression run’s test predictions over with its run-end, transferred, not copied', async () => {
    const { host, of, messages, transfers } = setup({ postMessage: true });
    const config: ExperimentConfigInput = { ...spiralConfig(1), dataset: { name: 'prod', count: 100 }, runs: [{ id: 'adam', optimizer: { name: 'adam' } }] };
    await host.receive({ v, type: 'start', comparisonId: 'prod', config });
    const end = of('run-end')[0]!;
    // prod's test set is a fifth of its points.
    expect(end.result.test?.predictions).toBeInstanceOf(Float32Array);
    expect(end.result.test?.predictions).toHaveLength(20);
    expect(transfers[messages.indexOf(end)]).toHaveLength(1);
  });

  it('calibrates: trains the config briefly and answers with one run’s seconds per step', async () => {
    const { host, of } = setup();
    const config = { ...spiralConfig(2), runs: [{ id: 'calibration', optimizer: { name: 'sgd' } }] };
    await host.receive({ v, type: 'calibrate', requestId: 'cal-1', config });
    const [answer] = of('calibration');
    expect(answer).toMatchObject({ requestId: 'cal-1', batchSize: 20, backend: 'cpu' });
    expect(answer!.secondsPerStep).toBeGreaterThan(0);
    expect(of('records')).toEqual([]);
  });

  it('answers a calibration while a comparison runs with a busy error for that request', async () => {
    const { host, of } = setup();
    const running = host.receive({ v, type: 'start', comparisonId: 'long', config: spiralConfig(3) });
    await host.receive({ v, type: 'calibrate', requestId: 'cal-2', config: spiralConfig(1) });
    expect(of('error').at(-1)).toMatchObject({ requestId: 'cal-2', error: { code: 'busy' } });
    await running;
  });
});
