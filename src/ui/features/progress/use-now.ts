import { useEffect, useState } from 'react';

/**
 * The time (ms since 1970), moving on every `everyMs` while `ticking`: the elapsed time
 * and the estimate count on between the worker's reports (a final evaluation sends none
 * for as long as it takes).
 */
export function useNow(ticking: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [ticking, everyMs]);
  return now;
}
