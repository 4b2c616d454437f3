import { DatasetError } from '../../lib/errors';
import { formatCount } from './bytes';
import { maybeGunzip } from './gzip';
import { verifyDigest } from './hash';
import { checkLabels, checkSameCount, parseIdxImages, parseIdxLabels } from './idx';
import type { Dataset, FileSource, TrainTestSplit } from './types';

/**
 * Fashion-MNIST (Zalando, 2017): 70,000 28x28 greyscale product photos in 10 classes,
 * shipped as four gzipped IDX files. Mirrors recompress the .gz files, so the checks
 * are on the decompressed IDX bytes (sizes and SHA-256 from the reference spec).
 */
export type FashionMnistFileKey = 'trainImages' | 'trainLabels' | 'testImages' | 'testLabels';

/** Decompressed file names; the official downloads add '.gz'. */
export const FASHION_MNIST_FILES: Readonly<Record<FashionMnistFileKey, string>> = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
};

export const FASHION_MNIST_FILE_KEYS: readonly FashionMnistFileKey[] = [
  'trainImages',
  'trainLabels',
  'testImages',
  'testLabels',
];

/** The four official downloads, as named on the dataset's site. */
export const FASHION_MNIST_GZ_FILES: readonly string[] = FASHION_MNIST_FILE_KEYS.map(
  (key) => `${FASHION_MNIST_FILES[key]}.gz`,
);

/**
 * Where the files live, tried in order. The dataset's own S3 site answers only plain
 * HTTP, which an HTTPS page may not fetch (mixed content); the GitHub mirror is HTTPS
 * with CORS, so a browser falls through to it.
 */
export const FASHION_MNIST_MIRRORS: readonly string[] = [
  'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/',
  'https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/',
];

export function fashionMnistUrls(fileName: string, mirrors: readonly string[] = FASHION_MNIST_MIRRORS): string[] {
  return mirrors.map((base) => `${base}${fileName}`);
}

export const FASHION_MNIST_CLASS_NAMES: readonly string[] = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

/** What a decompressed file must be; a missing field is not checked. */
export interface FileFacts {
  readonly bytes?: number;
  readonly sha256?: string;
}

/** Everything the reader checks; tests pass small values to use generated files. */
export interface FashionMnistFacts {
  readonly trainCount: number;
  readonly testCount: number;
  readonly rows: number;
  readonly cols: number;
  readonly classNames: readonly string[];
  readonly files: Readonly<Record<FashionMnistFileKey, FileFacts>>;
}

export const FASHION_MNIST_FACTS: FashionMnistFacts = {
  trainCount: 60_000,
  testCount: 10_000,
  rows: 28,
  cols: 28,
  classNames: FASHION_MNIST_CLASS_NAMES,
  files: {
    trainImages: {
      bytes: 47_040_016,
      sha256: 'c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888',
    },
    trainLabels: {
      bytes: 60_008,
      sha256: 'bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9',
    },
    testImages: {
      bytes: 7_840_016,
      sha256: '5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b',
    },
    testLabels: {
      bytes: 10_008,
      sha256: '0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34',
    },
  },
};

export interface FashionMnistOptions {
  /** Check sizes and SHA-256 against the facts (default true). Structure is always checked. */
  readonly verify?: boolean;
  readonly facts?: FashionMnistFacts;
}

export type FashionMnistFiles = Readonly<Record<FashionMnistFileKey, Uint8Array>>;

/** Size and SHA-256 of one decompressed file, against its facts. */
export function verifyFashionMnistFile(
  key: FashionMnistFileKey,
  bytes: Uint8Array,
  facts: FashionMnistFacts = FASHION_MNIST_FACTS,
): void {
  const where = FASHION_MNIST_FILES[key];
  const expected = facts.files[key];
  if (expected.bytes !== undefined && bytes.length !== expected.bytes) {
    throw new DatasetError(
      'bad-size',
      `${formatCount(expected.bytes)} bytes (decompressed)`,
      `${formatCount(bytes.length)} bytes`,
      where,
    );
  }
  if (expected.sha256 !== undefined) verifyDigest('sha256', bytes, expected.sha256, where);
}

function makeSplit(
  imagesBytes: Uint8Array,
  labelsBytes: Uint8Array,
  keys: readonly [FashionMnistFileKey, FashionMnistFileKey],
  expectedCount: number,
  facts: FashionMnistFacts,
): Dataset {
  const [imagesName, labelsName] = [FASHION_MNIST_FILES[keys[0]], FASHION_MNIST_FILES[keys[1]]];
  const images = parseIdxImages(imagesBytes, imagesName);
  const labels = parseIdxLabels(labelsBytes, labelsName);
  checkSameCount(images, labels, labelsName);
  if (images.count !== expectedCount) {
    throw new DatasetError(
      'count-mismatch',
      `${formatCount(expectedCount)} images`,
      `${formatCount(images.count)} images`,
      imagesName,
    );
  }
  if (images.rows !== facts.rows || images.cols !== facts.cols) {
    throw new DatasetError(
      'bad-shape',
      `${facts.rows}x${facts.cols} images`,
      `${images.rows}x${images.cols} images`,
      imagesName,
    );
  }
  checkLabels(labels.labels, facts.classNames.length, labelsName);
  return {
    name: 'fashion-mnist',
    task: 'classification',
    count: images.count,
    inputShape: [images.rows, images.cols, 1],
    // Copies drop the IDX header, so each array owns a tight buffer that a worker can
    // transfer without dragging the whole file along.
    inputs: images.pixels.slice(),
    targets: labels.labels.slice(),
    classNames: facts.classNames,
  };
}

/**
 * Builds the train and test sets from the four decompressed IDX files. Structure
 * (magic, sizes against headers, counts, label range) is always checked; sizes and
 * SHA-256 against the facts when `verify` is on.
 */
export function parseFashionMnistFiles(files: FashionMnistFiles, options: FashionMnistOptions = {}): TrainTestSplit {
  const facts = options.facts ?? FASHION_MNIST_FACTS;
  const train = makeSplit(files.trainImages, files.trainLabels, ['trainImages', 'trainLabels'], facts.trainCount, facts);
  const test = makeSplit(files.testImages, files.testLabels, ['testImages', 'testLabels'], facts.testCount, facts);
  // Structural errors first: "truncated" explains more than "checksum mismatch".
  if (options.verify ?? true) {
    for (const key of FASHION_MNIST_FILE_KEYS) verifyFashionMnistFile(key, files[key], facts);
  }
  return { train, test };
}

/** Finds `name.gz` or `name` in the source. */
async function resolveName(source: FileSource, name: string): Promise<string> {
  for (const candidate of [`${name}.gz`, name]) {
    if (await source.has(candidate)) return candidate;
  }
  throw new DatasetError('missing-file', `${name}.gz or ${name}`, `neither in ${source.description}`, name);
}

/**
 * Reads the four files from a folder or picked files, each gzipped or not. A '.gz' name
 * holding plain bytes is accepted too: browsers sometimes save a download already
 * decompressed but keep its name, and the checksums still decide.
 */
export async function readFashionMnist(source: FileSource, options: FashionMnistOptions = {}): Promise<TrainTestSplit> {
  const entries = await Promise.all(
    FASHION_MNIST_FILE_KEYS.map(async (key) => {
      const name = await resolveName(source, FASHION_MNIST_FILES[key]);
      const bytes = await maybeGunzip(await source.read(name), name);
      return [key, bytes] as const;
    }),
  );
  const files = Object.fromEntries(entries) as Record<FashionMnistFileKey, Uint8Array>;
  return parseFashionMnistFiles(files, options);
}
