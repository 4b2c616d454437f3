/**
 * bench:engine's probe tables: what the lab's probes (every DEFAULT_PROBE_EVERY steps)
 * cost in training throughput.
 *
 * 1. Throughput: the runner with probes against without, same model, optimizer and
 *    batches, alternated, best of the repeats. The headline, but on a shared machine
 *    two runs a minute apart can differ by more than the probes cost.
 * 2. Per step, interleaved: in one loop, DEFAULT_PROBE_EVERY − 1 plain steps, then one
 *    probed step (its read-back included), over and over; the median of each kind. On
 *    the cpu and wasm backends a step's time is its compute (they run synchronously), and
 *    interleaving puts both kinds under the same load: overhead = (probed − plain) /
 *    (DEFAULT_PROBE_EVERY · plain).
 */
import * as tf from '@tensorflow/tfjs';
import { Batcher } from '../engine/data/batcher';
import { makeSpiral } from '../engine/data/synthetic';
import type { Dataset } from '../engine/data/types';
import { buildRequestedModel } from '../engine/experiment/run-experiment';
import { createOptimizer } from '../engine/optimizers/registry';
import { DEFAULT_PROBE_EVERY, inputStatsOf, RunProbe } from '../engine/training/probes';
import { benchBatch, best, randomImages, runnerRate, type RunnerCase } from './bench-support';

type Case = Omit<RunnerCase, 'dataset'> & { readonly backend: string; readonly label: string };

function caseData(c: Case, steps: number): Dataset {
  const count = benchBatch[c.architecture]! * steps;
  return c.architecture === 'dense' ? makeSpiral({ count, seed: 1 }) : randomImages(count, [28, 28, 1]);
}

async function throughput(c: Case, repeats: number) {
  await tf.setBackend(c.backend);
  const dataset = caseData(c, c.steps);
  const off: number[] = [];
  const on: number[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    off.push(await runnerRate({ ...c, dataset }));
    on.push(await runnerRate({ ...c, dataset }, { every: DEFAULT_PROBE_EVERY }));
  }
  return { off: best(off), on: best(on) };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Medians of plain and probed step times (ms), interleaved as the lab interleaves them. */
async function interleaved(c: Case, probes: number) {
  await tf.setBackend(c.backend);
  const batchSize = benchBatch[c.architecture]!;
  const dataset = caseData(c, 8);
  const model = buildRequestedModel({
    architecture: c.architecture,
    options: c.model ?? {},
    inputShape: dataset.inputShape,
    numClasses: dataset.classNames.length,
    task: 'classification',
    seed: 1,
    modelId: `probe-cost-${c.backend}-${c.architecture}-${c.optimizerName}`,
  });
  const optimizer = createOptimizer({ name: c.optimizerName });
  const probe = new RunProbe('r', model, optimizer);
  const batcher = new Batcher({ dataset, batchSize, seed: 1, scaling: 'minmax' });
  const order = batcher.epochOrder(0);
  const variables = model.trainableVariables as tf.Variable[];
  const timeStep = async (i: number, probed: boolean): Promise<number> => {
    const batch = batcher.batch(order, i % batcher.batchesPerEpoch);
    const context = { training: true, noiseSeed: i };
    const started = performance.now();
    let loss: tf.Scalar;
    if (probed) {
      const stats = inputStatsOf(batch.x);
      const out = probe.step(batch, context, stats, { step: i, epoch: 1 });
      tf.dispose(Object.values(out.metrics));
      stats.dispose();
      loss = out.loss;
      const pending = probe.takePending()!;
      await pending.values.data();
      pending.values.dispose();
    } else {
      loss = tf.tidy(() => optimizer.minimize(() => model.loss(batch, context).loss, true, variables) as tf.Scalar);
    }
    await loss.data();
    const ms = performance.now() - started;
    tf.dispose([loss, batch.x, batch.y]);
    return ms;
  };
  try {
    for (let i = 0; i < 2; i++) {
      await timeStep(i, false);
      await timeStep(i, true);
    }
    const plain: number[] = [];
    const probed: number[] = [];
    for (let round = 0; round < probes; round++) {
      for (let i = 1; i < DEFAULT_PROBE_EVERY; i++) plain.push(await timeStep(i, false));
      probed.push(await timeStep(0, true));
    }
    return { plain: median(plain), probed: median(probed) };
  } finally {
    probe.dispose();
    optimizer.dispose();
    model.dispose();
  }
}

export async function probeTables(quick: boolean): Promise<void> {
  const dense = { architecture: 'dense', model: { hiddenUnits: [64, 64], activation: 'relu' as const }, label: 'spiral 2-64-64-2' };
  // The small dense net is the hard case: its steps are so cheap that a probe's fixed cost shows.
  const cases: readonly Case[] = [
    { backend: 'wasm', ...dense, optimizerName: 'adam', steps: quick ? 200 : 600 },
    { backend: 'cpu', ...dense, optimizerName: 'adam', steps: quick ? 200 : 600 },
    { backend: 'wasm', architecture: 'fcnn', label: 'fcnn', optimizerName: 'adam', steps: quick ? 20 : 60 },
    { backend: 'wasm', architecture: 'fcnn', label: 'fcnn', optimizerName: 'sgd', steps: quick ? 20 : 60 },
    { backend: 'wasm', architecture: 'mlp', label: 'mlp (E2)', optimizerName: 'adagrad', steps: quick ? 20 : 40 },
  ];
  console.log(`Probe overhead, throughput: the runner with probes every ${DEFAULT_PROBE_EVERY} steps (the lab's default) against probes off, same model, optimizer and batches (best of runs)`);
  const rows = [];
  for (const c of cases) {
    const { off, on } = await throughput(c, quick ? 1 : 2);
    rows.push({ backend: c.backend, model: c.label, optimizer: c.optimizerName, steps: c.steps, 'probes off samples/s': off.toFixed(1), 'probes on samples/s': on.toFixed(1), 'throughput lost': `${((1 - on / off) * 100).toFixed(1)}%`, target: '<= 10%' });
  }
  console.table(rows);

  console.log(`Probe overhead, per step: plain and probed steps interleaved (${DEFAULT_PROBE_EVERY - 1} to 1) in one loop, medians; overhead = (probed − plain) / (${DEFAULT_PROBE_EVERY} · plain)`);
  const perStep = [];
  for (const c of cases) {
    const { plain, probed } = await interleaved(c, c.architecture === 'dense' ? (quick ? 5 : 15) : quick ? 2 : 3);
    perStep.push({ backend: c.backend, model: c.label, optimizer: c.optimizerName, 'plain step ms': plain.toFixed(2), 'probed step ms': probed.toFixed(2), 'overhead at the default spacing': `${(((probed - plain) / (DEFAULT_PROBE_EVERY * plain)) * 100).toFixed(1)}%`, target: '<= 10%' });
  }
  console.table(perStep);
}
