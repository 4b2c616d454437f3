import { DatasetError } from '../../lib/errors';
import { concatChunks, hexPreview } from './bytes';

/** gzip members start with ID1 = 0x1f, ID2 = 0x8b (RFC 1952). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses a whole gzip file with the platform's DecompressionStream (browsers and
 * Node 20 alike), so no inflate code ships with the lab. Concatenated members are
 * accepted, as gzip(1) does. A bad CRC, a truncated stream or garbage after the data
 * all reject with 'corrupt-gzip'.
 */
export async function gunzip(bytes: Uint8Array, where?: string): Promise<Uint8Array> {
  if (!isGzip(bytes)) {
    throw new DatasetError('not-gzip', 'gzip data (1f 8b)', hexPreview(bytes), where);
  }
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  // The write and close promises reject with the same error the reader sees; left
  // unobserved, that second rejection would crash Node as an unhandled rejection.
  const feeding = writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close());
  feeding.catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.length;
    }
    await feeding;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatasetError(
      'corrupt-gzip',
      'a complete, intact gzip stream',
      `${reason} (after ${total} decompressed bytes)`,
      where,
    );
  }
  return chunks.length === 1 ? chunks[0]! : concatChunks(chunks, total);
}

/** Decompresses when the bytes are gzip, passes them through otherwise. */
export async function maybeGunzip(bytes: Uint8Array, where?: string): Promise<Uint8Array> {
  return isGzip(bytes) ? gunzip(bytes, where) : bytes;
}
