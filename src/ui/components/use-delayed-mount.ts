import { startTransition, useEffect, useState } from 'react';

/**
 * False until `delayMs` after the component mounted, then true (set in a transition).
 *
 * Why: a panel that appears with several charts at once would build them all in one
 * task (a recharts chart costs tens of milliseconds to mount, more on a software
 * renderer); giving each chart its own delay puts each mount in a task of its own.
 */
export function useDelayedMount(delayMs: number): boolean {
  const [ready, setReady] = useState(delayMs <= 0);
  useEffect(() => {
    if (ready) return;
    const timer = setTimeout(() => startTransition(() => setReady(true)), delayMs);
    return () => clearTimeout(timer);
  }, [ready, delayMs]);
  return ready;
}
