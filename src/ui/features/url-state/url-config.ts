/**
 * The whole configuration in the URL: `#config=` followed by the config's JSON as
 * base64url (UTF-8), so a link reproduces the setup. The hash never reaches a server, and
 * reading it back is untrusted input: decoding errors and invalid configs come back as a
 * message, never as an exception.
 */
import type { ExperimentConfigInput } from '../../../engine/experiment/config';

const KEY = 'config';

/** UTF-8 text as base64url (what a hash may carry without escaping). */
export function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(encoded: string): string {
  const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The hash (with its '#') that carries this config. */
export function configToHash(config: ExperimentConfigInput): string {
  return `#${KEY}=${toBase64Url(JSON.stringify(config))}`;
}

export type HashRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly config: ExperimentConfigInput }
  | { readonly kind: 'error'; readonly message: string };

/**
 * Reads `#config=…`. `validate` is the engine's parser (throws a ConfigError that says
 * where, what was expected and what was found); its message is passed on.
 */
export function readConfigHash(hash: string, validate: (config: unknown) => void): HashRead {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const encoded = params.get(KEY);
  if (encoded === null) return { kind: 'none' };
  let config: unknown;
  try {
    config = JSON.parse(fromBase64Url(encoded));
  } catch {
    return { kind: 'error', message: 'The link’s configuration is damaged (it is not base64url-encoded JSON); maybe it was cut off when copied.' };
  }
  try {
    validate(config);
  } catch (error) {
    return { kind: 'error', message: `The link’s configuration is not valid: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { kind: 'ok', config: config as ExperimentConfigInput };
}
