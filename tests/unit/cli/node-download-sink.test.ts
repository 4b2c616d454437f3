import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSink } from '../../../src/cli/node-download-sink';

describe('nodeFileSink', () => {
  it('writes to a part file and renames it on commit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-sink-'));
    const target = join(dir, 'nested', 'file.bin');
    const sink = nodeFileSink(target);
    await sink.write(Uint8Array.of(1, 2));
    const during = readdirSync(join(dir, 'nested'));
    expect(during).toHaveLength(1);
    expect(during[0]).toMatch(/^file\.bin\.part-[0-9a-f]+$/);
    await sink.write(Uint8Array.of(3));
    await sink.commit();
    expect(readdirSync(join(dir, 'nested'))).toEqual(['file.bin']);
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
  });

  it('leaves nothing behind on abort, written or not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-sink-'));
    const sink = nodeFileSink(join(dir, 'file.bin'));
    await sink.write(Uint8Array.of(1));
    await sink.abort();
    expect(readdirSync(dir)).toEqual([]);
    await nodeFileSink(join(dir, 'other.bin')).abort();
    expect(readdirSync(dir)).toEqual([]);
  });
});
