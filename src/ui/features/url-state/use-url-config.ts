/**
 * Keeps the address bar's `#config=` in step with the form: every valid edit replaces the
 * hash (no history entry per keystroke), and a link pasted into this tab (hashchange)
 * loads its config.
 */
import { useCallback } from 'react';
import type { ExperimentConfigInput } from '../../../engine/experiment/config';
import { configToHash, readConfigHash, type HashRead } from './url-config';
import { useUrlHash } from './use-url-hash';

export function useUrlConfig(
  config: ExperimentConfigInput,
  valid: boolean,
  validate: (config: unknown) => void,
  onLink: (read: HashRead) => void,
): void {
  const read = useCallback((hash: string) => readConfigHash(hash, validate), [validate]);
  useUrlHash(config, valid, configToHash, read, onLink);
}
