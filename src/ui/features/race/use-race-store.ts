/**
 * The race worker for as long as the race is on screen: started on mount, terminated on
 * unmount (StrictMode's double mount starts a second one and ends the first). The
 * page subscribes to its state with `useRaceState`.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { connectRaceWorker, startRaceWorker } from '../../../client/race-client';
import { createRaceStore, type RaceState, type RaceStore } from '../../../client/race-store';

export function useRaceStore(): RaceStore | undefined {
  const [store, setStore] = useState<RaceStore>();
  useEffect(() => {
    const created = createRaceStore(connectRaceWorker(startRaceWorker()));
    setStore(created);
    return () => created.dispose();
  }, []);
  return store;
}

const STARTING: RaceState = { status: 'starting', generation: 0, step: 0, playing: false, finished: false, states: [] };
const noStore = () => () => {};

export function useRaceState(store: RaceStore | undefined): RaceState {
  return useSyncExternalStore(store?.subscribe ?? noStore, () => store?.getState() ?? STARTING);
}
