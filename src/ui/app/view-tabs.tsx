/**
 * Layout only: the view on screen (Compare or Sweep; the links are view-nav.tsx), and the
 * sweeps' providers around the whole page (a sweep's trial opens its charts on the
 * Compare tab; the builder takes its base from the Compare tab's setup).
 */
import type { ReactNode } from 'react';
import { SweepFormProvider } from '../features/sweeps/builder/sweep-form-context';
import { SweepStoreProvider, type SweepStoreLike } from '../features/sweeps/sweep-store-context';
import { useLabView, type LabViewName } from './lab-view-context';

export function WithSweeps({ sweeps, children }: { sweeps: SweepStoreLike; children: ReactNode }) {
  return (
    <SweepStoreProvider store={sweeps}>
      <SweepFormProvider>{children}</SweepFormProvider>
    </SweepStoreProvider>
  );
}

/** Only the view on screen is rendered: each keeps its state in its providers, not in its panels. */
export function ViewPanels({ views }: { views: Readonly<Record<LabViewName, ReactNode>> }) {
  const { view } = useLabView();
  return (
    <div id={`view-${view}`}>{views[view]}</div>
  );
}
