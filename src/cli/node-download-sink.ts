import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DownloadSink } from '../engine/data/download';

/**
 * Writes a download to `<path>.part-<random>` and renames it into place on commit, so
 * `path` only ever holds a complete, verified file; abort deletes the part file. The
 * random suffix keeps two concurrent downloads of the same file apart.
 */
export function nodeFileSink(path: string): DownloadSink {
  const partPath = `${path}.part-${randomBytes(6).toString('hex')}`;
  let handle: FileHandle | undefined;
  let finished = false;

  const ensureOpen = async (): Promise<FileHandle> => {
    if (finished) throw new Error(`sink for ${path} is already closed`);
    if (!handle) {
      await mkdir(dirname(path), { recursive: true });
      handle = await open(partPath, 'w');
    }
    return handle;
  };

  return {
    async write(chunk) {
      const file = await ensureOpen();
      let offset = 0;
      while (offset < chunk.length) {
        const { bytesWritten } = await file.write(chunk, offset, chunk.length - offset);
        offset += bytesWritten;
      }
    },
    async commit() {
      const file = await ensureOpen();
      await file.sync();
      await file.close();
      handle = undefined;
      finished = true;
      await rename(partPath, path);
    },
    async abort() {
      finished = true;
      const file = handle;
      handle = undefined;
      await file?.close().catch(() => undefined);
      await unlink(partPath).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    },
  };
}
