/**
 * How panels reach the lab: a store `{ getState, subscribe, actions }` (the client's
 * `createLabStore(...)`, or the fake in src/ui/dev for tests and previews) handed down
 * through context. Panels select the slice they draw; selectors must return parts of
 * the state (stable references), never new objects.
 */
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { LabActions, LabState } from '../../client/types';

export interface LabStore {
  getState(): LabState;
  subscribe(listener: () => void): () => void;
  readonly actions: LabActions;
}

const LabStoreContext = createContext<LabStore | null>(null);

export function LabStoreProvider({ store, children }: { store: LabStore; children: ReactNode }) {
  return <LabStoreContext.Provider value={store}>{children}</LabStoreContext.Provider>;
}

function useStore(): LabStore {
  const store = useContext(LabStoreContext);
  if (!store) throw new Error('useLab* needs a <LabStoreProvider> above it');
  return store;
}

export function useLabState<T>(selector: (state: LabState) => T): T {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}

export function useLabActions(): LabActions {
  return useStore().actions;
}
