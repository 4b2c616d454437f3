import { describe, expect, it } from 'vitest';
import type { ExperimentConfigInput } from '../engine/experiment/config';
import { PROTOCOL_VERSION } from '../protocol/messages';
import { makeComparison, makeGallery } from '../persistence/test-fixtures';
import { FakeConnection } from '../../tests/helpers/fake-connection';
import { MemoryRepository } from '../../tests/helpers/memory-repository';
import { createLabStore } from './lab-store';

const v = PROTOCOL_VERSION;
const vae: ExperimentConfigInput = {
  name: 'vae-store-test',
  dataset: { name: 'fashion-mnist' },
  architecture: 'vae',
  training: { epochs: 2, batchSize: 10 },
  runs: [{ id: 'adam', optimizer: { name: 'adam' } }, { id: 'sgd', optimizer: { name: 'sgd' } }],
};

async function setup(repository = new MemoryRepository()) {
  const host = new FakeConnection();
  const store = createLabStore({ repository, host, createId: () => 'c1', now: () => new Date('2025-01-02T03:04:05Z') });
  await store.ready;
  host.emit({ v, type: 'ready', backend: { name: 'webgl', float32: true, reason: 'first preference', inWorker: true } });
  await store.settled();
  const send = async (message: Parameters<FakeConnection['emit']>[0]) => {
    host.emit(message);
    await store.settled();
  };
  return { repository, store, send };
}

describe('galleries in the store', () => {
  it('keeps the latest gallery of each run of the live comparison, saved before it is shown', async () => {
    const { repository, store, send } = await setup();
    await store.actions.start(vae);
    await send({ v, type: 'gallery', comparisonId: 'c1', gallery: makeGallery('adam', 1) });
    await send({ v, type: 'gallery', comparisonId: 'c1', gallery: makeGallery('sgd', 1) });
    const before = store.getState().current!;
    await send({ v, type: 'gallery', comparisonId: 'c1', gallery: makeGallery('adam', 2) });
    const galleries = store.getState().current!.galleries!;
    expect(galleries.adam!.epoch).toBe(2);
    expect(galleries.sgd).toBe(before.galleries!.sgd);
    expect(repository.log.filter((line) => line.startsWith('gallery'))).toEqual(['gallery c1 adam epoch=1', 'gallery c1 sgd epoch=1', 'gallery c1 adam epoch=2']);
  });

  it('ignores a gallery of another comparison', async () => {
    const { store, send } = await setup();
    await store.actions.start(vae);
    await send({ v, type: 'gallery', comparisonId: 'elsewhere', gallery: makeGallery('adam', 1) });
    expect(store.getState().current!.galleries).toBeUndefined();
  });

  it('shows the saved galleries of a comparison opened from the history', async () => {
    const repository = new MemoryRepository();
    repository.items.set('old', makeComparison({ id: 'old', status: 'completed' }));
    repository.galleries.set('old', { adam: makeGallery('adam', 3) });
    const { store } = await setup(repository);
    await store.actions.open('old');
    expect(store.getState().current?.galleries?.adam?.epoch).toBe(3);
  });

  it('opens a comparison whose galleries cannot be read, and says so', async () => {
    const repository = new MemoryRepository();
    repository.items.set('old', makeComparison({ id: 'old', status: 'completed' }));
    repository.getGalleries = () => Promise.reject(new Error('gallery 1: expected 16 pixel values'));
    const { store } = await setup(repository);
    await store.actions.open('old');
    expect(store.getState().current?.id).toBe('old');
    expect(store.getState().current?.galleries).toBeUndefined();
    expect(store.getState().notice).toEqual({ kind: 'error', text: expect.stringMatching(/Could not read the saved images .*expected 16 pixel values/) });
  });
});
