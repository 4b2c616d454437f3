/**
 * The race's keys, one record for the handlers and for the lab's `?` list: the page's
 * (use-race-keys.ts), the focused surface's (race-canvas.tsx), and the keys the toolbar's
 * buttons name (aria-keyshortcuts). Plain data importing nothing, so the lab's main
 * bundle can list them without loading the lazy race page.
 */

export interface RaceShortcut {
  /** As a person reads it, and as aria-keyshortcuts spells it where it is one key. */
  readonly keys: string;
  readonly action: string;
  /** Whether the key event is this shortcut (modifier keys other than Shift never are). */
  readonly matches: (event: Pick<KeyboardEvent, 'key'>) => boolean;
}

const letter = (key: string) => (event: Pick<KeyboardEvent, 'key'>) => event.key.toLowerCase() === key;
const oneOf = (...keys: string[]) => (event: Pick<KeyboardEvent, 'key'>) => keys.includes(event.key);

/** Anywhere on the race page but in a form field or on a button (where Space and letters already mean something). */
export const RACE_KEYS = {
  playPause: { keys: 'Space', action: 'Play or pause the race', matches: oneOf(' ') },
  step: { keys: 'S', action: 'One step of every optimizer', matches: letter('s') },
  reset: { keys: 'R', action: 'Reset the race to its start', matches: letter('r') },
  projector: { keys: 'P', action: 'Projector mode on or off: large type, thick lines, the picture first', matches: letter('p') },
  controls: { keys: 'H', action: 'Hide or show the controls and the set-up', matches: letter('h') },
} as const satisfies Readonly<Record<string, RaceShortcut>>;

export type RaceKeyName = keyof typeof RACE_KEYS;

/** Where the arrow keys move the start cross on the focused surface: [x, y] on the plane, y up. */
export const SURFACE_MOVES: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

/** On the focused surface (Tab to it, or click it). */
export const SURFACE_KEYS = {
  move: { keys: 'Arrow keys', action: 'On the focused surface: move the start cross (Shift for bigger moves)', matches: (event) => Object.hasOwn(SURFACE_MOVES, event.key) },
  start: { keys: 'Enter or Space', action: 'On the focused surface: start the race from the cross', matches: oneOf('Enter', ' ') },
  drop: { keys: 'Esc', action: 'On the focused surface: drop the cross', matches: oneOf('Escape') },
} as const satisfies Readonly<Record<string, RaceShortcut>>;

/** For the lab's `?` list: every key of the race, as text. */
export const RACE_SHORTCUTS: readonly { readonly keys: string; readonly action: string }[] = [...Object.values(RACE_KEYS), ...Object.values(SURFACE_KEYS)].map(
  ({ keys, action }) => ({ keys, action }),
);
