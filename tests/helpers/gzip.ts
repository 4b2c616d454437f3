import { gzipSync } from 'node:zlib';

/** gzip for test fixtures; a plain Uint8Array like the engine's readers return. */
export function gzipBytes(bytes: Uint8Array): Uint8Array {
  const out = gzipSync(bytes);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
