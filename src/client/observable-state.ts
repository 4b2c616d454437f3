/**
 * The two halves of a store React subscribes to (useSyncExternalStore): immutable state
 * with listeners, and a queue that runs async steps one at a time, in order, so that a
 * save never overtakes the step before it. A failing step goes to `onError`; the queue
 * goes on with the next.
 */
export interface ObservableState<S> {
  getState(): S;
  subscribe(listener: () => void): () => void;
  /** Replaces the state with `update(state)`; listeners hear of it only if it changed. */
  setState(update: (current: S) => S): void;
  clear(): void;
}

export function createObservableState<S>(initial: S): ObservableState<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setState(update) {
      const next = update(state);
      if (next === state) return;
      state = next;
      listeners.forEach((listener) => listener());
    },
    clear: () => listeners.clear(),
  };
}

export interface SerialQueue {
  enqueue(task: () => Promise<void> | void): Promise<void>;
  /** Resolves once every step queued so far is done. */
  settled(): Promise<void>;
}

export function createSerialQueue(onError: (error: unknown) => void): SerialQueue {
  let chain: Promise<void> = Promise.resolve();
  return {
    enqueue(task) {
      chain = chain.then(task).catch(onError);
      return chain;
    },
    settled: () => chain,
  };
}
