/**
 * The lab's keyboard shortcuts, one record for the key handler and for the list that `?`
 * opens. A feature binds its own (`useLabShortcut`): the record says which key and what
 * it does, the feature what happens.
 */
import { useEffect, useRef } from 'react';
import { LECTURE_SHORTCUT_KEY } from '../features/lecture-mode/lecture-toggle';

export interface ShortcutText {
  readonly keys: string;
  readonly action: string;
}

export interface LabShortcut extends ShortcutText {
  /** Whether the key event is this shortcut (modifier keys other than Shift never are). */
  readonly matches: (event: KeyboardEvent) => boolean;
}

const letter = (key: string) => (event: KeyboardEvent) => event.key.toLowerCase() === key;

export const LAB_SHORTCUTS = {
  help: { keys: '?', action: 'List the keyboard shortcuts', matches: (event) => event.key === '?' },
  start: { keys: 'S', action: 'Go to Start comparison (opens the setup)', matches: letter('s') },
  setup: { keys: 'E', action: 'Edit the setup, or fold it again', matches: letter('e') },
  lecture: { keys: LECTURE_SHORTCUT_KEY, action: 'Lecture mode on or off: large charts and results, nothing else', matches: letter(LECTURE_SHORTCUT_KEY.toLowerCase()) },
  leaveLecture: { keys: 'Esc', action: 'Leave lecture mode', matches: (event) => event.key === 'Escape' },
} as const satisfies Readonly<Record<string, LabShortcut>>;

export type LabShortcutName = keyof typeof LAB_SHORTCUTS;

/** Where a key is text or already means something: a field, a list box, an editable element. */
const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

function typingIn(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return element !== null && (TYPING.has(element.tagName) || element.isContentEditable);
}

/** Runs `action` on the shortcut's key, anywhere on the page but in a form field, while `enabled`. */
export function useLabShortcut(name: LabShortcutName, action: () => void, enabled = true): void {
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    if (!enabled) return;
    const shortcut: LabShortcut = LAB_SHORTCUTS[name];
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      if (!shortcut.matches(event)) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [name, enabled]);
}
