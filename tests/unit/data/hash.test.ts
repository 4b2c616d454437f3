import { describe, expect, it } from 'vitest';
import { createHasher, md5Hex, sha256Hex, verifyDigest } from '../../../src/engine/data/hash';
import { DatasetError } from '../../../src/lib/errors';
import { expectLabError } from '../../helpers/expect-lab-error';

const abc = new TextEncoder().encode('abc');

describe('hashes', () => {
  it('match the published test vectors', () => {
    // FIPS 180-2 and RFC 1321 examples.
    expect(sha256Hex(abc)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(md5Hex(abc)).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5Hex(new Uint8Array(0))).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });

  it('give the same digest incrementally as in one go', () => {
    const data = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31) % 256);
    for (const algorithm of ['sha256', 'md5'] as const) {
      const hasher = createHasher(algorithm);
      for (let i = 0; i < data.length; i += 4096) hasher.update(data.subarray(i, i + 4096));
      expect(hasher.digestHex()).toBe(algorithm === 'sha256' ? sha256Hex(data) : md5Hex(data));
    }
  });

  it('verifyDigest accepts a match in either case and rejects a mismatch', async () => {
    verifyDigest('md5', abc, '900150983CD24FB0D6963F7D28E17F72');
    const error = await expectLabError(
      () => verifyDigest('sha256', abc, '0'.repeat(64), 'abc.bin'),
      DatasetError,
      'checksum-mismatch',
    );
    expect(error.found).toContain('ba7816bf');
    expect(error.where).toBe('abc.bin');
  });
});
