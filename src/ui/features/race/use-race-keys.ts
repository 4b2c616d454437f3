/**
 * Keys for a lecture, anywhere on the race page but in a form field or on a button
 * (where Space and letters already mean something): Space plays or pauses, S steps,
 * R resets, P toggles projector mode, H hides or shows the controls.
 */
import { useEffect, useRef } from 'react';

export type RaceKeyActions = Readonly<Record<' ' | 's' | 'r' | 'p' | 'h', () => void>>;

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'SUMMARY']);

export function useRaceKeys(actions: RaceKeyActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (TYPING.has(target.tagName) || target.isContentEditable)) return;
      const action = latest.current[event.key.toLowerCase() as keyof RaceKeyActions];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
