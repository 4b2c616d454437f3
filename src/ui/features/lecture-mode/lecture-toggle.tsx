/**
 * The switch into and out of lecture mode, beside the comparison. In lecture mode it
 * stays in the corner of the screen (the header and setup are hidden), so the way back
 * is always in view, besides L and Escape.
 */
import { useLectureMode } from './lecture-mode-context';

/** The key that switches lecture mode (bound in the app's shortcut record, which names it too). */
export const LECTURE_SHORTCUT_KEY = 'L';

export function LectureToggle({ shortcut }: { shortcut: string }) {
  const { on, toggle } = useLectureMode();
  return (
    <button type="button" className={on ? 'lecture-toggle lecture-exit' : 'lecture-toggle'} aria-pressed={on} aria-keyshortcuts={shortcut} onClick={toggle}>
      {on ? 'Exit lecture mode' : 'Lecture mode'} <kbd>{shortcut}</kbd>
    </button>
  );
}
