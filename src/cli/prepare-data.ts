/**
 * `npm run data [-- fashion-mnist cifar-10] [--out public/data] [--force]`: downloads the
 * official dataset files, verifies them, and puts them in public/data/ so a static host
 * serves them from the lab's own origin (the browser looks there first).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { REAL_DATASET_NAMES, type RealDatasetName } from '../engine/data/load-dataset';
import type { DownloadProgress } from '../engine/data/types';
import { DATASET_FILES, DATASET_UPSTREAM_ENV, downloadDatasetInto, hasVerifiedDataset, upstreamFromEnv, type DatasetFetchOptions } from './dataset-files';
import { formatBar, ProgressLine } from './progress-bar';

export const DEFAULT_DATA_DIR = 'public/data';

export interface PrepareDataOptions extends DatasetFetchOptions {
  readonly datasets: readonly RealDatasetName[];
  readonly outDir: string;
  /** Download again even when verified files are there. */
  readonly force?: boolean;
  readonly report?: (line: string) => void;
}

export interface PreparedDataset {
  readonly name: RealDatasetName;
  readonly status: 'already-there' | 'downloaded';
  readonly files: readonly string[];
}

const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** A progress line per file: bar and bytes when the size is known, bytes alone otherwise. */
export function progressText(progress: DownloadProgress): string {
  const { file, loadedBytes, totalBytes } = progress;
  return totalBytes
    ? `${file} ${formatBar(loadedBytes / totalBytes)} ${megabytes(loadedBytes)} of ${megabytes(totalBytes)}`
    : `${file} ${megabytes(loadedBytes)}`;
}

export async function prepareData(options: PrepareDataOptions): Promise<PreparedDataset[]> {
  const report = options.report ?? ((line: string) => console.error(line));
  const outDir = resolve(options.outDir);
  const prepared: PreparedDataset[] = [];
  for (const name of options.datasets) {
    const files = DATASET_FILES[name];
    if (!options.force && (await hasVerifiedDataset(name, outDir, options))) {
      report(`${name}: already in ${outDir}, verified`);
      prepared.push({ name, status: 'already-there', files });
      continue;
    }
    report(`${name}: downloading ${files.join(', ')} from ${options.upstream ?? 'the official source'}`);
    await downloadDatasetInto(name, outDir, options);
    report(`${name}: verified and saved in ${outDir}`);
    prepared.push({ name, status: 'downloaded', files });
  }
  return prepared;
}

const usage = `usage: npm run data [-- <dataset> ...] [options]

  datasets            ${REAL_DATASET_NAMES.join(', ')} (default: both)
  --out DIR           where to put the files (default: ${DEFAULT_DATA_DIR})
  --upstream URL      fetch <URL>/<file> instead of the official sources
                      (or set ${DATASET_UPSTREAM_ENV})
  --force             download again even if verified files are there`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      upstream: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const unknown = positionals.filter((name) => !REAL_DATASET_NAMES.includes(name as RealDatasetName));
  if (unknown.length > 0) {
    console.error(`expected a dataset name (${REAL_DATASET_NAMES.join(', ')}), found ${unknown.join(', ')}\n\n${usage}`);
    return 2;
  }
  const line = new ProgressLine();
  await prepareData({
    datasets: positionals.length > 0 ? (positionals as RealDatasetName[]) : REAL_DATASET_NAMES,
    outDir: values.out ?? DEFAULT_DATA_DIR,
    upstream: values.upstream ?? upstreamFromEnv(),
    force: values.force,
    onProgress: (progress) => {
      const text = progressText(progress);
      if (progress.totalBytes !== undefined && progress.loadedBytes >= progress.totalBytes) line.done(text);
      else line.update(text);
    },
  });
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
