/**
 * Keeps the address bar's hash in step with an edited value: every valid edit replaces
 * the hash (no history entry per keystroke), and a link pasted into this tab
 * (hashchange) is read back and handed to `onLink`. `toHash` writes the value's hash;
 * `read` reads one back ('none' when the hash carries something else).
 */
import { useEffect, useRef } from 'react';

export function useUrlHash<T, R extends { readonly kind: string }>(
  value: T,
  valid: boolean,
  toHash: (value: T) => string,
  read: (hash: string) => R,
  onLink: (read: R) => void,
): void {
  const written = useRef<string | null>(null);
  const onLinkRef = useRef(onLink);
  const readRef = useRef(read);
  useEffect(() => {
    onLinkRef.current = onLink;
    readRef.current = read;
  });

  useEffect(() => {
    if (!valid) return;
    const hash = toHash(value);
    if (window.location.hash === hash) return;
    written.current = hash;
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
  }, [value, valid, toHash]);

  useEffect(() => {
    const listener = () => {
      if (window.location.hash === written.current) return;
      const result = readRef.current(window.location.hash);
      if (result.kind !== 'none') onLinkRef.current(result);
    };
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  }, []);
}
