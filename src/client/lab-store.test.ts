import { describe, expect, it } from 'vitest';
import type { ExperimentConfigInput } from '../engine/experiment/config';
import type { EpochRecord, RunResult } from '../engine/training/types';
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

async function setup(existing: StoredComparison[] = []) {
  const repository = new MemoryRepository();
  existing.forEach((item) => repository.items.set(item.id, item));
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
    version: 1,
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
  };
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
