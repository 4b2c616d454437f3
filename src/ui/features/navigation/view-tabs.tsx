/**
 * The lab's two views as links in the header: the comparison and the optimizer race.
 * Each view keeps its own hash (`#config=…`, `#race=…`); switching remembers the one
 * left behind, so coming back finds the setup as it was.
 */
import { useRef, type MouseEvent } from 'react';
import type { LabView } from '../url-state/hash-view';

const TABS: readonly { view: LabView; label: string; fallback: string }[] = [
  { view: 'lab', label: 'Compare on data', fallback: '#' },
  { view: 'race', label: 'Optimizer race', fallback: '#race' },
];

export function ViewTabs({ view }: { view: LabView }) {
  const last = useRef<Partial<Record<LabView, string>>>({});
  const go = (target: LabView, fallback: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (target === view) return;
    last.current[view] = window.location.hash;
    window.location.hash = last.current[target] || fallback;
  };
  return (
    <nav className="view-tabs" aria-label="Views">
      {TABS.map((tab) => (
        <a key={tab.view} href={last.current[tab.view] || tab.fallback} aria-current={tab.view === view ? 'page' : undefined} onClick={go(tab.view, tab.fallback)}>
          {tab.label}
        </a>
      ))}
    </nav>
  );
}
