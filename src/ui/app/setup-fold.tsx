/**
 * Whether the setup form is open. With no comparison on screen it always is; once one is
 * on screen the setup folds into a one-line summary ("Edit setup" opens it again), so
 * the charts get the page. Opened for one comparison, it folds again when another comes
 * on screen; loading a setup into the form (a preset, "Use this setup", "Try this")
 * opens it, so the person sees what was loaded.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useConfigForm } from '../features/config/config-form-context';
import { useLabState } from './lab-store-context';

/** The Start button's id: the skip link, the shortcut and the summary send focus there. */
export const START_BUTTON_ID = 'start-comparison';

interface SetupFoldValue {
  readonly open: boolean;
  /** Whether a comparison is on screen (only then can the setup fold). */
  readonly foldable: boolean;
  readonly setOpen: (open: boolean) => void;
  /** Opens the setup and puts the keyboard on Start. */
  readonly focusStart: () => void;
}

const SetupFoldContext = createContext<SetupFoldValue | null>(null);

/** Focuses an element that may only appear on the next render (the setup opening). */
function focusSoon(id: string): void {
  let tries = 0;
  const attempt = () => {
    const element = document.getElementById(id);
    if (element) element.focus();
    else if (tries++ < 10) requestAnimationFrame(attempt);
  };
  attempt();
}

export function SetupFoldProvider({ children }: { children: ReactNode }) {
  const currentId = useLabState((s) => s.current?.id);
  const { loads } = useConfigForm();
  // The comparison the setup was opened beside; another one on screen folds it.
  const [openFor, setOpenFor] = useState<string | undefined>();
  const open = currentId === undefined || openFor === currentId;
  const firstLoads = useRef(loads);
  useEffect(() => {
    if (loads !== firstLoads.current) setOpenFor(currentId);
    // Only a new load opens it, not the comparison changing.
  }, [loads]);
  const setOpen = useCallback((next: boolean) => setOpenFor(next ? currentId : undefined), [currentId]);
  const focusStart = useCallback(() => {
    setOpenFor(currentId);
    focusSoon(START_BUTTON_ID);
  }, [currentId]);
  const value = useMemo(() => ({ open, foldable: currentId !== undefined, setOpen, focusStart }), [open, currentId, setOpen, focusStart]);
  return <SetupFoldContext.Provider value={value}>{children}</SetupFoldContext.Provider>;
}

export function useSetupFold(): SetupFoldValue {
  const value = useContext(SetupFoldContext);
  if (!value) throw new Error('useSetupFold needs a <SetupFoldProvider> above it');
  return value;
}
