import { describe, expect, it } from 'vitest';
import type { ExperimentConfigInput } from '../engine/experiment/config';
import type { ComparisonCheckpoint, EpochRecord, RunCheckpoint, RunResult } from '../engine/training/types';
import { PROTOCOL_VERSION, type FromWorker } from '../protocol/messages';
import { packBatchLosses } from '../protocol/packed-losses';
import type { StoredComparison } from '../persistence/types';
import { FakeConnection } from '../../tests/helpers/fake-connection';
import { MemoryRepository } from '../../tests/helpers/memory-repository';
import { createLabStore } from './lab-store';

const v = PROTOCOL_VERSION;
const config: ExperimentConfigInput = {
  name: 'store-test',
  dataset: { name: 'spiral' },
  architecture: 'dense',
  training: { epochs: 2, batchSize: 10 },
  runs: [{ id: 'sgd', optimizer: { name: 'sgd' } }, { optimizer: { name: 'adam' } }],
};
const backend = { name: 'webgl', float32: true, reason: 'first preference', inWorker: true };

const epoch = (runId: string, n: number, steps: number): EpochRecord => ({ runId, epoch: n, steps, loss: 1 / n, trainSeconds: 0.1, elapsedSeconds: n });
const result = (runId: string, status: RunResult['status'] = 'completed'): RunResult => ({ runId, label: runId, status, epochsCompleted: 2, trainSeconds: 1 });
const records = (comparisonId: string, points: [number, number, number][], epochs: EpochRecord[] = []): FromWorker => ({
  v,
  type: 'records',
  comparisonId,
  batches: { triples: packBatchLosses(points.map(([runIndex, step, loss]) => ({ runIndex, step, loss }))) },
  epochs,
});

async function setup(existing: StoredComparison[] = [], checkpoints: Record<string, ComparisonCheckpoint> = {}) {
  const repository = new MemoryRepository();
  existing.forEach((item) => repository.items.set(item.id, item));
  Object.entries(checkpoints).forEach(([id, checkpoint]) => repository.checkpoints.set(id, checkpoint));
  const host = new FakeConnection();
  let ids = 0;
  const store = createLabStore({ repository, host, createId: () => `c${++ids}`, now: () => new Date('2025-01-02T03:04:05Z') });
  await store.ready;
  const send = async (message: FromWorker) => {
    host.emit(message);
    await store.settled();
  };
  await send({ v, type: 'ready', backend });
  return { repository, host, store, send, state: () => store.getState() };
}

function stored(id: string, status: StoredComparison['status']): StoredComparison {
  return {
    version: 2,
    id,
    name: `saved ${id}`,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    status,
    config,
    dataset: 'spiral',
    results: { sgd: result('sgd') },
    epochs: [epoch('sgd', 1, 5), epoch('run-2', 1, 5)],
    batches: [
      { runId: 'sgd', epoch: 1, step: 2, loss: 0.5 },
      { runId: 'sgd', epoch: 1, step: 1, loss: 0.9 },
    ],
    probes: [],
  };
}

/** A checkpoint of the config's two runs after `epochs` epochs (5 steps each); `ended` runs had stopped. */
function checkpointAfter(epochs: number, ended: Partial<Record<string, RunCheckpoint['status']>> = {}): ComparisonCheckpoint {
  const run = (runId: string): RunCheckpoint => ({
    runId,
    status: ended[runId] ?? 'running',
    step: epochs * 5,
    epochsCompleted: epochs,
    totalSeconds: epochs,
    monitor: { best: Number.NaN, bestEpoch: undefined, wait: 0 },
    weights: [new Float32Array([epochs, 1])],
    optimizer: { iterations: epochs * 5, slots: [null] },
  });
  return { version: 1, epochsCompleted: epochs, elapsedSeconds: epochs, runs: [run('sgd'), run('run-2')] };
}

