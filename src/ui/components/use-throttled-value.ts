import { startTransition, useEffect, useRef, useState } from 'react';

/**
 * `value` as it was at most once per `intervalMs`: a change shows after `phaseMs` (or
 * when the interval since the last shown value ends, if later), and then the newest
 * value at that moment, so the last one always shows. The update renders in a
 * transition, which React may interrupt.
 *
 * Why: charts are the page's costliest renders, and records arrive up to ten times a
 * second. Throttled, they cost a bounded share of the main thread; with different
 * phases, several charts that change together render in separate tasks, so no single
 * task holds the page for the sum of them.
 */
export function useThrottledValue<T>(value: T, intervalMs: number, phaseMs = 0): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastShownAt = useRef(Number.NEGATIVE_INFINITY);

  useEffect(() => {
    latest.current = value;
    if (Object.is(value, shown) || timer.current !== undefined) return;
    const wait = Math.max(phaseMs, lastShownAt.current + intervalMs - performance.now());
    timer.current = setTimeout(() => {
      timer.current = undefined;
      lastShownAt.current = performance.now();
      startTransition(() => setShown(latest.current));
    }, wait);
  }, [value, shown, intervalMs, phaseMs]);

  useEffect(
    () => () => {
      if (timer.current !== undefined) clearTimeout(timer.current);
    },
    [],
  );
  return shown;
}
