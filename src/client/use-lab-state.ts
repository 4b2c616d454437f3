import { createContext, useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import type { LabStore } from './lab-store';
import type { LabActions, LabState } from './types';

/** Provide the store once at the root: `<LabStoreContext.Provider value={store}>`. */
export const LabStoreContext = createContext<LabStore | null>(null);

/** The store from the context, or the one passed (tests, a second lab on one page). */
export function useLabStore(explicit?: LabStore): LabStore {
  const store = useContext(LabStoreContext) ?? null;
  const chosen = explicit ?? store;
  if (!chosen) throw new Error('useLabState needs a <LabStoreContext.Provider value={store}> above it');
  return chosen;
}

/**
 * A slice of the lab's state; the component re-renders only when the slice changes
 * (by reference). The selector runs once per state change, so it may build a derived
 * value without making React loop.
 */
export function useLabState<T>(selector: (state: LabState) => T, explicit?: LabStore): T {
  const store = useLabStore(explicit);
  const cache = useRef<{ state: LabState; selector: (state: LabState) => T; value: T } | null>(null);
  const getSnapshot = useCallback((): T => {
    const state = store.getState();
    const cached = cache.current;
    if (cached && cached.state === state && cached.selector === selector) return cached.value;
    const value = selector(state);
    cache.current = { state, selector, value: cached && Object.is(cached.value, value) ? cached.value : value };
    return cache.current.value;
  }, [store, selector]);
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}

export function useLabActions(explicit?: LabStore): LabActions {
  return useLabStore(explicit).actions;
}
