import type { FileSource } from '../engine/data/types';
import { CIFAR10_ARCHIVE_NAME } from '../engine/data/cifar10';

/** Bytes already in memory (a fresh download) as a FileSource. */
export function memoryFileSource(files: ReadonlyMap<string, Uint8Array>, description: string): FileSource {
  return {
    description,
    has: async (name) => files.has(name),
    read: async (name) => {
      const bytes = files.get(name);
      if (!bytes) throw new Error(`${name} is not among ${description}`);
      return bytes;
    },
  };
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/**
 * Files the user picked or dropped. They are found by their official names, with or
 * without a folder (CIFAR's `cifar-10-batches-bin/`), and a single .tar.gz under
 * another name ("cifar-10-binary (1).tar.gz") stands for the CIFAR-10 archive.
 * `onRead` hears every name the reader used, so those files can be cached afterwards.
 */
export function pickedFileSource(files: readonly File[], onRead?: (name: string, bytes: Uint8Array) => void): FileSource {
  const byName = new Map<string, File>();
  for (const file of files) byName.set(baseName(file.name), file);
  const archives = files.filter((f) => /\.(tar\.gz|tgz)$/i.test(f.name));
  if (!byName.has(CIFAR10_ARCHIVE_NAME) && archives.length === 1) byName.set(CIFAR10_ARCHIVE_NAME, archives[0]!);
  const find = (name: string): File | undefined => byName.get(name) ?? byName.get(baseName(name));
  return {
    description: `the picked files (${files.map((f) => f.name).join(', ')})`,
    has: async (name) => find(name) !== undefined,
    read: async (name) => {
      const file = find(name);
      if (!file) throw new Error(`${name} was not picked`);
      const bytes = new Uint8Array(await file.arrayBuffer());
      onRead?.(name, bytes);
      return bytes;
    },
  };
}
