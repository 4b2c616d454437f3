import type { FileSource } from '../../src/engine/data/types';

/** A FileSource over an in-memory map, standing in for a folder or picked files. */
export function memorySource(files: Record<string, Uint8Array>, description = 'test files'): FileSource {
  return {
    description,
    has: async (name) => Object.hasOwn(files, name),
    read: async (name) => {
      const bytes = files[name];
      if (!bytes) throw new Error(`no ${name} in ${description}`);
      return bytes;
    },
  };
}
