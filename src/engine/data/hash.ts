import { md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { DatasetError } from '../../lib/errors';

/**
 * Digests for checking downloaded and picked files against the official releases.
 * Pure JS (noble) rather than WebCrypto: WebCrypto has no MD5 (CIFAR-10 publishes only
 * an MD5) and cannot hash incrementally while a download streams in.
 */
export type HashAlgorithm = 'sha256' | 'md5';

export interface IncrementalHasher {
  update(chunk: Uint8Array): void;
  /** Lower-case hex; the hasher cannot be used afterwards. */
  digestHex(): string;
}

const factories: Record<HashAlgorithm, () => { update(c: Uint8Array): unknown; digest(): Uint8Array }> = {
  sha256: () => sha256.create(),
  md5: () => md5.create(),
};

export function createHasher(algorithm: HashAlgorithm): IncrementalHasher {
  const inner = factories[algorithm]();
  return {
    update: (chunk) => void inner.update(chunk),
    digestHex: () => bytesToHex(inner.digest()),
  };
}

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

export function md5Hex(bytes: Uint8Array): string {
  return bytesToHex(md5(bytes));
}

export function digestHex(algorithm: HashAlgorithm, bytes: Uint8Array): string {
  return algorithm === 'sha256' ? sha256Hex(bytes) : md5Hex(bytes);
}

/** Throws 'checksum-mismatch' unless `bytes` hash to `expectedHex`. */
export function verifyDigest(
  algorithm: HashAlgorithm,
  bytes: Uint8Array,
  expectedHex: string,
  where?: string,
): void {
  const found = digestHex(algorithm, bytes);
  if (found !== expectedHex.toLowerCase()) {
    throw new DatasetError(
      'checksum-mismatch',
      `${algorithm.toUpperCase()} ${expectedHex.toLowerCase()}`,
      `${algorithm.toUpperCase()} ${found}`,
      where,
    );
  }
}
