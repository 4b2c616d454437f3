import { useState } from 'react';

/**
 * An async action and whether it is under way, so a button can say "Starting…" and not
 * be pressed twice. Failures are the action's to report (the stores notify); the flag
 * clears either way.
 */
export function usePending(action: () => Promise<unknown>): [pending: boolean, run: () => Promise<void>] {
  const [pending, setPending] = useState(false);
  const run = async () => {
    setPending(true);
    try {
      await action();
    } finally {
      setPending(false);
    }
  };
  return [pending, run];
}
