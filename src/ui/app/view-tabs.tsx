/**
 * Layout only: the two views as tabs (Compare, Sweep), the view on screen, and the
 * sweeps' providers around the whole page (a sweep's trial opens its charts on the
 * Compare tab; the builder takes its base from the Compare tab's setup).
 */
import type { ReactNode } from 'react';
import { SweepFormProvider } from '../features/sweeps/builder/sweep-form-context';
import { SweepStoreProvider, type SweepStoreLike } from '../features/sweeps/sweep-store-context';
import { useLabView, type LabViewName } from './lab-view-context';

const TABS: readonly { view: LabViewName; label: string }[] = [
  { view: 'compare', label: 'Compare optimizers' },
  { view: 'sweep', label: 'Sweep settings' },
];

export function WithSweeps({ sweeps, children }: { sweeps: SweepStoreLike; children: ReactNode }) {
  return (
    <SweepStoreProvider store={sweeps}>
      <SweepFormProvider>{children}</SweepFormProvider>
    </SweepStoreProvider>
  );
}

export function ViewTabs() {
  const { view, setView } = useLabView();
  return (
    <div role="tablist" aria-label="Views" className="view-tabs">
      {TABS.map((tab) => (
        <button key={tab.view} type="button" role="tab" id={`tab-${tab.view}`} aria-selected={view === tab.view} aria-controls={`view-${tab.view}`} onClick={() => setView(tab.view)}>
          {tab.label}
        </button>
      ))}
    </div>
  );
}

/** Only the view on screen is rendered: each keeps its state in its providers, not in its panels. */
export function ViewPanels({ views }: { views: Readonly<Record<LabViewName, ReactNode>> }) {
  const { view } = useLabView();
  return (
    <div role="tabpanel" id={`view-${view}`} aria-labelledby={`tab-${view}`}>
      {views[view]}
    </div>
  );
}
