/**
 * `npm run experiment -- <preset | config.json> [options]`: runs a comparison in Node,
 * shows a progress bar per epoch, and writes every record as JSON.
 */
import '@tensorflow/tfjs-backend-wasm';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../lib/errors';
import { parseExperiment, type ExperimentConfigInput } from '../engine/experiment/config';
import { presets } from '../engine/experiment/presets';
import { runExperiment } from '../engine/experiment/run-experiment';
import { selectBackend } from '../engine/training/backend';
import type { BatchRecord, EpochRecord, RunResult } from '../engine/training/types';
import { loadSplit } from './load-split';
import { formatBar, formatSeconds, ProgressLine } from './progress-bar';
import { isSweepConfig, runSweepCommand, sweepPreset } from './sweep-command';
import { sweepPresets } from '../engine/sweeps/presets';

const usage = `usage: npm run experiment -- <preset | config.json | sweep preset | sweep.json> [options]

  --list              list the presets (comparisons, then sweeps)
  --epochs N          override the number of epochs
  --subset N          train on a seeded subset of N training samples
  --test-subset N     evaluate on a seeded subset of N test samples
  --batch-size N      override the batch size
  --backend NAME      cpu or wasm (default wasm: the fastest in Node, convolutions
                      included, their gradient from the lab's own kernel)
  --data-dir DIR      folder with the dataset's official files
  --out FILE          where to write the records (default: <name>-records.json)`;

async function readConfig(source: string): Promise<unknown> {
  const preset = presets[source];
  if (preset) return structuredClone(preset.config) as ExperimentConfigInput;
  const sweep = sweepPreset(source);
  if (sweep) return sweep;
  if (!source.endsWith('.json')) {
    throw new Error(`expected a preset name (${[...Object.keys(presets), ...Object.keys(sweepPresets)].join(', ')}) or a .json file, found "${source}"`);
  }
  const text = await readFile(source, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${source}: expected JSON, found a syntax error (${(error as Error).message})`);
  }
}

function applyOverrides(config: ExperimentConfigInput, values: Record<string, string | boolean | undefined>): ExperimentConfigInput {
  const asInt = (key: string) => {
    const text = values[key];
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${key}: expected a whole number >= 1, found "${String(text)}"`);
    return n;
  };
  const epochs = asInt('epochs');
  const batchSize = asInt('batch-size');
  const subset = asInt('subset');
  const testSubset = asInt('test-subset');
  return {
    ...config,
    dataset: { ...config.dataset, ...(subset ? { subset } : {}), ...(testSubset ? { testSubset } : {}) },
    training: { ...config.training, ...(epochs ? { epochs } : {}), ...(batchSize ? { batchSize } : {}) },
  };
}

function printSummary(results: readonly RunResult[], epochs: readonly EpochRecord[]): void {
  const generative = epochs.some((e) => e.kl !== undefined);
  const rows = results.map((r) => {
    const last = epochs.filter((e) => e.runId === r.runId).at(-1);
    const common = { run: r.label, status: r.status, epochs: r.epochsCompleted, 'train loss': last?.loss.toFixed(4) ?? '' };
    const metrics = generative
      ? { 'val loss': last?.valLoss?.toFixed(4) ?? '', 'test loss': r.test?.loss.toFixed(4) ?? '', 'test reconstruction': r.test?.reconstruction?.toFixed(4) ?? '', 'test KL': r.test?.kl?.toFixed(4) ?? '' }
      : { 'val acc': last?.valAccuracy?.toFixed(4) ?? '', 'test acc': r.test?.accuracy?.toFixed(4) ?? '', 'test loss': r.test?.loss.toFixed(4) ?? '' };
    return { ...common, ...metrics, 'train s': r.trainSeconds.toFixed(1) };
  });
  console.table(rows);
  const tested = results.filter((r) => r.test && Number.isFinite(generative ? r.test.loss : (r.test.accuracy ?? Number.NaN)));
  if (tested.length === 0) return;
  // A VAE is judged on its loss (lower is better), a classifier on its accuracy.
  const score = (r: RunResult) => (generative ? -r.test!.loss : r.test!.accuracy!);
  const best = tested.reduce((top, r) => (score(r) > score(top) ? r : top));
  if (generative) console.log(`best test loss: ${best.label} (${best.test!.loss.toFixed(4)})`);
  else console.log(`best test accuracy: ${best.label} (${best.test!.accuracy!.toFixed(4)})`);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      list: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      epochs: { type: 'string' },
      subset: { type: 'string' },
      'test-subset': { type: 'string' },
      'batch-size': { type: 'string' },
      backend: { type: 'string' },
      'data-dir': { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (values.list) {
    for (const [name, preset] of Object.entries({ ...presets, ...sweepPresets })) console.log(`${name.padEnd(22)} ${preset.title}`);
    return 0;
  }
  const source = positionals[0];
  if (!source) {
    console.error(usage);
    return 2;
  }
  const input = await readConfig(source);
  if (isSweepConfig(input)) {
    return runSweepCommand(input, {
      backend: values.backend,
      dataDir: values['data-dir'],
      out: values.out,
      applyOverrides: (base) => applyOverrides(base, values),
    });
  }
  const plan = parseExperiment(applyOverrides(input as ExperimentConfigInput, values));
  // tfjs's wasm backend has no Conv2DBackpropFilter; the lab's (engine/models/conv-backprop-filter.ts) makes CNNs train there too, 4x faster than on cpu.
  const backendName = values.backend ?? 'wasm';
  const backend = await selectBackend([backendName]);
  const split = await loadSplit(plan.dataset.name, { dataDir: values['data-dir'], count: plan.dataset.count, seed: plan.spec.seed });
  console.error(`${plan.name}: ${plan.spec.runs.length} runs of ${plan.spec.architecture} on ${plan.dataset.name}, backend ${backend.name}`);

  const batches: BatchRecord[] = [];
  const epochs: EpochRecord[] = [];
  const progress = new ProgressLine();
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  const result = await runExperiment({
    plan,
    split,
    signal: abort.signal,
    callbacks: {
      onBatches: (records) => batches.push(...records),
      onEpoch: (record) => void epochs.push(record),
      onProgress: (p) => {
        const fraction = p.tick / p.ticksPerEpoch;
        const done = (p.epoch - 1 + fraction) / p.epochs;
        const eta = done > 0 ? (p.elapsedSeconds / done) * (1 - done) : Number.NaN;
        const text = `epoch ${p.epoch}/${p.epochs} ${formatBar(fraction)} elapsed ${formatSeconds(p.elapsedSeconds)} ETA ${formatSeconds(eta)}`;
        if (p.tick === p.ticksPerEpoch) progress.done(text);
        else progress.update(text);
      },
      onRunEnd: (r) => {
        if (r.status === 'diverged') console.error(`  ${r.label} diverged at step ${r.divergedAtStep}; the others go on`);
      },
    },
  });
  printSummary(result.runs, epochs);
  const out = values.out ?? `${plan.name}-records.json`;
  const record = {
    format: 'optimizer-lab/experiment-records',
    version: 1,
    plan,
    backend: { ...backend, tfjsVersion: tf.version.tfjs },
    elapsedSeconds: result.elapsedSeconds,
    results: result.runs,
    epochs,
    batches,
  };
  await writeFile(out, JSON.stringify(record));
  console.error(`records written to ${out}`);
  return result.runs.some((r) => r.status === 'cancelled') ? 130 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof LabError || error instanceof Error ? `error: ${error.message}` : error);
    process.exit(1);
  },
);
