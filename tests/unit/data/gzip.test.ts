import { describe, expect, it } from 'vitest';
import { gunzip, isGzip, maybeGunzip } from '../../../src/engine/data/gzip';
import { DatasetError } from '../../../src/lib/errors';
import { expectLabError } from '../../helpers/expect-lab-error';
import { gzipBytes } from '../../helpers/gzip';

const payload = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 251);

describe('gunzip', () => {
  it('round-trips gzip data', async () => {
    expect(await gunzip(gzipBytes(payload))).toEqual(payload);
  });

  it('accepts concatenated gzip members, as gzip(1) does', async () => {
    const a = gzipBytes(payload.subarray(0, 1000));
    const b = gzipBytes(payload.subarray(1000, 3000));
    const joined = new Uint8Array([...a, ...b]);
    expect(await gunzip(joined)).toEqual(payload.subarray(0, 3000));
  });

  it('rejects data without the gzip magic, showing the first bytes', async () => {
    const error = await expectLabError(() => gunzip(new Uint8Array([0x50, 0x4b, 3, 4]), 'x.gz'), DatasetError, 'not-gzip');
    expect(error.expected).toBe('gzip data (1f 8b)');
    expect(error.found).toBe('50 4b 03 04');
    expect(error.where).toBe('x.gz');
  });

  it('rejects an empty file as not gzip', async () => {
    await expectLabError(() => gunzip(new Uint8Array(0)), DatasetError, 'not-gzip');
  });

  it('rejects a truncated stream', async () => {
    const gz = gzipBytes(payload);
    await expectLabError(() => gunzip(gz.subarray(0, gz.length - 20)), DatasetError, 'corrupt-gzip');
  });

  it('rejects corrupt compressed data', async () => {
    const gz = gzipBytes(payload).slice();
    gz[40] = gz[40]! ^ 0xff;
    gz[41] = gz[41]! ^ 0xff;
    await expectLabError(() => gunzip(gz), DatasetError, 'corrupt-gzip');
  });

  it('rejects a bad CRC', async () => {
    const gz = gzipBytes(payload).slice();
    gz[gz.length - 6] = gz[gz.length - 6]! ^ 1;
    await expectLabError(() => gunzip(gz), DatasetError, 'corrupt-gzip');
  });

  it('detects gzip and passes plain bytes through maybeGunzip', async () => {
    expect(isGzip(gzipBytes(payload))).toBe(true);
    expect(isGzip(payload)).toBe(false);
    expect(await maybeGunzip(payload)).toBe(payload);
    expect(await maybeGunzip(gzipBytes(payload))).toEqual(payload);
  });
});
