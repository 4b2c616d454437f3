import {
  CIFAR10_CLASS_NAMES,
  CIFAR10_FOLDER,
  CIFAR10_META_FILE,
  CIFAR10_RECORD_BYTES,
  CIFAR10_TEST_BATCH,
  cifar10TrainBatchNames,
  type Cifar10Facts,
} from '../../src/engine/data/cifar10';
import { md5Hex } from '../../src/engine/data/hash';
import { gzipBytes } from './gzip';
import { writeTar, type TarEntry } from './tar-writer';

/** Channel c (0 R, 1 G, 2 B) of pixel (row, col) of record r in batch b. */
export function cifarPixel(b: number, r: number, row: number, col: number, c: number): number {
  return (b * 101 + r * 37 + row * 5 + col * 3 + c * 71) % 256;
}

export function cifarLabel(b: number, r: number): number {
  return (b + r * 7) % 10;
}

/** One batch in the official layout: label byte, then 1,024 R, 1,024 G, 1,024 B. */
export function makeCifarBatch(batch: number, records: number): Uint8Array {
  const out = new Uint8Array(records * CIFAR10_RECORD_BYTES);
  for (let r = 0; r < records; r++) {
    const base = r * CIFAR10_RECORD_BYTES;
    out[base] = cifarLabel(batch, r);
    for (let c = 0; c < 3; c++) {
      for (let row = 0; row < 32; row++) {
        for (let col = 0; col < 32; col++) {
          out[base + 1 + c * 1024 + row * 32 + col] = cifarPixel(batch, r, row, col, c);
        }
      }
    }
  }
  return out;
}

export interface SmallCifar {
  readonly facts: Cifar10Facts;
  /** Loose batch files by name (data_batch_1.bin … test_batch.bin); test is batch index = trainBatches. */
  readonly batches: Record<string, Uint8Array>;
  readonly tar: Uint8Array;
  readonly archive: Uint8Array;
}

export interface SmallCifarOptions {
  readonly recordsPerBatch?: number;
  readonly trainBatches?: number;
  /** Batch file names to leave out of the archive. */
  readonly omit?: readonly string[];
  /** Replace some files' bytes in the archive. */
  readonly replace?: Readonly<Record<string, Uint8Array>>;
}

/** A miniature CIFAR-10 archive laid out like the official one, with facts that match. */
export function makeSmallCifar(options: SmallCifarOptions = {}): SmallCifar {
  const recordsPerBatch = options.recordsPerBatch ?? 3;
  const trainBatches = options.trainBatches ?? 2;
  const names = [
    ...cifar10TrainBatchNames({ recordsPerBatch, trainBatches, archiveMd5: undefined, classNames: CIFAR10_CLASS_NAMES }),
    CIFAR10_TEST_BATCH,
  ];
  const batches: Record<string, Uint8Array> = {};
  names.forEach((name, b) => {
    batches[name] = options.replace?.[name] ?? makeCifarBatch(b, recordsPerBatch);
  });
  const entries: TarEntry[] = [{ name: CIFAR10_FOLDER, type: '5' }];
  entries.push({ name: `${CIFAR10_FOLDER}${CIFAR10_META_FILE}`, data: new TextEncoder().encode(`${CIFAR10_CLASS_NAMES.join('\n')}\n\n`) });
  for (const name of names) {
    if (!options.omit?.includes(name)) entries.push({ name: `${CIFAR10_FOLDER}${name}`, data: batches[name]! });
  }
  entries.push({ name: `${CIFAR10_FOLDER}readme.html`, data: new TextEncoder().encode('<html></html>') });
  const tar = writeTar(entries);
  const archive = gzipBytes(tar);
  return {
    facts: { recordsPerBatch, trainBatches, archiveMd5: md5Hex(archive), classNames: CIFAR10_CLASS_NAMES },
    batches,
    tar,
    archive,
  };
}
