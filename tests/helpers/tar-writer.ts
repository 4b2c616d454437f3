/**
 * Writes a POSIX ustar archive, the way tar(1) lays one out, for tests of the reader.
 * Entries are files unless `type` says otherwise ('5' directory, 'L' GNU long name…).
 */
export interface TarEntry {
  readonly name: string;
  readonly data?: Uint8Array;
  /** Header type flag as a character; '0' (regular file) by default. */
  readonly type?: string;
  /** 'gnu' writes the old GNU magic ("ustar  \0") instead of POSIX's. */
  readonly format?: 'ustar' | 'gnu';
}

const BLOCK = 512;
const encoder = new TextEncoder();

function putString(block: Uint8Array, offset: number, length: number, text: string): void {
  const bytes = encoder.encode(text);
  if (bytes.length > length) throw new Error(`tar field too long: ${text}`);
  block.set(bytes, offset);
}

function putOctal(block: Uint8Array, offset: number, length: number, value: number): void {
  putString(block, offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
}

export function tarHeader(entry: TarEntry): Uint8Array {
  const header = new Uint8Array(BLOCK);
  const size = entry.data?.length ?? 0;
  let name = entry.name;
  let prefix = '';
  if (encoder.encode(name).length > 100 && entry.format !== 'gnu') {
    const cut = name.lastIndexOf('/', name.length - 2);
    prefix = name.slice(0, cut);
    name = name.slice(cut + 1);
  }
  putString(header, 0, 100, name);
  putOctal(header, 100, 8, entry.type === '5' ? 0o755 : 0o644);
  putOctal(header, 108, 8, 1000);
  putOctal(header, 116, 8, 1000);
  putOctal(header, 124, 12, size);
  putOctal(header, 136, 12, 1_262_304_000);
  header.fill(0x20, 148, 156);
  putString(header, 156, 1, entry.type ?? '0');
  if (entry.format === 'gnu') {
    putString(header, 257, 8, 'ustar  \0');
  } else {
    putString(header, 257, 6, 'ustar\0');
    putString(header, 263, 2, '00');
  }
  putString(header, 265, 32, 'test');
  putString(header, 297, 32, 'test');
  putString(header, 345, 155, prefix);
  let sum = 0;
  for (const b of header) sum += b;
  putString(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return header;
}

export function writeTar(entries: readonly TarEntry[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const entry of entries) {
    blocks.push(tarHeader(entry));
    const data = entry.data ?? new Uint8Array(0);
    const padded = new Uint8Array(Math.ceil(data.length / BLOCK) * BLOCK);
    padded.set(data);
    blocks.push(padded);
  }
  blocks.push(new Uint8Array(2 * BLOCK));
  const total = blocks.reduce((n, b) => n + b.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const b of blocks) {
    out.set(b, offset);
    offset += b.length;
  }
  return out;
}
