/**
 * The sweep being built in the URL, as `#sweep=` + its JSON in base64url, like the
 * comparison setup's `#config=`: a link opens the Sweep tab with that sweep. Reading it
 * back is untrusted input: problems come back as a message, never as an exception.
 */
import type { SweepConfigInput } from '../../../engine/sweeps/sweep-config';
import { fromBase64Url, toBase64Url } from './base64url';

const KEY = 'sweep';

export function sweepToHash(config: SweepConfigInput): string {
  return `#${KEY}=${toBase64Url(JSON.stringify(config))}`;
}

export function hasSweepHash(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).has(KEY);
}

export type SweepHashRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly config: SweepConfigInput }
  | { readonly kind: 'error'; readonly message: string };

export function readSweepHash(hash: string, validate: (config: unknown) => void): SweepHashRead {
  const encoded = new URLSearchParams(hash.replace(/^#/, '')).get(KEY);
  if (encoded === null) return { kind: 'none' };
  let config: unknown;
  try {
    config = JSON.parse(fromBase64Url(encoded));
  } catch {
    return { kind: 'error', message: 'The link’s sweep is damaged (it is not base64url-encoded JSON); maybe it was cut off when copied.' };
  }
  try {
    validate(config);
  } catch (error) {
    return { kind: 'error', message: `The link’s sweep is not valid: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { kind: 'ok', config: config as SweepConfigInput };
}
