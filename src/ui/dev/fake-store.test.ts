import { describe, expect, it } from 'vitest';
import { QUICK_DEMO_SYNTHETIC } from '../features/presets/quick-demo';
import { createFakeStore } from './fake-store';

describe('fake store', () => {
  it('grows a comparison tick by tick to the end, immutably', async () => {
    const store = createFakeStore();
    const config = { ...QUICK_DEMO_SYNTHETIC, training: { ...QUICK_DEMO_SYNTHETIC.training, epochs: 2 } };
    await store.actions.start(config);
    const before = store.getState();
    store.advance(5);
    const after = store.getState();
    expect(after).not.toBe(before);
    expect(after.current!.runs[0]!.losses).toHaveLength(5);
    expect(before.current!.runs[0]!.losses).toHaveLength(0);
    store.advance(1000);
    const done = store.getState().current!;
    expect(done.status).toBe('completed');
    expect(done.runs.every((run) => run.result?.status === 'completed' && run.epochs.length === 2)).toBe(true);
    expect(done.runs[0]!.result!.test!.confusion).toHaveLength(2);
    expect(store.getState().history).toHaveLength(1);
  });

  it('diverges a run with learning rate 1 while the others go on', async () => {
    const store = createFakeStore();
    const runs = [...QUICK_DEMO_SYNTHETIC.runs, { label: 'SGD lr 1', optimizer: { name: 'sgd', hyperparameters: { learning_rate: 1 } } }];
    await store.actions.start({ ...QUICK_DEMO_SYNTHETIC, runs });
    store.advance(10_000);
    const statuses = store.getState().current!.runs.map((run) => run.result?.status);
    expect(statuses).toEqual(['completed', 'completed', 'completed', 'diverged']);
  });

  it('pauses, stops one run, and rejects a bad import with a notice', async () => {
    const store = createFakeStore();
    await store.actions.start(QUICK_DEMO_SYNTHETIC);
    store.actions.pause();
    store.advance(3);
    expect(store.getState().current!.runs[0]!.steps).toHaveLength(0);
    store.actions.resume();
    store.actions.stopRun('adam');
    store.advance(3);
    expect(store.getState().current!.runs[2]!.result!.status).toBe('stopped');
    await store.actions.importJson('{"format":"something else"}');
    expect(store.getState().notice).toMatchObject({ kind: 'error', text: expect.stringMatching(/Import rejected/) });
  });
});
