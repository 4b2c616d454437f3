/**
 * The list `?` opens: every shortcut of the lab and of the optimizer race, from the same
 * records their key handlers read. A modal dialog: Escape or Close shuts it, and focus
 * goes back where it was.
 */
import { useRef } from 'react';
import { RACE_SHORTCUTS } from '../features/race/race-shortcuts';
import { LAB_SHORTCUTS, useLabShortcut, type ShortcutText } from './shortcuts';

const GROUPS: readonly { readonly title: string; readonly shortcuts: readonly ShortcutText[] }[] = [
  { title: 'Compare optimizers', shortcuts: Object.values(LAB_SHORTCUTS) },
  { title: 'Optimizer race', shortcuts: RACE_SHORTCUTS },
];

export function ShortcutHelp() {
  const dialog = useRef<HTMLDialogElement>(null);
  useLabShortcut('help', () => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  });
  return (
    <dialog ref={dialog} className="shortcut-help" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      {GROUPS.map((group) => (
        <section key={group.title} aria-label={group.title}>
          <h3>{group.title}</h3>
          <dl>
            {group.shortcuts.map((shortcut) => (
              <div key={shortcut.keys}>
                <dt>
                  <kbd>{shortcut.keys}</kbd>
                </dt>
                <dd>{shortcut.action}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <form method="dialog">
        <button type="submit" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
