/**
 * The Compare view's keyboard: a skip link to Start at the very top of the page, the S
 * and E shortcuts, and focus kept on a control when the focused one goes away (Start
 * folding the setup, Pause turning into Resume, Stop all).
 */
import type { MouseEvent } from 'react';
import { useLectureMode } from '../features/lecture-mode/lecture-mode-context';
import { useFocusRescue } from './focus-rescue';
import { useSetupFold } from './setup-fold';
import { useLabShortcut } from './shortcuts';

const byId = (id: string) => document.getElementById(id);

/** Where focus goes when its control disappears: the training controls first, then the setup. */
function fallbacks(): (HTMLElement | null)[] {
  const controls = document.querySelector('[role="group"][aria-label="Training controls"]');
  const firstControl = controls?.querySelector<HTMLElement>('button:not(:disabled)') ?? null;
  return [firstControl, document.querySelector<HTMLElement>('.setup-summary button'), byId('start-comparison'), byId('main')];
}

export function SkipToStart() {
  const { focusStart } = useSetupFold();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    focusStart();
  };
  return (
    <a className="skip-link" href="#start-comparison" onClick={onClick}>
      Skip to Start
    </a>
  );
}

/** The Compare view's shortcuts and focus keeping, while it is on screen. */
export function CompareKeys() {
  const { open, foldable, setOpen, focusStart } = useSetupFold();
  useLabShortcut('start', focusStart);
  useLabShortcut(
    'setup',
    () => {
      if (open) {
        setOpen(false);
        requestAnimationFrame(() => document.querySelector<HTMLElement>('.setup-summary button')?.focus());
      } else focusStart();
    },
    foldable,
  );
  useFocusRescue(fallbacks);
  return null;
}

/** L switches lecture mode, Escape leaves it (inside the Compare view's LectureModeProvider). */
export function LectureKeys() {
  const { on, toggle, setOn } = useLectureMode();
  useLabShortcut('lecture', toggle);
  useLabShortcut('leaveLecture', () => setOn(false), on);
  return null;
}
