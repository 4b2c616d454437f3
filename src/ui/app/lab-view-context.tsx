/**
 * Which of the lab's views is on screen: comparing optimizers, or sweeping settings. The
 * URL carries the setup of the view on screen (`#config=` or `#sweep=`), so a link opens
 * that view. Without a provider (panel tests) the view is 'compare'.
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

export type LabViewName = 'compare' | 'sweep';

interface LabViewValue {
  readonly view: LabViewName;
  readonly setView: (view: LabViewName) => void;
}

const LabViewContext = createContext<LabViewValue | null>(null);
const FIXED: LabViewValue = { view: 'compare', setView: () => undefined };

export function LabViewProvider({ initial, children }: { initial: LabViewName; children: ReactNode }) {
  const [view, setView] = useState(initial);
  const value = useMemo(() => ({ view, setView }), [view]);
  return <LabViewContext.Provider value={value}>{children}</LabViewContext.Provider>;
}

export function useLabView(): LabViewValue {
  return useContext(LabViewContext) ?? FIXED;
}
