import { describe, expect, it } from 'vitest';
import { readTar } from '../../../src/engine/data/tar';
import { DatasetError } from '../../../src/lib/errors';
import { expectLabError } from '../../helpers/expect-lab-error';
import { tarHeader, writeTar } from '../../helpers/tar-writer';

const text = (s: string) => new TextEncoder().encode(s);
const big = Uint8Array.from({ length: 1300 }, (_, i) => i % 256);

describe('readTar', () => {
  it('returns regular files and skips directories', () => {
    const tar = writeTar([
      { name: 'folder/', type: '5' },
      { name: 'folder/a.txt', data: text('hello') },
      { name: 'folder/big.bin', data: big },
      { name: 'empty', data: new Uint8Array(0) },
    ]);
    const files = readTar(tar);
    expect([...files.keys()]).toEqual(['folder/a.txt', 'folder/big.bin', 'empty']);
    expect(new TextDecoder().decode(files.get('folder/a.txt'))).toBe('hello');
    expect(files.get('folder/big.bin')).toEqual(big);
    expect(files.get('empty')!.length).toBe(0);
  });

  it('strips a leading ./', () => {
    const files = readTar(writeTar([{ name: './x/y.bin', data: text('y') }]));
    expect([...files.keys()]).toEqual(['x/y.bin']);
  });

  it('reads old GNU headers and GNU long names', () => {
    const longName = `${'d'.repeat(80)}/${'f'.repeat(60)}.bin`;
    const tar = writeTar([
      { name: '././@LongLink', type: 'L', data: text(`${longName}\0`), format: 'gnu' },
      { name: longName.slice(0, 99), data: text('long'), format: 'gnu' },
      { name: 'short.txt', data: text('s'), format: 'gnu' },
    ]);
    const files = readTar(tar);
    expect([...files.keys()]).toEqual([longName, 'short.txt']);
  });

  it('joins the ustar prefix and name', () => {
    const longName = `${'p'.repeat(120)}/name.bin`;
    const files = readTar(writeTar([{ name: longName, data: text('z') }]));
    expect([...files.keys()]).toEqual([longName]);
  });

  it('takes the path from a pax extended header', () => {
    const record = (key: string, value: string): string => {
      const body = ` ${key}=${value}\n`;
      let length = body.length + 1;
      while (`${length}${body}`.length !== length) length++;
      return `${length}${body}`;
    };
    const tar = writeTar([
      { name: 'PaxHeaders/x', type: 'x', data: text(record('path', 'real/name.bin') + record('mtime', '1')) },
      { name: 'truncated-name', data: text('p') },
    ]);
    expect([...readTar(tar).keys()]).toEqual(['real/name.bin']);
  });

  it('rejects data that is not tar', async () => {
    const notTar = Uint8Array.from({ length: 2048 }, (_, i) => (i * 13) % 256);
    await expectLabError(() => readTar(notTar, 'a.tar'), DatasetError, 'not-tar');
    await expectLabError(() => readTar(new Uint8Array(100)), DatasetError, 'not-tar');
    await expectLabError(() => readTar(new Uint8Array(1024)), DatasetError, 'not-tar');
  });

  it('rejects an archive cut inside a file', async () => {
    const tar = writeTar([{ name: 'a.bin', data: big }]);
    const error = await expectLabError(() => readTar(tar.subarray(0, 512 + 700)), DatasetError, 'truncated-tar');
    expect(error.expected).toContain('1300 bytes');
  });

  it('rejects an archive that stops without its end marker', async () => {
    const tar = writeTar([{ name: 'a.txt', data: text('abc') }]);
    await expectLabError(() => readTar(tar.subarray(0, 1024)), DatasetError, 'truncated-tar');
  });

  it('rejects a damaged header after the first entry', async () => {
    const tar = writeTar([
      { name: 'a.txt', data: text('abc') },
      { name: 'b.txt', data: text('def') },
    ]).slice();
    tar[1024 + 3] = tar[1024 + 3]! ^ 0x20;
    await expectLabError(() => readTar(tar), DatasetError, 'corrupt-tar');
  });

  it('checks the header checksum', () => {
    const header = tarHeader({ name: 'x', data: text('1') });
    header[0] = 'y'.charCodeAt(0);
    const tar = new Uint8Array(512 * 4);
    tar.set(header);
    expect(() => readTar(tar)).toThrow(DatasetError);
  });
});
