import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFashionMnistDir, nodeFolderSource } from '../../../src/cli/node-file-source';
import { DatasetError } from '../../../src/lib/errors';
import { expectLabError } from '../../helpers/expect-lab-error';

describe('nodeFolderSource', () => {
  it('reads files, including ones in a subfolder, as plain Uint8Arrays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-source-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.bin'), Uint8Array.of(1, 2, 3));
    writeFileSync(join(dir, 'sub', 'b.bin'), Uint8Array.of(4));
    const source = nodeFolderSource(dir);
    expect(await source.has('a.bin')).toBe(true);
    expect(await source.has('sub/b.bin')).toBe(true);
    expect(await source.has('sub')).toBe(false);
    expect(await source.has('nope.bin')).toBe(false);
    const bytes = await source.read('a.bin');
    expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
    expect([...bytes]).toEqual([1, 2, 3]);
    expect(source.description).toContain(dir);
    await expectLabError(() => source.read('nope.bin'), DatasetError, 'missing-file');
    await expectLabError(() => source.read('../escape'), DatasetError, 'bad-name');
  });

  it('fails at once, naming a folder that does not exist', async () => {
    const error = await expectLabError(() => nodeFolderSource('/no/such/folder'), DatasetError, 'missing-folder');
    expect(error.message).toContain('/no/such/folder');
  });

  it('defaults to the Debian package folder unless FASHION_MNIST_DIR says otherwise', () => {
    const saved = process.env.FASHION_MNIST_DIR;
    try {
      delete process.env.FASHION_MNIST_DIR;
      expect(defaultFashionMnistDir()).toBe('/usr/share/datasets/fashion-mnist');
      process.env.FASHION_MNIST_DIR = '/tmp/fm';
      expect(defaultFashionMnistDir()).toBe('/tmp/fm');
    } finally {
      if (saved === undefined) delete process.env.FASHION_MNIST_DIR;
      else process.env.FASHION_MNIST_DIR = saved;
    }
  });
});
