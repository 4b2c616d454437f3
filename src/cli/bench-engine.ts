/**
 * `npm run bench:engine`: training speed per architecture and backend, the runner's
 * overhead against a bare optimizer loop, and resident memory with datasets loaded.
 * Numbers, not pass/fail: shared machines are noisy, so compare ratios within one run.
 */
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { Batcher } from '../engine/data/batcher';
import { makeSpiral } from '../engine/data/synthetic';
import { cifar10TrainBatchNames, parseCifar10Batches, CIFAR10_FACTS } from '../engine/data/cifar10';
import type { Dataset } from '../engine/data/types';
import { buildRequestedModel } from '../engine/experiment/run-experiment';
import type { ModelOptions } from '../engine/experiment/config';
import type { TrainableModel } from '../engine/models/types';
import { createOptimizer, type OptimizerConfig } from '../engine/optimizers/registry';
import { runComparison } from '../engine/training/comparison';
import { DEFAULT_PROBE_EVERY, type ProbeOptions } from '../engine/training/probes';
import { createRng } from '../lib/rng';
import { loadSplit } from './load-split';

const MiB = 1024 * 1024;
const quick = process.argv.includes('--quick');
/** `--only probes`: just the probe-overhead table. */
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

function randomImages(count: number, shape: [number, number, number]): Dataset {
  const rng = createRng(1);
  const inputs = new Uint8Array(count * shape[0] * shape[1] * shape[2]);
  for (let i = 0; i < inputs.length; i++) inputs[i] = rng.int(256);
  const targets = new Uint8Array(count);
  for (let i = 0; i < count; i++) targets[i] = rng.int(10);
  return { name: 'random', task: 'classification', count, inputShape: shape, inputs, targets, classNames: CIFAR10_FACTS.classNames };
}

function model(architecture: string, dataset: Dataset, id: string): TrainableModel {
  return buildRequestedModel({
    architecture,
    options: {},
    inputShape: dataset.inputShape,
    numClasses: 10,
    task: 'classification',
    seed: 1,
    modelId: id,
  });
}

/** Batch size per architecture: large enough to be realistic, small enough to finish on a cpu. */
const benchBatch: Record<string, number> = { fcnn: 200, mlp: 200, scnn: 50, bcnn: 16, mcnn: 4, dense: 32 };
const timeBudgetSeconds = quick ? 3 : 12;

/** Bare loop: tf.tidy(minimize) per batch, one read at the end. Returns samples/s. */
async function bareLoop(m: TrainableModel, optimizer: tf.Optimizer, batcher: Batcher, steps: number): Promise<number> {
  const order = batcher.epochOrder(0);
  const step = (i: number) => {
    const batch = batcher.batch(order, i % batcher.batchesPerEpoch);
    const loss = tf.tidy(
      () =>
        optimizer.minimize(() => m.loss(batch, { training: true, noiseSeed: i + 1 }).loss, true, m.trainableVariables as tf.Variable[])!,
    );
    m.applyStateUpdates();
    batch.x.dispose();
    batch.y.dispose();
    return loss;
  };
  const warmUp = step(0); // kernels and optimizer slots
  await warmUp.data();
  warmUp.dispose();
  const started = performance.now();
  let last: tf.Scalar | undefined;
  for (let i = 1; i <= steps; i++) {
    last?.dispose();
    last = step(i);
  }
  await last!.data();
  last!.dispose();
  return (steps * batcher.batchSize) / ((performance.now() - started) / 1000);
}

async function speedRow(backend: string, architecture: string): Promise<string> {
  await tf.setBackend(backend);
  const batchSize = benchBatch[architecture]!;
  const dataset = randomImages(batchSize * 4, [28, 28, 1]);
  const m = model(architecture, dataset, `speed-${backend}-${architecture}`);
  const optimizer = createOptimizer({ name: 'sgd' });
  const batcher = new Batcher({ dataset, batchSize, seed: 1, scaling: 'minmax' });
  try {
    const probeStarted = performance.now();
    const probe = await bareLoop(m, optimizer, batcher, 1);
    const perStep = (performance.now() - probeStarted) / 1000 / 2;
    const steps = Math.max(2, Math.min(200, Math.round(timeBudgetSeconds / perStep)));
    const rate = steps > 2 ? await bareLoop(m, optimizer, batcher, steps) : probe;
    return `${rate.toFixed(1)} (batch ${batchSize})`;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return /Conv2DBackpropFilter|not registered|kernel/i.test(message) ? 'cannot train (no conv gradient kernel)' : `error: ${message.slice(0, 60)}`;
  } finally {
    optimizer.dispose();
    m.dispose();
  }
}