describe('createLabStore', () => {
  it('on start-up marks interrupted comparisons, loads the history and asks for a backend', async () => {
    const { repository, host, state } = await setup([stored('old', 'running')]);
    expect(repository.log[0]).toBe('markInterrupted');
    expect(state().history).toEqual([expect.objectContaining({ id: 'old', status: 'interrupted' })]);
    expect(host.posted[0]).toEqual({ v, type: 'init', backends: ['webgl', 'cpu'] });
    expect(state().backend).toEqual(backend);
  });

  it('waits for the backend before starting, so the comparison records it', async () => {
    const repository = new MemoryRepository();
    const host = new FakeConnection();
    const store = createLabStore({ repository, host, createId: () => 'early' });
    const started = store.actions.start(config);
    await store.ready;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(repository.items.has('early')).toBe(false);
    host.emit({ v, type: 'ready', backend });
    expect(await started).toBe('early');
    expect(repository.items.get('early')?.backend).toEqual(backend);
    expect(store.getState().current?.backend).toEqual(backend);
  });

  it('starts a comparison: saved first, then shown, then sent', async () => {
    const { repository, host, store, state } = await setup();
    const id = await store.actions.start(config);
    expect(id).toBe('c1');
    expect(repository.items.get('c1')).toMatchObject({ status: 'running', dataset: 'spiral', name: 'store-test', backend });
    expect(state().current?.runs.map((r) => [r.id, r.label])).toEqual([
      ['sgd', 'sgd'],
      ['run-2', 'adam'],
    ]);
    expect(host.posted.at(-1)).toEqual({ v, type: 'start', comparisonId: 'c1', config });
  });

  it('shows a finished epoch only after it is saved', async () => {
    const { repository, host, store, state } = await setup();
    await store.actions.start(config);
    let open!: () => void;
    repository.gate = new Promise((resolve) => (open = resolve));
    host.emit(records('c1', [[0, 5, 0.4]], [epoch('sgd', 1, 5)]));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(state().current?.runs[0]?.epochs).toEqual([]);
    expect(repository.items.get('c1')?.epochs).toEqual([]);
    open();
    await store.settled();
    expect(state().current?.runs[0]?.epochs).toEqual([epoch('sgd', 1, 5)]);
    expect(repository.items.get('c1')?.epochs).toEqual([epoch('sgd', 1, 5)]);
  });

  it('shows batch losses at once and saves them with the epoch they belong to', async () => {
    const { repository, send, store, state } = await setup();
    await store.actions.start(config);
    await send(records('c1', [[0, 1, 0.9], [1, 1, 0.8], [0, 2, 0.7]]));
    expect(state().current?.runs[0]).toMatchObject({ steps: [1, 2], losses: [0.9, 0.7] });
    expect(repository.items.get('c1')?.batches).toEqual([]);
    await send(records('c1', [[0, 3, 0.6]], [epoch('sgd', 1, 2)]));
    await send({ v, type: 'done', comparisonId: 'c1', elapsedSeconds: 1 });
    const saved = repository.items.get('c1')!.batches.map((b) => `${b.runId}@${b.step}:e${b.epoch}`);
    expect(saved).toEqual(['sgd@1:e1', 'run-2@1:e1', 'sgd@2:e1', 'sgd@3:e2']);
  });

  it('shows probe samples at once, per run, and saves them with the epoch they belong to', async () => {
    const { repository, send, store, state } = await setup();
    await store.actions.start(config);
    const sample = (runId: string, step: number) => ({ runId, step, epoch: 1, learningRate: 0.01, input: { min: 0, max: 255, mean: 80, std: 90 }, layers: [] });
    await send({ ...records('c1', [[0, 1, 0.9]]), probes: [sample('sgd', 1), sample('run-2', 1)] } as FromWorker);
    expect(state().current?.runs.map((run) => run.probes?.map((p) => p.step))).toEqual([[1], [1]]);
    expect(repository.items.get('c1')?.probes).toEqual([]);
    await send({ ...records('c1', [[0, 2, 0.7]], [epoch('sgd', 1, 2)]), probes: [sample('sgd', 2)] } as FromWorker);
    expect(state().current?.runs[0]?.probes?.map((p) => p.step)).toEqual([1, 2]);
    expect(repository.items.get('c1')?.probes.map((p) => `${p.runId}@${p.step}`)).toEqual(['sgd@1', 'run-2@1', 'sgd@2']);
  });

  it('appends immutably: runs that got nothing keep their identity', async () => {
    const { send, store, state } = await setup();
    await store.actions.start(config);
    const before = state().current!;
    await send(records('c1', [[1, 1, 0.5]]));
    const after = state().current!;
    expect(after).not.toBe(before);
    expect(after.runs[0]).toBe(before.runs[0]);
    expect(after.runs[1]).not.toBe(before.runs[1]);
    expect(before.runs[1]?.steps).toEqual([]);
  });

  it('saves run results, and completes on done', async () => {
    const { repository, send, store, state } = await setup();
    await store.actions.start(config);
    await send({ v, type: 'run-end', comparisonId: 'c1', result: result('sgd') });
    expect(repository.items.get('c1')?.results.sgd).toEqual(result('sgd'));
    expect(state().current?.runs[0]?.result).toEqual(result('sgd'));
    await send({ v, type: 'done', comparisonId: 'c1', elapsedSeconds: 3 });
    expect(state().current?.status).toBe('completed');
    expect(repository.log.at(-1)).toBe('status c1 completed');
    expect(state().history[0]?.status).toBe('completed');
  });

  it('pauses, resumes and cancels through the host, saving the status', async () => {
    const { repository, host, send, store, state } = await setup();
    await store.actions.start(config);
    store.actions.pause();
    expect(host.posted.at(-1)).toEqual({ v, type: 'pause', comparisonId: 'c1' });
    expect(state().current?.status).toBe('paused');
    await store.settled();
    expect(repository.items.get('c1')?.status).toBe('paused');
    store.actions.resume();
    expect(state().current?.status).toBe('running');
    store.actions.stopRun('sgd');
    expect(host.posted.at(-1)).toEqual({ v, type: 'stop-run', comparisonId: 'c1', runId: 'sgd' });
    store.actions.cancel();
    await send({ v, type: 'done', comparisonId: 'c1', elapsedSeconds: 1 });
    expect(state().current?.status).toBe('cancelled');
    expect(repository.items.get('c1')?.status).toBe('cancelled');
  });

  it('marks the comparison failed with the error a bad config gets', async () => {
    const { repository, send, store, state } = await setup();
    await store.actions.start(config);
    const error = { code: 'invalid-config', message: 'training.epochs: expected > 0, found 0', expected: '> 0', found: '0', where: 'training.epochs' };
    await send({ v, type: 'error', comparisonId: 'c1', error });
    expect(state().current).toMatchObject({ status: 'failed', error });
    expect(repository.items.get('c1')).toMatchObject({ status: 'failed', error: error.message });
  });

  it('fails the running comparison when the worker crashes', async () => {
    const { send, store, state } = await setup();
    await store.actions.start(config);
    const error = { code: 'worker-crashed', message: 'The training worker stopped.' };
    await send({ v, type: 'error', error });
    expect(state().backendError).toEqual(error);
    expect(state().current?.status).toBe('failed');
  });

  it('opens a saved comparison, and says so when it is gone', async () => {
    const { store, state } = await setup([stored('old', 'completed')]);
    await store.actions.open('old');
    expect(state().current?.runs[0]).toMatchObject({ steps: [1, 2], losses: [0.9, 0.5], result: result('sgd') });
    expect(state().current?.runs[1]?.epochs).toHaveLength(1);
    await store.actions.open('nope');
    expect(state().notice).toMatchObject({ kind: 'error', text: expect.stringMatching(/no longer saved/) });
    store.actions.dismissNotice();
    expect(state().notice).toBeUndefined();
  });

  it('deletes a saved comparison but not the running one', async () => {
    const { repository, store, state } = await setup([stored('old', 'completed')]);
    await store.actions.open('old');
    await store.actions.delete('old');
    expect(repository.items.has('old')).toBe(false);
    expect(state().current).toBeUndefined();
    expect(state().history).toEqual([]);
    await store.actions.start(config);
    await store.actions.delete('c1');
    expect(repository.items.has('c1')).toBe(true);
    expect(state().notice?.text).toMatch(/running/);
  });

  it('imports and exports through the repository; a bad import becomes a notice', async () => {
    const { repository, store, state } = await setup([stored('old', 'completed')]);
    const json = await store.actions.exportJson('old');
    repository.items.clear();
    await store.actions.importJson(json);
    expect(state().current?.id).toBe('old');
    expect(state().history).toHaveLength(1);
    repository.failImport = new Error('expected format version 1, found 7');
    await store.actions.importJson('{}');
    expect(state().notice).toEqual({ kind: 'error', text: 'The file was not imported: expected format version 1, found 7' });
    expect(await store.actions.exportJson('missing')).toBe('');
  });

  it('tracks a dataset from request to progress to ready, or to its error', async () => {
    const { host, send, store, state } = await setup();
    store.actions.loadDataset('fashion-mnist');
    const request = host.posted.at(-1);
    expect(request).toMatchObject({ type: 'load-dataset', name: 'fashion-mnist', source: { kind: 'auto' } });
    const requestId = request?.type === 'load-dataset' ? request.requestId : '';
    const progress = { file: 'train-images-idx3-ubyte.gz', loadedBytes: 10, totalBytes: 100 };
    await send({ v, type: 'dataset-progress', requestId, progress });
    expect(state().datasets['fashion-mnist']).toEqual({ status: 'loading', progress });
    const error = { code: 'offline-not-cached', message: 'The lab is offline' };
    await send({ v, type: 'error', requestId, error });
    expect(state().datasets['fashion-mnist']).toEqual({ status: 'error', error });
    const summary = { name: 'cifar-10' as const, trainCount: 1, testCount: 1, inputShape: [32, 32, 3], classNames: [], origin: 'files' };
    store.actions.loadDataset('cifar-10', [new File([], 'a.bin')]);
    const second = host.posted.at(-1);
    expect(second).toMatchObject({ source: { kind: 'files' } });
    await send({ v, type: 'dataset-ready', requestId: second?.type === 'load-dataset' ? second.requestId : '', summary });
    expect(state().datasets['cifar-10']).toEqual({ status: 'ready', summary });
  });

  it('follows the download a start triggers for a real dataset', async () => {
    const { send, store, state } = await setup();
    await store.actions.start({ ...config, dataset: { name: 'cifar-10' } });
    expect(state().datasets['cifar-10'].status).toBe('loading');
    const progress = { file: 'cifar-10-binary.tar.gz', loadedBytes: 5, totalBytes: undefined };
    await send({ v, type: 'dataset-progress', requestId: 'start:c1', progress });
    expect(state().datasets['cifar-10']).toEqual({ status: 'loading', progress });
  });
});

