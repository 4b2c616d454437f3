/**
 * The race page's keys for a lecture (RACE_KEYS: Space plays or pauses, S steps, R
 * resets, P toggles projector mode, H hides or shows the controls), anywhere on the page
 * but in a form field or on a button, where Space and letters already mean something.
 */
import { useEffect, useRef } from 'react';
import { RACE_KEYS, type RaceKeyName } from './race-shortcuts';

export type RaceKeyActions = Readonly<Record<RaceKeyName, () => void>>;

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'SUMMARY']);
const NAMES = Object.keys(RACE_KEYS) as RaceKeyName[];

export function useRaceKeys(actions: RaceKeyActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (TYPING.has(target.tagName) || target.isContentEditable)) return;
      const name = NAMES.find((candidate) => RACE_KEYS[candidate].matches(event));
      if (!name) return;
      event.preventDefault();
      latest.current[name]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
