/**
 * bench:engine's probe tables: what the lab's probes (every DEFAULT_PROBE_EVERY steps)
 * cost in training throughput.
 *
 * 1. Throughput: the runner with probes against without, same model, optimizer and
 *    batches, alternated, best of the repeats. The headline, but on a shared machine
 *    two runs a minute apart can differ by more than the probes cost.
 * 2. Per step, interleaved (src/bench/probe-cost.ts): DEFAULT_PROBE_EVERY − 1 plain steps,
 *    then one probed step, over and over; the median of each kind.
 */
import * as tf from '@tensorflow/tfjs';
import { makeSpiral } from '../engine/data/synthetic';
import type { Dataset } from '../engine/data/types';
import { measureProbeCost } from '../bench/probe-cost';
import { DEFAULT_PROBE_EVERY } from '../engine/training/probes';
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
    await tf.setBackend(c.backend);
    const rounds = c.architecture === 'dense' ? (quick ? 5 : 15) : quick ? 2 : 3;
    const cost = await measureProbeCost({ ...c, batchSize: benchBatch[c.architecture]!, rounds }, caseData(c, 8));
    perStep.push({ backend: c.backend, model: c.label, optimizer: c.optimizerName, 'plain step ms': cost.plainMs.toFixed(2), 'probed step ms': cost.probedMs.toFixed(2), 'overhead at the default spacing': `${(cost.overhead * 100).toFixed(1)}%`, target: '<= 10%' });
  }
  console.table(perStep);
}