describe('checkpoints, resume and restart', () => {
  const config3 = { ...config, training: { epochs: 3, batchSize: 10 } };
  /** A comparison stopped during epoch 3: two epochs saved, part of the third's losses, SGD's result from the cancel. */
  function stopped(id: string, status: StoredComparison['status']): StoredComparison {
    return {
      ...stored(id, status),
      config: config3,
      results: { sgd: result('sgd', 'cancelled'), 'run-2': result('run-2', 'diverged') },
      epochs: [1, 2].flatMap((n) => [epoch('sgd', n, n * 5), epoch('run-2', n, n * 5)]),
      batches: [1, 5, 6, 10, 11].flatMap((step) => [
        { runId: 'sgd', epoch: Math.ceil(step / 5), step, loss: 1 / step },
        { runId: 'run-2', epoch: Math.ceil(step / 5), step, loss: 2 / step },
      ]),
      error: 'the worker stopped',
    };
  }

  it('saves each checkpoint, after the records before it, and offers it once the comparison stops', async () => {
    const { repository, send, store, state } = await setup();
    await store.actions.start(config);
    await send(records('c1', [[0, 5, 0.4], [1, 5, 0.5]], [epoch('sgd', 1, 5), epoch('run-2', 1, 5)]));
    await send({ v, type: 'checkpoint', comparisonId: 'c1', checkpoint: checkpointAfter(1) });
    expect(repository.log.slice(-2)).toEqual(['append c1 epochs=2 batches=2', 'checkpoint c1 epoch=1']);
    expect(repository.checkpoints.get('c1')).toEqual(checkpointAfter(1));
    expect(state().current?.resumableFromEpoch).toBe(1);

    store.actions.cancel();
    await send({ v, type: 'done', comparisonId: 'c1', elapsedSeconds: 1 });
    expect(state().current).toMatchObject({ status: 'cancelled', resumableFromEpoch: 1 });
    expect(state().history[0]).toMatchObject({ id: 'c1', status: 'cancelled', resumableFromEpoch: 1 });
  });

  it('drops the checkpoint of a comparison that finished', async () => {
    const { repository, send, store, state } = await setup();
    await store.actions.start(config);
    await send({ v, type: 'checkpoint', comparisonId: 'c1', checkpoint: checkpointAfter(2) });
    await send({ v, type: 'done', comparisonId: 'c1', elapsedSeconds: 1 });
    expect(repository.checkpoints.has('c1')).toBe(false);
    expect(state().current?.status).toBe('completed');
    expect(state().current).not.toHaveProperty('resumableFromEpoch');
  });

  it('says so when a checkpoint cannot be saved, and goes on', async () => {
    const { repository, send, store, state } = await setup();
    await store.actions.start(config);
    repository.saveCheckpoint = () => Promise.reject(new Error('storage-full: delete old comparisons'));
    await send({ v, type: 'checkpoint', comparisonId: 'c1', checkpoint: checkpointAfter(1) });
    expect(state().notice?.text).toMatch(/Could not save the checkpoint after epoch 1.*delete old comparisons/);
    expect(state().current).toMatchObject({ status: 'running' });
    expect(state().current).not.toHaveProperty('resumableFromEpoch');
  });

  it('resumes from the checkpoint: records after it dropped, results of runs still training dropped, start sent with it', async () => {
    const { repository, host, send, store, state } = await setup([stopped('old', 'interrupted')], { old: checkpointAfter(1, { 'run-2': 'diverged' }) });
    expect(state().history[0]).toMatchObject({ id: 'old', resumableFromEpoch: 1 });

    await store.actions.resumeComparison('old');

    const saved = repository.items.get('old')!;
    expect(saved.status).toBe('running');
    expect(saved.epochs.map((e) => `${e.runId}:${e.epoch}`)).toEqual(['sgd:1', 'run-2:1']);
    expect(saved.batches.map((b) => b.step)).toEqual([1, 1, 5, 5]);
    expect(Object.keys(saved.results)).toEqual(['run-2']);
    const current = state().current!;
    expect(current).toMatchObject({ id: 'old', status: 'running', resumableFromEpoch: 1 });
    expect(current).not.toHaveProperty('error');
    expect(current.runs.map((r) => [r.id, r.steps, r.epochs.length, r.result?.status])).toEqual([
      ['sgd', [1, 5], 1, undefined],
      ['run-2', [1, 5], 1, 'diverged'],
    ]);
    expect(host.posted.at(-1)).toEqual({ v, type: 'start', comparisonId: 'old', config: config3, resume: checkpointAfter(1, { 'run-2': 'diverged' }) });
    await store.settled();
    expect(state().history[0]).toMatchObject({ id: 'old', status: 'running' });

    // New records append to what was kept, and are saved with the right epoch.
    await send(records('old', [[0, 6, 0.3], [0, 10, 0.2]], [epoch('sgd', 2, 10)]));
    expect(state().current?.runs[0]).toMatchObject({ steps: [1, 5, 6, 10] });
    expect(state().current?.runs[0]?.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(repository.items.get('old')!.batches.filter((b) => b.runId === 'sgd').map((b) => `${b.step}:e${b.epoch}`)).toEqual(['1:e1', '5:e1', '6:e2', '10:e2']);
    await send({ v, type: 'checkpoint', comparisonId: 'old', checkpoint: checkpointAfter(2, { 'run-2': 'diverged' }) });
    expect(repository.checkpoints.get('old')?.epochsCompleted).toBe(2);
  });

  it('resumes a stopped comparison too, and one that failed', async () => {
    const { repository, host, send, store } = await setup([stopped('cancelled', 'cancelled'), stopped('failed', 'failed')]);
    repository.checkpoints.set('cancelled', checkpointAfter(2));
    repository.checkpoints.set('failed', checkpointAfter(2));
    await store.actions.resumeComparison('cancelled');
    expect(host.posted.at(-1)).toMatchObject({ type: 'start', comparisonId: 'cancelled', resume: { epochsCompleted: 2 } });
    expect(repository.items.get('cancelled')!.results).toEqual({});
    await send({ v, type: 'done', comparisonId: 'cancelled', elapsedSeconds: 1 });
    await store.actions.resumeComparison('failed');
    expect(host.posted.at(-1)).toMatchObject({ type: 'start', comparisonId: 'failed' });
    expect(repository.items.get('failed')).not.toHaveProperty('error');
  });

  it('says to restart when there is no checkpoint yet, and sends nothing', async () => {
    const { repository, host, store, state } = await setup([stopped('old', 'interrupted')]);
    const posted = host.posted.length;
    await store.actions.resumeComparison('old');
    expect(state().notice).toEqual({ kind: 'info', text: expect.stringMatching(/no checkpoint yet: restart instead/) });
    expect(host.posted).toHaveLength(posted);
    expect(repository.items.get('old')?.status).toBe('interrupted');
    expect(state().current).toBeUndefined();
  });

  it('resumes only one comparison at a time, and never a finished one', async () => {
    const { repository, host, store, state } = await setup([stopped('old', 'interrupted'), stopped('done', 'completed')]);
    repository.checkpoints.set('old', checkpointAfter(1));
    repository.checkpoints.set('done', checkpointAfter(3));
    await store.actions.resumeComparison('done');
    expect(state().notice?.text).toMatch(/cannot be resumed: it is finished/);
    await store.actions.start(config);
    const posted = host.posted.length;
    await store.actions.resumeComparison('old');
    expect(state().notice?.text).toMatch(/already running/);
    expect(host.posted).toHaveLength(posted);
    expect(repository.items.get('old')?.status).toBe('interrupted');
  });

  it('says so when the checkpoint cannot be read', async () => {
    const { repository, store, state } = await setup([stopped('old', 'interrupted')]);
    repository.getCheckpoint = () => Promise.reject(new Error('checkpoint of comparison "old".runs[0].weights[0]: expected a Float32Array'));
    await store.actions.resumeComparison('old');
    expect(state().notice).toEqual({ kind: 'error', text: expect.stringMatching(/Could not resume the comparison \(restart it instead\): .*Float32Array/) });
    expect(repository.items.get('old')?.status).toBe('interrupted');
  });

  it('restarts as a new comparison with the same config, keeping the old one', async () => {
    const { repository, host, store, state } = await setup([stopped('old', 'interrupted')]);
    await store.actions.restartComparison('old');
    expect(host.posted.at(-1)).toEqual({ v, type: 'start', comparisonId: 'c1', config: config3 });
    expect(state().current).toMatchObject({ id: 'c1', status: 'running' });
    expect(repository.items.get('old')?.status).toBe('interrupted');
    expect(state().history.map((s) => s.id).sort()).toEqual(['c1', 'old']);
    await store.actions.restartComparison('gone');
    expect(state().notice?.text).toMatch(/no longer saved/);
  });

  it('shows whether a comparison opened from the history can be resumed', async () => {
    const { repository, store, state } = await setup([stopped('old', 'interrupted')]);
    repository.checkpoints.set('old', checkpointAfter(2));
    // The history loaded at start-up knew nothing of it; a refresh (any finished action) does.
    await store.actions.delete('nothing-here');
    await store.actions.open('old');
    expect(state().current).toMatchObject({ id: 'old', status: 'interrupted', resumableFromEpoch: 2 });
  });
});
