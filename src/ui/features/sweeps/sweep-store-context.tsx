/**
 * How sweep panels reach the sweeps' store (src/client/sweeps/sweep-store.ts): handed
 * down through context like the lab store; selectors return parts of the state.
 */
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { SweepActions, SweepState } from '../../../client/sweeps/sweep-store';

export interface SweepStoreLike {
  getState(): SweepState;
  subscribe(listener: () => void): () => void;
  readonly actions: SweepActions;
}

const SweepStoreContext = createContext<SweepStoreLike | null>(null);

export function SweepStoreProvider({ store, children }: { store: SweepStoreLike; children: ReactNode }) {
  return <SweepStoreContext.Provider value={store}>{children}</SweepStoreContext.Provider>;
}

function useStore(): SweepStoreLike {
  const store = useContext(SweepStoreContext);
  if (!store) throw new Error('useSweep* needs a <SweepStoreProvider> above it');
  return store;
}

export function useSweepState<T>(selector: (state: SweepState) => T): T {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}

export function useSweepActions(): SweepActions {
  return useStore().actions;
}
