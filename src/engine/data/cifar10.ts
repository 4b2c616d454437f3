import { DatasetError } from '../../lib/errors';
import { formatCount } from './bytes';
import { gunzip } from './gzip';
import { verifyDigest } from './hash';
import { readTar } from './tar';
import type { Dataset, FileSource, TrainTestSplit } from './types';

/**
 * CIFAR-10 (Krizhevsky, 2009), binary version: one tar.gz holding five training batches
 * and one test batch of 10,000 records each. A record is 1 label byte then 3,072 pixel
 * bytes: the 1,024 red values of the 32x32 image row-major, then green, then blue (CHW).
 * The lab keeps images NHWC, like Fashion-MNIST and tfjs's conv layers.
 */
export const CIFAR10_URL = 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz';
export const CIFAR10_ARCHIVE_NAME = 'cifar-10-binary.tar.gz';
export const CIFAR10_ARCHIVE_MD5 = 'c32a1d4ab5d03f1284b67883e8d87530';
/** The folder every file sits in inside the archive. */
export const CIFAR10_FOLDER = 'cifar-10-batches-bin/';
export const CIFAR10_TEST_BATCH = 'test_batch.bin';
export const CIFAR10_META_FILE = 'batches.meta.txt';
export const CIFAR10_SIDE = 32;
export const CIFAR10_PIXELS = CIFAR10_SIDE * CIFAR10_SIDE;
export const CIFAR10_RECORD_BYTES = 1 + 3 * CIFAR10_PIXELS;

export const CIFAR10_CLASS_NAMES: readonly string[] = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
];

/** Everything the reader checks; tests pass small values to use generated files. */
export interface Cifar10Facts {
  readonly recordsPerBatch: number;
  readonly trainBatches: number;
  /** MD5 of the .tar.gz; undefined skips the check. */
  readonly archiveMd5: string | undefined;
  readonly classNames: readonly string[];
}

export const CIFAR10_FACTS: Cifar10Facts = {
  recordsPerBatch: 10_000,
  trainBatches: 5,
  archiveMd5: CIFAR10_ARCHIVE_MD5,
  classNames: CIFAR10_CLASS_NAMES,
};

export interface Cifar10Options {
  /** Check the archive's MD5 when the facts give one (default true). */
  readonly verify?: boolean;
  readonly facts?: Cifar10Facts;
}

/** data_batch_1.bin … data_batch_N.bin. */
export function cifar10TrainBatchNames(facts: Cifar10Facts = CIFAR10_FACTS): string[] {
  return Array.from({ length: facts.trainBatches }, (_, i) => `data_batch_${i + 1}.bin`);
}

interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Label + CHW records → NHWC pixels and labels, checking size and label range. */
function decodeBatches(batches: readonly NamedBytes[], facts: Cifar10Facts): Dataset {
  const recordsPer = facts.recordsPerBatch;
  const expectedBytes = recordsPer * CIFAR10_RECORD_BYTES;
  const count = batches.length * recordsPer;
  const inputs = new Uint8Array(count * 3 * CIFAR10_PIXELS);
  const targets = new Uint8Array(count);
  const classCount = facts.classNames.length;
  let n = 0;
  for (const { name, bytes } of batches) {
    if (bytes.length !== expectedBytes) {
      throw new DatasetError(
        'bad-size',
        `${formatCount(recordsPer)} records of ${formatCount(CIFAR10_RECORD_BYTES)} bytes (${formatCount(expectedBytes)} bytes)`,
        `${formatCount(bytes.length)} bytes`,
        name,
      );
    }
    for (let r = 0; r < recordsPer; r++, n++) {
      const src = r * CIFAR10_RECORD_BYTES;
      const label = bytes[src]!;
      if (label >= classCount) {
        throw new DatasetError('bad-label', `labels 0..${classCount - 1}`, `label ${label} in record ${r}`, name);
      }
      targets[n] = label;
      const red = src + 1;
      const green = red + CIFAR10_PIXELS;
      const blue = green + CIFAR10_PIXELS;
      let dst = n * 3 * CIFAR10_PIXELS;
      for (let p = 0; p < CIFAR10_PIXELS; p++) {
        inputs[dst++] = bytes[red + p]!;
        inputs[dst++] = bytes[green + p]!;
        inputs[dst++] = bytes[blue + p]!;
      }
    }
  }
  return {
    name: 'cifar-10',
    task: 'classification',
    count,
    inputShape: [CIFAR10_SIDE, CIFAR10_SIDE, 3],
    inputs,
    targets,
    classNames: facts.classNames,
  };
}

/** Train and test sets from the loose batch files' bytes. */
export function parseCifar10Batches(
  train: readonly NamedBytes[],
  test: NamedBytes,
  facts: Cifar10Facts = CIFAR10_FACTS,
): TrainTestSplit {
  return { train: decodeBatches(train, facts), test: decodeBatches([test], facts) };
}

function listForMessage(names: readonly string[]): string {
  if (names.length === 0) return 'no files';
  const shown = names.slice(0, 12).join(', ');
  return names.length > 12 ? `${shown} and ${names.length - 12} more` : shown;
}

/**
 * The official archive, whole: MD5 (when the facts give one), then gunzip and untar.
 * Not-gzip and not-tar errors pass through unchanged, naming the archive.
 */
export async function readCifar10Archive(bytes: Uint8Array, options: Cifar10Options = {}): Promise<TrainTestSplit> {
  const facts = options.facts ?? CIFAR10_FACTS;
  if ((options.verify ?? true) && facts.archiveMd5 !== undefined) {
    verifyDigest('md5', bytes, facts.archiveMd5, CIFAR10_ARCHIVE_NAME);
  }
  const files = readTar(await gunzip(bytes, CIFAR10_ARCHIVE_NAME), CIFAR10_ARCHIVE_NAME);
  const pick = (name: string): NamedBytes => {
    const found = files.get(`${CIFAR10_FOLDER}${name}`) ?? files.get(name);
    if (!found) {
      throw new DatasetError(
        'missing-file',
        `${CIFAR10_FOLDER}${name}`,
        listForMessage([...files.keys()]),
        CIFAR10_ARCHIVE_NAME,
      );
    }
    return { name, bytes: found };
  };
  return parseCifar10Batches(cifar10TrainBatchNames(facts).map(pick), pick(CIFAR10_TEST_BATCH), facts);
}

/** Loose batch files, at the top of the source or under cifar-10-batches-bin/. */
export async function readCifar10Batches(source: FileSource, options: Cifar10Options = {}): Promise<TrainTestSplit> {
  const facts = options.facts ?? CIFAR10_FACTS;
  const wanted = [...cifar10TrainBatchNames(facts), CIFAR10_TEST_BATCH];
  const located = await Promise.all(
    wanted.map(async (name) => {
      for (const candidate of [name, `${CIFAR10_FOLDER}${name}`]) {
        if (await source.has(candidate)) return candidate;
      }
      return undefined;
    }),
  );
  const missing = wanted.findIndex((_, i) => located[i] === undefined);
  if (missing >= 0) {
    const present = wanted.filter((_, i) => located[i] !== undefined);
    throw new DatasetError(
      'missing-file',
      wanted[missing]!,
      present.length > 0 ? `only ${listForMessage(present)}` : `none of the batch files`,
      source.description,
    );
  }
  const read = async (i: number): Promise<NamedBytes> => ({
    name: wanted[i]!,
    bytes: await source.read(located[i]!),
  });
  const train = await Promise.all(wanted.slice(0, -1).map((_, i) => read(i)));
  const test = await read(wanted.length - 1);
  return parseCifar10Batches(train, test, facts);
}