interface RunnerCase {
  readonly dataset: Dataset;
  readonly architecture: string;
  readonly optimizerName: OptimizerConfig['name'];
  readonly steps: number;
  readonly model?: ModelOptions;
}

/** Samples per second of one run through the comparison runner, probed or not. */
async function runnerRate({ dataset, architecture, optimizerName, steps, model = {} }: RunnerCase, probes?: ProbeOptions): Promise<number> {
  let seconds = 0;
  const batchSize = benchBatch[architecture]!;
  await runComparison<OptimizerConfig, ModelOptions>({
    spec: {
      seed: 1,
      epochs: 1,
      batchSize,
      scaling: 'minmax',
      architecture,
      model,
      lossReadEvery: 10,
      evalBatchSize: 500,
      runs: [{ id: 'r', label: 'r', optimizer: { name: optimizerName } }],
    },
    data: { train: dataset },
    buildModel: buildRequestedModel,
    createOptimizer: (c) => createOptimizer(c),
    probes,
    callbacks: { onEpoch: (r) => void (seconds = r.elapsedSeconds) },
  });
  return (steps * batchSize) / seconds;
}

const best = (xs: number[]) => Math.max(...xs);

/** Same model, optimizer, batches and step count: the runner against the bare loop. */
async function overheadRows(backend: string, architecture: string, optimizerName: OptimizerConfig['name'], steps: number) {
  await tf.setBackend(backend);
  const batchSize = benchBatch[architecture]!;
  const dataset = randomImages(batchSize * steps, [28, 28, 1]);
  const bare = async () => {
    const m = model(architecture, dataset, `bare-${architecture}`);
    const optimizer = createOptimizer({ name: optimizerName });
    const batcher = new Batcher({ dataset, batchSize, seed: 1, scaling: 'minmax' });
    const rate = await bareLoop(m, optimizer, batcher, steps - 1);
    optimizer.dispose();
    m.dispose();
    return rate;
  };
  const bareRates: number[] = [];
  const runnerRates: number[] = [];
  for (let repeat = 0; repeat < (quick ? 1 : 2); repeat++) {
    bareRates.push(await bare());
    runnerRates.push(await runnerRate({ dataset, architecture, optimizerName, steps }));
  }
  return { bare: best(bareRates), runner: best(runnerRates) };
}

/**
 * The runner with probes every DEFAULT_PROBE_EVERY steps against the runner without, same
 * model, optimizer and batches; alternated, best of the repeats. A run's first step is
 * probed too, so short runs overstate the steady-state cost a little.
 */
async function probeOverhead(backend: string, runner: Omit<RunnerCase, 'dataset'>) {
  await tf.setBackend(backend);
  const count = benchBatch[runner.architecture]! * runner.steps;
  const dataset = runner.architecture === 'dense' ? makeSpiral({ count, seed: 1 }) : randomImages(count, [28, 28, 1]);
  const off: number[] = [];
  const on: number[] = [];
  for (let repeat = 0; repeat < (quick ? 1 : 2); repeat++) {
    off.push(await runnerRate({ ...runner, dataset }));
    on.push(await runnerRate({ ...runner, dataset }, { every: DEFAULT_PROBE_EVERY }));
  }
  return { off: best(off), on: best(on) };
}

/**
 * Resident set, and what is live (JS heap + array buffers) after a full collection. The
 * pause lets DecompressionStream release its buffers, which it does asynchronously.
 */
async function memoryNow(): Promise<{ rss: number; live: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (npm run bench:engine does)');
  gc();
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc();
  const usage = process.memoryUsage();
  return { rss: usage.rss / MiB, live: (usage.heapUsed + usage.arrayBuffers) / MiB };
}

