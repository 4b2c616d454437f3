/**
 * The race as the page sees it: a small store React subscribes to (`useSyncExternalStore`)
 * for the status and every racer's state, and the trails, which grow in place outside
 * React for the canvas to draw incrementally. Frames of an older race (a setup the
 * person has since changed) are recognised by their generation and dropped.
 *
 * React hears about new states at most every NOTIFY_MS (four times a second: numbers
 * that change faster cannot be read, and on a software renderer every repainted line of
 * text costs); the canvas reads the trails on its own schedule. Changes of status
 * (playing, finished, an error) are passed on at once.
 */
import type { RaceEntryState, RaceSetup } from '../engine/race/types';
import { RACE_PROTOCOL_VERSION, type ErrorPayload, type FromRaceWorker, type ToRaceWorker } from '../protocol/race-messages';
import type { RaceConnection } from './race-client';
import { createTrailSet, type RaceTrail, type TrailSet } from './race-trails';

export interface RaceState {
  /** 'starting' until the worker has its backend. */
  readonly status: 'starting' | 'ready' | 'failed';
  readonly backend?: string;
  /** Numbers the current setup; the trails belong to it. */
  readonly generation: number;
  readonly step: number;
  readonly playing: boolean;
  readonly finished: boolean;
  readonly states: readonly RaceEntryState[];
  /** Why the current setup does not run (a bad field), or why the worker stopped. */
  readonly error?: ErrorPayload;
}

export interface RaceStore {
  getState(): RaceState;
  subscribe(listener: () => void): () => void;
  /** The current setup's trails, in setup order. */
  trails(): readonly RaceTrail[];
  configure(setup: RaceSetup): void;
  play(): void;
  pause(): void;
  step(count?: number): void;
  speed(stepsPerSecond: number): void;
  dispose(): void;
}

export const NOTIFY_MS = 250;

type Body<T extends ToRaceWorker['type']> = Omit<Extract<ToRaceWorker, { type: T }>, 'v'>;

export function createRaceStore(connection: RaceConnection): RaceStore {
  let state: RaceState = { status: 'starting', generation: 0, step: 0, playing: false, finished: false, states: [] };
  let trailSet: TrailSet = createTrailSet(0);
  const listeners = new Set<() => void>();
  let notifyTimer: ReturnType<typeof setTimeout> | undefined;
  let lastNotified = 0;

  const notifyNow = () => {
    if (notifyTimer !== undefined) clearTimeout(notifyTimer);
    notifyTimer = undefined;
    lastNotified = Date.now();
    listeners.forEach((listener) => listener());
  };
  const notifySoon = () => {
    if (notifyTimer !== undefined) return;
    notifyTimer = setTimeout(notifyNow, Math.max(0, NOTIFY_MS - (Date.now() - lastNotified)));
  };
  const set = (patch: Partial<RaceState>, urgent: boolean) => {
    state = { ...state, ...patch };
    if (urgent) notifyNow();
    else notifySoon();
  };
  const send = <T extends ToRaceWorker['type']>(body: Body<T>) => connection.post({ v: RACE_PROTOCOL_VERSION, ...body } as ToRaceWorker);

  const handlers: { readonly [K in FromRaceWorker['type']]: (message: Extract<FromRaceWorker, { type: K }>) => void } = {
    ready: (message) => set({ status: 'ready', backend: message.backend }, true),
    frame: (message) => {
      if (message.generation !== state.generation) return;
      trailSet.append(message.counts, message.points);
      const urgent = message.playing !== state.playing || message.finished !== state.finished || state.states.length === 0;
      set({ step: message.step, playing: message.playing, finished: message.finished, states: message.states }, urgent);
    },
    error: (message) => {
      if (message.generation !== undefined && message.generation !== state.generation) return;
      const fatal = message.generation === undefined && message.error.code !== 'bad-message';
      set({ error: message.error, playing: false, ...(fatal ? { status: 'failed' as const } : {}) }, true);
    },
  };
  const unsubscribe = connection.subscribe((message) => (handlers[message.type] as (m: FromRaceWorker) => void)(message));

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    trails: () => trailSet.trails,
    configure(setup) {
      const generation = state.generation + 1;
      trailSet = createTrailSet(setup.entries.length);
      const { error: _error, ...rest } = state;
      state = { ...rest, generation, step: 0, playing: false, finished: false, states: [] };
      notifyNow();
      send<'configure'>({ type: 'configure', generation, setup });
    },
    play: () => send<'play'>({ type: 'play' }),
    pause: () => send<'pause'>({ type: 'pause' }),
    step: (count = 1) => send<'step'>({ type: 'step', count }),
    speed: (stepsPerSecond) => send<'speed'>({ type: 'speed', stepsPerSecond }),
    dispose() {
      if (notifyTimer !== undefined) clearTimeout(notifyTimer);
      unsubscribe();
      listeners.clear();
      connection.dispose();
    },
  };
}
