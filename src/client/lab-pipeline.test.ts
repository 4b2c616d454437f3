import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ExperimentConfigInput } from '../engine/experiment/config';
import type { EpochRecord, RunResult } from '../engine/training/types';
import { openComparisonRepository } from '../persistence';
import { PROTOCOL_VERSION } from '../protocol/messages';
import { createTrainingHost } from '../worker/training-host';
import { hostConnection } from './in-page-connection';
import { createLabStore } from './lab-store';
import type { LabState, RunView } from './types';
import type { TrainingConnection } from './worker-client';

const config: ExperimentConfigInput = {
  name: 'pipeline',
  dataset: { name: 'spiral', count: 120, validation: 0.25 },
  architecture: 'dense',
  model: { hiddenUnits: [8] },
  training: { epochs: 3, batchSize: 10, lossReadEvery: 3 },
  runs: [
    { id: 'sgd', optimizer: { name: 'sgd' } },
    { id: 'adam', label: 'Adam', optimizer: { name: 'adam' } },
  ],
};

async function until(store: { getState(): LabState }, predicate: (state: LabState) => boolean): Promise<void> {
  for (let i = 0; i < 3000 && !predicate(store.getState()); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(predicate(store.getState())).toBe(true);
}

describe('store, training host and IndexedDB together', () => {
  it('trains on the cpu, saves every epoch and result, and shows the same after a reload', async () => {
    const dbName = `pipeline-${Math.random().toString(36).slice(2)}`;
    const repository = await openComparisonRepository({ dbName });
    const store = createLabStore({
      repository,
      host: hostConnection((post) => createTrainingHost(post, { place: 'main-thread', throttleMs: 10 })),
      backends: ['cpu'],
    });
    await until(store, (s) => s.backend !== undefined);
    expect(store.getState().backend).toMatchObject({ name: 'cpu', inWorker: false });

    const id = await store.actions.start(config);
    await until(store, (s) => s.current?.status === 'completed');
    await store.settled();
    const live = store.getState().current!;
    expect(live.runs.map((r) => r.epochs.length)).toEqual([3, 3]);
    expect(live.runs.map((r) => r.result?.status)).toEqual(['completed', 'completed']);
    // 90 training samples / 10 = 9 steps per epoch.
    expect(live.runs[0]?.steps).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    expect(live.backend?.name).toBe('cpu');

    const saved = await repository.get(id);
    expect(saved?.status).toBe('completed');
    expect(saved?.epochs).toHaveLength(6);
    expect(saved?.batches).toHaveLength(54);
    expect(saved?.batches.filter((b) => b.runId === 'adam').map((b) => b.epoch)).toEqual(
      Array.from({ length: 27 }, (_, i) => Math.floor(i / 9) + 1),
    );
    store.dispose();

    // A reload: a new store over the same database.
    const reloaded = createLabStore({ repository: await openComparisonRepository({ dbName }), host: hostConnection((post) => createTrainingHost(post)), backends: ['cpu'] });
    await reloaded.ready;
    expect(reloaded.getState().history).toEqual([expect.objectContaining({ id, status: 'completed', epochsDone: 3, runCount: 2 })]);
    await reloaded.actions.open(id);
    const opened = reloaded.getState().current!;
    expect(opened.runs.map((r) => [r.id, r.label])).toEqual([
      ['sgd', 'sgd'],
      ['adam', 'Adam'],
    ]);
    expect(opened.runs.map((r) => r.epochs)).toEqual(live.runs.map((r) => r.epochs));
    expect(opened.runs.map((r) => r.losses)).toEqual(live.runs.map((r) => r.losses));
    expect(opened.runs.map((r) => r.result)).toEqual(live.runs.map((r) => r.result));
    reloaded.dispose();
  });

  it('resumes a comparison interrupted after its first epoch, and ends with the records of an uninterrupted run', async () => {
    const training = () => hostConnection((post) => createTrainingHost(post, { place: 'main-thread', throttleMs: 10 }));
    /** Everything but the clock. */
    const epochValues = ({ trainSeconds: _t, elapsedSeconds: _e, ...rest }: EpochRecord) => rest;
    const resultValues = ({ trainSeconds: _t, ...rest }: RunResult) => rest;
    const runValues = (run: RunView) => ({ id: run.id, steps: run.steps, losses: run.losses, epochs: run.epochs.map(epochValues), result: run.result && resultValues(run.result) });

    // The reference: the same comparison, never interrupted.
    const referenceDb = await openComparisonRepository({ dbName: `pipeline-ref-${Math.random().toString(36).slice(2)}` });
    const reference = createLabStore({ repository: referenceDb, host: training(), backends: ['cpu'] });
    await until(reference, (s) => s.backend !== undefined);
    const referenceId = await reference.actions.start(config);
    await until(reference, (s) => s.current?.status === 'completed');
    await reference.settled();
    const whole = reference.getState().current!;
    const wholeSaved = (await referenceDb.get(referenceId))!;
    reference.dispose();

    // A tab that closes right after the first checkpoint: nothing after it reaches the store.
    const dbName = `pipeline-resume-${Math.random().toString(36).slice(2)}`;
    const inner = training();
    let closed = false;
    let trainingStopped!: () => void;
    const stopped = new Promise<void>((resolve) => (trainingStopped = resolve));
    const closing: TrainingConnection = {
      post: (message) => inner.post(message),
      subscribe: (listener) =>
        inner.subscribe((message) => {
          if (closed) return void (message.type === 'done' && trainingStopped());
          listener(message);
          if (message.type !== 'checkpoint') return;
          closed = true;
          inner.post({ v: PROTOCOL_VERSION, type: 'cancel', comparisonId: message.comparisonId });
        }),
      dispose: () => inner.dispose(),
    };
    const first = createLabStore({ repository: await openComparisonRepository({ dbName }), host: closing, backends: ['cpu'] });
    await until(first, (s) => s.backend !== undefined);
    const id = await first.actions.start(config);
    await stopped;
    await first.settled();
    expect(first.getState().current).toMatchObject({ status: 'running', resumableFromEpoch: 1 });
    first.dispose();

    // The reload: a new store over the same database.
    const repository = await openComparisonRepository({ dbName });
    const reloaded = createLabStore({ repository, host: training(), backends: ['cpu'] });
    await reloaded.ready;
    expect(reloaded.getState().history).toEqual([expect.objectContaining({ id, status: 'interrupted', epochsDone: 1, resumableFromEpoch: 1 })]);
    await until(reloaded, (s) => s.backend !== undefined);
    await reloaded.actions.resumeComparison(id);
    expect(reloaded.getState().current?.runs.map((r) => r.epochs.length)).toEqual([1, 1]);
    await until(reloaded, (s) => s.current?.status === 'completed');
    await reloaded.settled();

    const resumed = reloaded.getState().current!;
    expect(resumed.runs.map(runValues)).toEqual(whole.runs.map(runValues));
    const saved = (await repository.get(id))!;
    expect(saved.status).toBe('completed');
    expect(saved.epochs.map(epochValues)).toEqual(wholeSaved.epochs.map(epochValues));
    expect(saved.batches).toEqual(wholeSaved.batches);
    expect(Object.values(saved.results).map(resultValues)).toEqual(Object.values(wholeSaved.results).map(resultValues));
    expect(await repository.getCheckpoint(id)).toBeUndefined();
    expect(reloaded.getState().history[0]).not.toHaveProperty('resumableFromEpoch');
    reloaded.dispose();
  });
});
