/**
 * Lecture mode for a comparison: what an instructor projects while explaining E1. On, it
 * hides the header, the setup and the history (CSS keyed on the root's data-lecture),
 * and the charts draw large type, thick lines and names at the lines' ends. The choice is
 * kept across a reload: an instructor who reloads mid-lecture stays in it.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import './lecture.css';

const STORAGE_KEY = 'optimizer-lab.lecture-mode';

interface LectureModeValue {
  readonly on: boolean;
  readonly setOn: (on: boolean) => void;
  readonly toggle: () => void;
}

const OFF: LectureModeValue = { on: false, setOn: () => undefined, toggle: () => undefined };
const LectureModeContext = createContext<LectureModeValue>(OFF);

function readStored(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false; // storage blocked (private mode, a sandboxed frame): start off
  }
}

function store(on: boolean): void {
  try {
    if (on) localStorage.setItem(STORAGE_KEY, 'on');
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Not kept across a reload, but the mode itself still works.
  }
}

export function LectureModeProvider({ children }: { children: ReactNode }) {
  const [on, setOnState] = useState(readStored);
  const setOn = useCallback((next: boolean) => {
    store(next);
    setOnState(next);
  }, []);
  const toggle = useCallback(() => setOn(!on), [on, setOn]);
  useEffect(() => {
    const root = document.documentElement;
    if (on) root.dataset.lecture = 'on';
    else delete root.dataset.lecture;
    return () => void delete root.dataset.lecture;
  }, [on]);
  const value = useMemo(() => ({ on, setOn, toggle }), [on, setOn, toggle]);
  return <LectureModeContext.Provider value={value}>{children}</LectureModeContext.Provider>;
}

/** Off without a provider (panel tests, the race). */
export function useLectureMode(): LectureModeValue {
  return useContext(LectureModeContext);
}
