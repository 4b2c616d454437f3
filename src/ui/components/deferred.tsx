import type { ReactNode } from 'react';
import { useDelayedMount } from './use-delayed-mount';

/** `children` from `delayMs` after mounting; until then a placeholder of their height (see useDelayedMount). */
export function Deferred({ delayMs, height, label, children }: { delayMs: number; height: number; label: string; children: ReactNode }) {
  const ready = useDelayedMount(delayMs);
  if (!ready) return <div className="chart-placeholder" style={{ height }} aria-busy="true" aria-label={`${label}: drawing`} />;
  return children;
}
