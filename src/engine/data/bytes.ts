/** Small byte helpers shared by the readers. */

/** First bytes of a buffer as spaced hex, for "found" in error messages. */
export function hexPreview(bytes: Uint8Array, count = 8): string {
  if (bytes.length === 0) return 'an empty file';
  const shown = Array.from(bytes.subarray(0, count), (b) => b.toString(16).padStart(2, '0'));
  return `${shown.join(' ')}${bytes.length > count ? ' …' : ''}`;
}

/** One contiguous buffer from chunks (streams hand us many small ones). */
export function concatChunks(chunks: readonly Uint8Array[], totalBytes?: number): Uint8Array {
  const total = totalBytes ?? chunks.reduce((sum, c) => sum + c.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** 1234567 → "1,234,567": byte counts in messages are read by people. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
