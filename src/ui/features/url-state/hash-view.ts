/**
 * Which view the address bar asks for: the comparison lab (`#config=…` or nothing) or
 * the optimizer race (`#race` or `#race=…`). The hash is the only router: a link opens
 * the right view, and the back button moves between views.
 */
import { useSyncExternalStore } from 'react';

export type LabView = 'lab' | 'race';

export function viewOfHash(hash: string): LabView {
  return /^#?race(=|&|$)/.test(hash) ? 'race' : 'lab';
}

const subscribe = (listener: () => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

/** The view of the current hash, updated on every hashchange. */
export function useHashView(): LabView {
  return useSyncExternalStore(
    subscribe,
    () => viewOfHash(window.location.hash),
    () => 'lab',
  );
}
