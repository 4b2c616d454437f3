/**
 * `npm run bench:engine`: training speed per architecture and backend, the runner's
 * overhead against a bare optimizer loop, resident memory with datasets loaded, and the
 * cost of the probes (bench-probes.ts; `--only probes` for just those).
 * Numbers, not pass/fail: shared machines are noisy, so compare ratios within one run.
 * Options: --quick (shorter timings), --archs=fcnn,vae1 (only those speed rows).
 */
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { Batcher } from '../engine/data/batcher';
import { cifar10TrainBatchNames, parseCifar10Batches } from '../engine/data/cifar10';
import type { TrainableModel } from '../engine/models/types';
import type { VaeModel } from '../engine/models/vae';
import { createVaeGalleryMaker } from '../engine/models/vae-gallery';
import { createOptimizer, type OptimizerConfig } from '../engine/optimizers/registry';
import { createRng } from '../lib/rng';
import { benchBatch, benchModel, best, randomImages, runnerRate } from './bench-support';
import { probeTables } from './bench-probes';
import { loadSplit } from './load-split';

const MiB = 1024 * 1024;
const quick = process.argv.includes('--quick');
/** --archs=vae1,vae2: only these rows of the speed table. */
const archs = process.argv.find((arg) => arg.startsWith('--archs='))?.slice('--archs='.length).split(',').filter(Boolean);
/** `--only probes`: just the probe-overhead table. */
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

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
  const m = benchModel(architecture, dataset, `speed-${backend}-${architecture}`);
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

/**
 * What a VAE's gallery costs: the worker decodes one per run after every epoch (10
 * reconstructions, latent x 11 walk images, 11 samples). Milliseconds per gallery, warm.
 */
async function galleryRow(backend: string, name: 'vae1' | 'vae2'): Promise<string> {
  await tf.setBackend(backend);
  const source = randomImages(10, [28, 28, 1]);
  const m = benchModel(name, source, `gallery-${backend}-${name}`) as VaeModel;
  const maker = createVaeGalleryMaker({ source, seed: 1 });
  try {
    await maker.decode(m);
    const repeats = quick ? 2 : 5;
    const started = performance.now();
    for (let i = 0; i < repeats; i++) await maker.decode(m);
    return `${((performance.now() - started) / repeats).toFixed(0)} ms`;
  } finally {
    m.dispose();
  }
}

/** Same model, optimizer, batches and step count: the runner against the bare loop. */
async function overheadRows(backend: string, architecture: string, optimizerName: OptimizerConfig['name'], steps: number) {
  await tf.setBackend(backend);
  const batchSize = benchBatch[architecture]!;
  const dataset = randomImages(batchSize * steps, [28, 28, 1]);
  const bare = async () => {
    const m = benchModel(architecture, dataset, `bare-${architecture}`);
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
  await probeTables(quick);
}

async function speedAndMemory() {
  console.log('Memory when a dataset is loaded: live bytes (heap + array buffers) against its uint8 bytes.');
  console.log('RSS also keeps what the allocator has not handed back after decompression.');
  console.table(await memoryRows());

  console.log('Training speed, samples per second, bare minimize loop with SGD, random 28x28x1 data');
  const speed: Record<string, Record<string, string>> = {};
  for (const architecture of archs ?? ['fcnn', 'mlp', 'scnn', 'bcnn', 'mcnn', 'vae1', 'vae2']) {
    if (!(architecture in benchBatch)) throw new Error(`--archs: expected some of ${Object.keys(benchBatch).join(', ')}, found ${architecture}`);
    speed[architecture] = {};
    for (const backend of ['wasm', 'cpu']) speed[architecture]![backend] = await speedRow(backend, architecture);
  }
  console.table(speed);

  console.log('VAE galleries: time to decode one (after every epoch, per run), warm');
  const galleries: Record<string, Record<string, string>> = {};
  for (const name of ['vae1', 'vae2'] as const) {
    if (archs && !archs.includes(name)) continue;
    galleries[name] = {};
    for (const backend of ['wasm', 'cpu']) galleries[name]![backend] = await galleryRow(backend, name);
  }
  if (Object.keys(galleries).length > 0) console.table(galleries);

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

await main();
