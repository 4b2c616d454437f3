import { DatasetError } from '../../lib/errors';
import { hexPreview } from './bytes';

/**
 * A minimal tar reader: ustar, old GNU and pax archives as produced by tar(1), which is
 * how CIFAR-10 ships. Only regular files are returned; directories, links and devices
 * are skipped. File contents are views into `bytes`, not copies.
 *
 * Layout: each entry is a 512-byte header then its data padded to 512 bytes; the archive
 * ends with zero blocks. Header fields are NUL/space-terminated ASCII, numbers in octal.
 */
const BLOCK = 512;

const TYPE_FILE = 0x30; // '0'
const TYPE_FILE_OLD = 0x00; // pre-POSIX regular file
const TYPE_CONTIGUOUS = 0x37; // '7', a regular file for every practical purpose
const TYPE_GNU_LONG_NAME = 0x4c; // 'L': the data is the next entry's name
const TYPE_PAX_HEADER = 0x78; // 'x': key=value records for the next entry
const TYPE_PAX_GLOBAL = 0x67; // 'g'

const utf8 = new TextDecoder('utf-8');

function field(header: Uint8Array, start: number, length: number): string {
  let end = start;
  while (end < start + length && header[end] !== 0) end++;
  return utf8.decode(header.subarray(start, end));
}

function octal(header: Uint8Array, start: number, length: number): number {
  // GNU base-256 for sizes over 8 GiB: top bit of the first byte set.
  if ((header[start]! & 0x80) !== 0) {
    let value = header[start]! & 0x7f;
    for (let i = start + 1; i < start + length; i++) value = value * 256 + header[i]!;
    return value;
  }
  const text = field(header, start, length).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) return Number.NaN;
  return parseInt(text, 8);
}

function isZeroBlock(block: Uint8Array): boolean {
  for (let i = 0; i < block.length; i++) if (block[i] !== 0) return false;
  return true;
}

/** The checksum counts the checksum field itself as eight spaces. */
function checksumMatches(header: Uint8Array): boolean {
  const stored = octal(header, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return stored === sum;
}

function normalise(name: string): string {
  let out = name;
  while (out.startsWith('./')) out = out.slice(2);
  return out;
}

function paxPath(data: Uint8Array): string | undefined {
  // Records are "<length> <key>=<value>\n".
  const text = utf8.decode(data);
  let offset = 0;
  let path: string | undefined;
  while (offset < text.length) {
    const space = text.indexOf(' ', offset);
    if (space < 0) break;
    const length = parseInt(text.slice(offset, space), 10);
    if (!Number.isFinite(length) || length <= 0) break;
    const record = text.slice(space + 1, offset + length - 1);
    const eq = record.indexOf('=');
    if (eq > 0 && record.slice(0, eq) === 'path') path = record.slice(eq + 1);
    offset += length;
  }
  return path;
}

export function readTar(bytes: Uint8Array, where?: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  if (bytes.length < BLOCK) {
    throw new DatasetError('not-tar', 'a tar archive (512-byte blocks)', `${bytes.length} bytes`, where);
  }
  let offset = 0;
  let longName: string | undefined;
  let entries = 0;
  for (;;) {
    if (offset + BLOCK > bytes.length) {
      throw new DatasetError(
        'truncated-tar',
        'the end-of-archive marker (a zero block)',
        `the archive ends after ${bytes.length} bytes, inside entry ${entries + 1}`,
        where,
      );
    }
    const header = bytes.subarray(offset, offset + BLOCK);
    if (isZeroBlock(header)) {
      if (entries === 0) {
        throw new DatasetError('not-tar', 'a tar header', 'an empty archive', where);
      }
      return files;
    }
    if (!checksumMatches(header)) {
      if (entries === 0) {
        throw new DatasetError('not-tar', 'a tar header with a valid checksum', hexPreview(bytes), where);
      }
      throw new DatasetError(
        'corrupt-tar',
        'a tar header with a valid checksum',
        `a damaged header at byte ${offset}`,
        where,
      );
    }
    const size = octal(header, 124, 12);
    if (!Number.isFinite(size)) {
      throw new DatasetError('corrupt-tar', 'an octal size field', `a damaged size at byte ${offset + 124}`, where);
    }
    const dataStart = offset + BLOCK;
    const dataEnd = dataStart + size;
    if (dataEnd > bytes.length) {
      throw new DatasetError(
        'truncated-tar',
        `${size} bytes of data for the entry at byte ${offset}`,
        `${bytes.length - dataStart} bytes before the archive ends`,
        where,
      );
    }
    const data = bytes.subarray(dataStart, dataEnd);
    const type = header[156]!;
    entries++;
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;

    if (type === TYPE_GNU_LONG_NAME) {
      longName = field(data, 0, data.length);
      continue;
    }
    if (type === TYPE_PAX_HEADER) {
      longName = paxPath(data) ?? longName;
      continue;
    }
    if (type === TYPE_PAX_GLOBAL) continue;

    const magic = field(header, 257, 6);
    const prefix = magic.startsWith('ustar') && header[262] === 0 ? field(header, 345, 155) : '';
    const shortName = field(header, 0, 100);
    const name = longName ?? (prefix ? `${prefix}/${shortName}` : shortName);
    longName = undefined;
    const isFile = type === TYPE_FILE || type === TYPE_FILE_OLD || type === TYPE_CONTIGUOUS;
    // Pre-POSIX archives mark directories only by a trailing slash.
    if (isFile && !name.endsWith('/')) {
      files.set(normalise(name), data);
    }
  }
}
