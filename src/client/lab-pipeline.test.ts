import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ExperimentConfigInput } from '../engine/experiment/config';
import { openComparisonRepository } from '../persistence';
import { createTrainingHost } from '../worker/training-host';
import { hostConnection } from './in-page-connection';
import { createLabStore } from './lab-store';
import type { LabState } from './types';

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
});
