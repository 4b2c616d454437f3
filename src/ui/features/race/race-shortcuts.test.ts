import { describe, expect, it } from 'vitest';
import { RACE_KEYS, RACE_SHORTCUTS, SURFACE_KEYS, SURFACE_MOVES } from './race-shortcuts';

const press = (key: string) => ({ key });
const pageKeysOf = (key: string) => Object.entries(RACE_KEYS).filter(([, shortcut]) => shortcut.matches(press(key))).map(([name]) => name);

describe('the race’s shortcuts', () => {
  it('list every key the handlers read, page and surface, once each', () => {
    expect(RACE_SHORTCUTS).toEqual([...Object.values(RACE_KEYS), ...Object.values(SURFACE_KEYS)].map(({ keys, action }) => ({ keys, action })));
    expect(new Set(RACE_SHORTCUTS.map((shortcut) => shortcut.keys)).size).toBe(RACE_SHORTCUTS.length);
  });

  it('match the key they name, with or without Shift, and no other page shortcut does', () => {
    for (const [name, shortcut] of Object.entries(RACE_KEYS)) {
      const key = shortcut.keys === 'Space' ? ' ' : shortcut.keys;
      expect({ name, upper: pageKeysOf(key.toUpperCase()), lower: pageKeysOf(key.toLowerCase()) }).toEqual({ name, upper: [name], lower: [name] });
    }
    expect(pageKeysOf('x')).toEqual([]);
    expect(pageKeysOf('Enter')).toEqual([]);
  });

  it('move the surface’s cross on the four arrow keys only', () => {
    expect(Object.keys(SURFACE_MOVES).filter((key) => SURFACE_KEYS.move.matches(press(key)))).toEqual(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);
    expect(['toString', 'constructor', 'Enter', 'a'].filter((key) => SURFACE_KEYS.move.matches(press(key)))).toEqual([]);
    expect(['Enter', ' '].every((key) => SURFACE_KEYS.start.matches(press(key)))).toBe(true);
    expect(SURFACE_KEYS.drop.matches(press('Escape'))).toBe(true);
  });
});
