/**
 * A reload during training keeps the comparison on screen: this tab remembers which one
 * it showed (sessionStorage, so other tabs and later visits start clean), and once the
 * history has loaded, a comparison that the reload interrupted comes back on screen with
 * its charts and "Resume from epoch N". A finished one stays in the history.
 */
import { useEffect, useRef } from 'react';
import { useLabActions, useLabState } from './lab-store-context';

const KEY = 'optimizer-lab:on-screen';

function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined; // Storage can be refused (privacy settings): the history still has it.
  }
}

export function useKeepOnScreen(): void {
  const currentId = useLabState((s) => s.current?.id);
  const history = useLabState((s) => s.history);
  const actions = useLabActions();
  const settled = useRef(false);
  useEffect(() => {
    if (currentId) storage()?.setItem(KEY, currentId);
  }, [currentId]);
  useEffect(() => {
    if (settled.current || history.length === 0) return;
    settled.current = true;
    const id = storage()?.getItem(KEY);
    const shown = history.find((summary) => summary.id === id);
    if (shown?.status === 'interrupted' && currentId === undefined) void actions.open(shown.id);
  }, [history, currentId, actions]);
}
