/**
 * Keeps the address bar's `#config=` in step with the form: every valid edit replaces the
 * hash (no history entry per keystroke), and a link pasted into this tab (hashchange)
 * loads its config.
 */
import { useEffect, useRef } from 'react';
import type { ExperimentConfigInput } from '../../../engine/experiment/config';
import { configToHash, readConfigHash, type HashRead } from './url-config';

export function useUrlConfig(
  config: ExperimentConfigInput,
  valid: boolean,
  validate: (config: unknown) => void,
  onLink: (read: HashRead) => void,
): void {
  const written = useRef<string | null>(null);
  const onLinkRef = useRef(onLink);
  useEffect(() => {
    onLinkRef.current = onLink;
  });

  useEffect(() => {
    if (!valid) return;
    const hash = configToHash(config);
    if (window.location.hash === hash) return;
    written.current = hash;
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
  }, [config, valid]);

  useEffect(() => {
    const listener = () => {
      if (window.location.hash === written.current) return;
      const read = readConfigHash(window.location.hash, validate);
      if (read.kind !== 'none') onLinkRef.current(read);
    };
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  }, [validate]);
}
