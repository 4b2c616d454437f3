/**
 * Keeps the keyboard's place when the focused control goes away under it: Start folds
 * the setup away, Pause becomes Resume, Stop all removes both. Without this, focus drops
 * to <body> and a keyboard user starts again from the top of the page. Only a control
 * that was removed, disabled or hidden is rescued: a click on the page's background
 * still leaves focus where the person put it.
 */
import { useEffect, useRef } from 'react';

/** Where focus goes instead, in order: the first candidate that exists and can take it. */
export type FocusFallback = () => readonly (HTMLElement | null)[];

function gone(element: HTMLElement): boolean {
  return !element.isConnected || element.matches(':disabled') || element.closest('[hidden], details:not([open]) > :not(summary)') !== null;
}

export function useFocusRescue(fallback: FocusFallback): void {
  const latest = useRef(fallback);
  latest.current = fallback;
  useEffect(() => {
    let last: HTMLElement | null = null;
    const onFocus = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement) last = event.target;
    };
    const rescue = () => {
      const active = document.activeElement;
      if (last === null || (active !== null && active !== document.body) || !gone(last)) return;
      for (const candidate of latest.current()) {
        if (candidate && !gone(candidate)) {
          candidate.focus();
          if (document.activeElement === candidate) return;
        }
      }
    };
    const observer = new MutationObserver(rescue);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'hidden'] });
    document.addEventListener('focusin', onFocus);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocus);
    };
  }, []);
}
