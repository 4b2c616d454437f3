/** The race store against the real race host, in process: the page's view of a race. */
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RaceSetup } from '../engine/race/types';
import { RACE_PROTOCOL_VERSION, type FromRaceWorker, type ToRaceWorker } from '../protocol/race-messages';
import { createRaceHost } from '../worker/race-host';
import type { RaceConnection } from './race-client';
import { createRaceStore, NOTIFY_MS, type RaceStore } from './race-store';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The host behind a connection, as the worker would be; every message to it is recorded. */
function inProcess(): { connection: RaceConnection; sent: ToRaceWorker[]; emit: (message: FromRaceWorker) => void } {
  const listeners = new Set<(message: FromRaceWorker) => void>();
  const emit = (message: FromRaceWorker) => listeners.forEach((listener) => listener(message));
  const host = createRaceHost(emit);
  const sent: ToRaceWorker[] = [];
  return {
    sent,
    emit,
    connection: {
      post: (message) => {
        sent.push(message);
        host.receive(message);
      },
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      dispose: () => host.dispose(),
    },
  };
}

const SETUP: RaceSetup = {
  surface: 'rosenbrock',
  start: { x: -0.5, y: 2.5 },
  entries: [
    { id: 'adam', optimizer: { name: 'adam', hyperparameters: { learning_rate: 0.05 } } },
    { id: 'sgd', optimizer: { name: 'sgd' } },
  ],
};

let store: RaceStore | undefined;
afterEach(() => store?.dispose());

describe('the race store', () => {
  it('keeps each racer’s trail, growing in place, and its latest state', () => {
    const { connection } = inProcess();
    store = createRaceStore(connection);
    store.configure(SETUP);
    store.step(1);
    store.step(40);
    const [adam, sgd] = store.trails();
    expect(adam!.length).toBe(42);
    expect(Array.from(adam!.points.subarray(0, 2))).toEqual([-0.5, 2.5]);
    // Keras's default SGD (lr 0.01) overflows on Rosenbrock within a few steps; its trail stops there.
    expect(sgd!.length).toBeLessThan(42);
    const state = store.getState();
    expect(state.step).toBe(41);
    expect(state.states.map((s) => [s.id, s.diverged])).toEqual([
      ['adam', false],
      ['sgd', true],
    ]);
    expect(state.states[0]!.x).toBe(adam!.points[3 * 41]);
  });

  it('drops frames of an older setup, and starts every new setup with empty trails', () => {
    const { connection, emit } = inProcess();
    store = createRaceStore(connection);
    store.configure(SETUP);
    store.step(5);
    const old = store.getState().generation;
    store.configure({ ...SETUP, surface: 'beale', start: { x: 1, y: 1.5 } });
    emit({ v: RACE_PROTOCOL_VERSION, type: 'frame', generation: old, step: 6, playing: false, finished: false, counts: [1, 1], points: new Float32Array(6), states: [] });
    expect(store.trails().map((t) => t.length)).toEqual([1, 1]);
    expect(Array.from(store.trails()[0]!.points.subarray(0, 2))).toEqual([1, 1.5]);
    expect(store.getState().step).toBe(0);
  });

  it('shows why a setup does not run, and forgets it when the next one does', () => {
    const { connection } = inProcess();
    store = createRaceStore(connection);
    store.configure({ ...SETUP, entries: [{ id: 'r', optimizer: { name: 'adam', hyperparameters: { beta_1: 1.5 } } }] });
    expect(store.getState().error?.where).toBe('entries[0].optimizer.hyperparameters.beta_1');
    store.configure(SETUP);
    expect(store.getState().error).toBeUndefined();
    expect(store.trails()[0]!.length).toBe(1);
  });

  it('tells React about a change of status at once, and about new states at most every NOTIFY_MS', () => {
    vi.useFakeTimers();
    try {
      const { connection } = inProcess();
      store = createRaceStore(connection);
      const listener = vi.fn();
      store.subscribe(listener);
      store.configure(SETUP);
      store.step(1);
      const afterFirst = listener.mock.calls.length;
      store.step(1);
      store.step(1);
      expect(listener.mock.calls.length).toBe(afterFirst);
      vi.advanceTimersByTime(NOTIFY_MS - 1);
      expect(listener.mock.calls.length).toBe(afterFirst);
      vi.advanceTimersByTime(1);
      expect(listener.mock.calls.length).toBe(afterFirst + 1);
      expect(store.getState().step).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
