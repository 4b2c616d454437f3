/**
 * The lab's views as links in the header: comparing optimizers, sweeping settings (when
 * the lab has sweeps) and the optimizer race. The race is a view of the hash (`#race=…`,
 * so a link opens it and the back button leaves it); compare and sweep share the lab's
 * page and its LabView state, each writing its own setup to the hash while on screen.
 * Leaving for the race remembers the hash left behind, so coming back finds it.
 */
import { useRef, type MouseEvent } from 'react';
import { useHashView } from '../features/url-state/hash-view';
import { useLabView, type LabViewName } from './lab-view-context';

export type OnScreenView = LabViewName | 'race';

/** The view on screen: the race when the hash says so, otherwise the lab's own view. */
export function useOnScreenView(): OnScreenView {
  const hashView = useHashView();
  const { view } = useLabView();
  return hashView === 'race' ? 'race' : view;
}

const LINKS: readonly { view: OnScreenView; label: string }[] = [
  { view: 'compare', label: 'Compare optimizers' },
  { view: 'sweep', label: 'Sweep settings' },
  { view: 'race', label: 'Optimizer race' },
];

export function ViewNav({ withSweeps }: { withSweeps: boolean }) {
  const onScreen = useOnScreenView();
  const { setView } = useLabView();
  const lastLabHash = useRef('');
  const lastRaceHash = useRef('#race');
  const go = (target: OnScreenView) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (target === onScreen) return;
    if (target === 'race') {
      lastLabHash.current = window.location.hash;
      window.location.hash = lastRaceHash.current;
      return;
    }
    setView(target);
    if (onScreen === 'race') {
      lastRaceHash.current = window.location.hash || '#race';
      // The view on screen writes its own setup back into the hash.
      window.location.hash = lastLabHash.current || '#';
    }
  };
  return (
    <nav className="view-tabs" aria-label="Views">
      {LINKS.filter((link) => withSweeps || link.view !== 'sweep').map((link) => (
        <a key={link.view} href={link.view === 'race' ? lastRaceHash.current : '#'} aria-current={link.view === onScreen ? 'page' : undefined} onClick={go(link.view)}>
          {link.label}
        </a>
      ))}
    </nav>
  );
}
