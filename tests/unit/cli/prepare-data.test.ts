import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareData, progressText } from '../../../src/cli/prepare-data';
import { CIFAR10_ARCHIVE_NAME } from '../../../src/engine/data/cifar10';
import { DownloadError } from '../../../src/lib/errors';
import { makeSmallCifar } from '../../helpers/cifar-writer';
import { startFileServer, type FileServer } from '../../helpers/file-server';
import { gzipBytes } from '../../helpers/gzip';
import { makeSmallFashion } from '../../helpers/idx-writer';

const cifar = makeSmallCifar({ recordsPerBatch: 3, trainBatches: 5 });
const fashion = makeSmallFashion(12, 5, 28, 28);
const fashionGz: Record<string, Uint8Array> = {
  'train-images-idx3-ubyte.gz': gzipBytes(fashion.files.trainImages),
  'train-labels-idx1-ubyte.gz': gzipBytes(fashion.files.trainLabels),
  't10k-images-idx3-ubyte.gz': gzipBytes(fashion.files.testImages),
  't10k-labels-idx1-ubyte.gz': gzipBytes(fashion.files.testLabels),
};
const facts = { cifar10Facts: cifar.facts, fashionMnistFacts: fashion.facts };

let server: FileServer;
beforeAll(async () => {
  const corrupt = cifar.archive.slice();
  corrupt[10] = corrupt[10]! ^ 0xff;
  server = await startFileServer({ [CIFAR10_ARCHIVE_NAME]: cifar.archive, ...fashionGz, [`bad/${CIFAR10_ARCHIVE_NAME}`]: corrupt });
});
afterAll(() => server.close());

const outDir = () => mkdtempSync(join(tmpdir(), 'lab-data-'));
const quiet = () => undefined;

describe('prepareData', () => {
  it('downloads and verifies both datasets into the folder, then leaves them alone', async () => {
    const dir = outDir();
    const progress: string[] = [];
    const first = await prepareData({
      datasets: ['fashion-mnist', 'cifar-10'],
      outDir: dir,
      upstream: `${server.baseUrl}/ok`,
      report: quiet,
      onProgress: (p) => progress.push(progressText(p)),
      ...facts,
    });
    expect(first.map((p) => p.status)).toEqual(['downloaded', 'downloaded']);
    expect(readdirSync(dir).sort()).toEqual([...Object.keys(fashionGz), CIFAR10_ARCHIVE_NAME].sort());
    expect(new Uint8Array(readFileSync(join(dir, CIFAR10_ARCHIVE_NAME)))).toEqual(cifar.archive);
    expect(progress.some((line) => /cifar-10-binary\.tar\.gz \[#+\] 100%/.test(line))).toBe(true);

    const requests = server.requests.length;
    const second = await prepareData({ datasets: ['fashion-mnist', 'cifar-10'], outDir: dir, upstream: `${server.baseUrl}/ok`, report: quiet, ...facts });
    expect(second.map((p) => p.status)).toEqual(['already-there', 'already-there']);
    expect(server.requests.length).toBe(requests);
  });

  it('rejects a corrupt file with the checksum it expected, and writes nothing', async () => {
    const dir = outDir();
    let caught: unknown;
    try {
      await prepareData({ datasets: ['cifar-10'], outDir: dir, upstream: `${server.baseUrl}/ok/bad`, report: quiet, ...facts });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DownloadError);
    expect((caught as DownloadError).code).toBe('checksum-mismatch');
    expect((caught as DownloadError).expected).toBe(`MD5 ${cifar.facts.archiveMd5}`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('replaces a damaged file already in the folder', async () => {
    const dir = outDir();
    await prepareData({ datasets: ['cifar-10'], outDir: dir, upstream: `${server.baseUrl}/ok`, report: quiet, ...facts });
    writeFileSync(join(dir, CIFAR10_ARCHIVE_NAME), 'not the archive');
    const again = await prepareData({ datasets: ['cifar-10'], outDir: dir, upstream: `${server.baseUrl}/ok`, report: quiet, ...facts });
    expect(again[0]?.status).toBe('downloaded');
    expect(readFileSync(join(dir, CIFAR10_ARCHIVE_NAME)).length).toBe(cifar.archive.length);
  });
});

describe('progressText', () => {
  it('shows a bar with bytes, or bytes alone when the size is unknown', () => {
    expect(progressText({ file: 'a.gz', loadedBytes: 5e6, totalBytes: 10e6 })).toBe('a.gz [############------------]  50% 5.0 MB of 10.0 MB');
    expect(progressText({ file: 'a.gz', loadedBytes: 2.5e6, totalBytes: undefined })).toBe('a.gz 2.5 MB');
  });
});

describe('npm run data (the command)', () => {
  const run = promisify(execFile);
  const command = ['--import', './scripts/tfjs-es2017.mjs', '--import', 'tsx', 'src/cli/prepare-data.ts'];

  it('names an unknown dataset and exits 2', async () => {
    const failure = await run('node', [...command, 'mnist'], { cwd: process.cwd() }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringMatching(/expected a dataset name \(fashion-mnist, cifar-10\), found mnist/) });
  });

  it('fails with the reason when the source is unreachable, leaving the folder empty', async () => {
    const dir = outDir();
    const failure = await run('node', [...command, 'cifar-10', '--out', dir, '--upstream', `${server.baseUrl}/missing`], { cwd: process.cwd() }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringMatching(/error: .*expected HTTP 200, found HTTP 404/) });
    expect(readdirSync(dir)).toEqual([]);
  });
});