async function memoryRows() {
  const base = await memoryNow();
  const fashion = await loadSplit('fashion-mnist', { seed: 1 });
  const fashionBytes = (fashion.train.inputs.byteLength + fashion.train.targets.byteLength + fashion.test.inputs.byteLength + fashion.test.targets.byteLength) / MiB;
  const withFashion = await memoryNow();
  const record = 1 + 32 * 32 * 3;
  const batchFile = (seed: number) => {
    const bytes = new Uint8Array(10_000 * record);
    const rng = createRng(seed);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % record === 0 ? rng.int(10) : rng.int(256);
    return bytes;
  };
  let cifar: ReturnType<typeof parseCifar10Batches> | undefined = parseCifar10Batches(
    cifar10TrainBatchNames().map((name, i) => ({ name, bytes: batchFile(i) })),
    { name: 'test_batch.bin', bytes: batchFile(9) },
  );
  const cifarBytes = (cifar.train.inputs.byteLength + cifar.train.targets.byteLength + cifar.test.inputs.byteLength + cifar.test.targets.byteLength) / MiB;
  const withBoth = await memoryNow();
  const row = (data: string, bytes: number, before: { rss: number; live: number }, after: { rss: number; live: number }) => ({
    data,
    'uint8 MiB': bytes.toFixed(1),
    'live growth MiB': (after.live - before.live).toFixed(1),
    'live over uint8': `${(((after.live - before.live) / bytes - 1) * 100).toFixed(1)}%`,
    'RSS growth MiB': (after.rss - before.rss).toFixed(1),
  });
  const rows = [
    row('Fashion-MNIST (real)', fashionBytes, base, withFashion),
    row('CIFAR-10 sized (generated)', cifarBytes, withFashion, withBoth),
  ];
  // Keep both sets alive until measured.
  if (fashion.train.count + cifar.train.count === 0) console.log('empty');
  cifar = undefined;
  return rows;
}

async function main() {
  console.log(`tfjs ${tf.version.tfjs}, Node ${process.version}${quick ? ' (quick mode)' : ''}\n`);
  if (only !== 'probes') await speedAndMemory();
  await probeTable();
}

async function speedAndMemory() {
  console.log('Memory when a dataset is loaded: live bytes (heap + array buffers) against its uint8 bytes.');
  console.log('RSS also keeps what the allocator has not handed back after decompression.');
  console.table(await memoryRows());

  console.log('Training speed, samples per second, bare minimize loop with SGD, random 28x28x1 data');
  const speed: Record<string, Record<string, string>> = {};
  for (const architecture of ['fcnn', 'mlp', 'scnn', 'bcnn', 'mcnn']) {
    speed[architecture] = {};
    for (const backend of ['wasm', 'cpu']) speed[architecture]![backend] = await speedRow(backend, architecture);
  }
  console.table(speed);

  console.log('Runner overhead: the comparison runner against a bare loop, same model, optimizer and batches (best of runs)');
  const overhead = [];
  for (const [backend, architecture, optimizerName, steps] of [
    ['wasm', 'fcnn', 'adam', quick ? 20 : 60],
    ['wasm', 'fcnn', 'sgd', quick ? 20 : 60],
    ['cpu', 'scnn', 'adam', quick ? 6 : 20],
  ] as const) {
    const { bare, runner } = await overheadRows(backend, architecture, optimizerName, steps);
    overhead.push({
      backend,
      model: architecture,
      optimizer: optimizerName,
      steps,
      'bare samples/s': bare.toFixed(1),
      'runner samples/s': runner.toFixed(1),
      'runner slower by': `${((bare / runner - 1) * 100).toFixed(1)}%`,
      target: '<= 5%',
    });
  }
  console.table(overhead);
}

async function probeTable() {
  console.log(`Probe overhead: the runner with probes every ${DEFAULT_PROBE_EVERY} steps (the lab's default) against probes off, same model, optimizer and batches (best of runs)`);
  const probeRows = [];
  // The small dense net is the hard case: its steps are so cheap that a probe's fixed cost shows.
  const cases: readonly [string, Omit<RunnerCase, 'dataset'>, string][] = [
    ['wasm', { architecture: 'dense', optimizerName: 'adam', steps: quick ? 200 : 600, model: { hiddenUnits: [64, 64], activation: 'relu' } }, 'spiral 2-64-64-2'],
    ['cpu', { architecture: 'dense', optimizerName: 'adam', steps: quick ? 200 : 600, model: { hiddenUnits: [64, 64], activation: 'relu' } }, 'spiral 2-64-64-2'],
    ['wasm', { architecture: 'fcnn', optimizerName: 'adam', steps: quick ? 20 : 60 }, 'fcnn'],
    ['wasm', { architecture: 'fcnn', optimizerName: 'sgd', steps: quick ? 20 : 60 }, 'fcnn'],
    ['wasm', { architecture: 'mlp', optimizerName: 'adagrad', steps: quick ? 20 : 40 }, 'mlp (E2)'],
  ];
  for (const [backend, runner, label] of cases) {
    const { off, on } = await probeOverhead(backend, runner);
    probeRows.push({
      backend,
      model: label,
      optimizer: runner.optimizerName,
      steps: runner.steps,
      'probes off samples/s': off.toFixed(1),
      'probes on samples/s': on.toFixed(1),
      'throughput lost': `${((1 - on / off) * 100).toFixed(1)}%`,
      target: '<= 10%',
    });
  }
  console.table(probeRows);
}

await main();
