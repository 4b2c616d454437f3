/**
 * `npm run bench:sweep`: sweep throughput, runs per minute, for a small dense sweep on
 * the synthetic "prod" set and on Fashion-MNIST, with lock-step groups of 1, 4 and 8
 * runs (the same 8 trials each time), in Node on wasm and cpu; `--browser` adds the
 * same sweeps in headless Chromium through the whole lab (src/cli/bench-sweep-browser.ts).
 * Numbers, not pass/fail: shared machines are noisy, compare within one run.
 */
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import type { TrainTestSplit } from '../engine/data/types';
import { parseSweep, type SweepConfigInput } from '../engine/sweeps/sweep-config';
import { runSweep } from '../engine/sweeps/run-sweep';
import { loadSplit } from './load-split';

const quick = process.argv.includes('--quick');
const browser = process.argv.includes('--browser');

/** Eight trials: SGD and Adam at four log-spaced learning rates, dense nets, a few epochs. */
export function benchSweeps(groupSize: number): Record<'prod' | 'fashion-mnist', SweepConfigInput> {
  const grid: SweepConfigInput['grid'] = [
    { param: 'optimizer', values: { kind: 'list', values: ['sgd', 'adam'] } },
    { param: 'learning_rate', values: { kind: 'log', from: 1e-3, to: 1, count: 4 } },
  ];
  const training = { scaling: 'minmax', seed: 1, lossReadEvery: 10 } as const;
  return {
    prod: {
      name: `bench prod ×${groupSize}`,
      base: { name: 'b', dataset: { name: 'prod', count: 1000 }, architecture: 'dense', model: { hiddenUnits: [16, 16] }, training: { ...training, epochs: quick ? 2 : 5, batchSize: 50 }, runs: [{ optimizer: { name: 'sgd' } }] },
      grid,
      groupSize,
    },
    'fashion-mnist': {
      name: `bench fashion-mnist ×${groupSize}`,
      base: { name: 'b', dataset: { name: 'fashion-mnist', subset: 2000, testSubset: 500 }, architecture: 'dense', model: { hiddenUnits: [64] }, training: { ...training, epochs: quick ? 1 : 2, batchSize: 100 }, runs: [{ optimizer: { name: 'sgd' } }] },
      grid,
      groupSize,
    },
  };
}

export const GROUP_SIZES = [1, 4, 8] as const;

async function nodeRow(backend: string, dataset: 'prod' | 'fashion-mnist', groupSize: number, split: TrainTestSplit) {
  await tf.setBackend(backend);
  const plan = parseSweep(benchSweeps(groupSize)[dataset]);
  const { outcomes, seconds } = await runSweep({ plan, split });
  const steps = Object.values(outcomes).reduce((sum, o) => sum + o.steps, 0);
  return {
    dataset,
    backend,
    'group size': groupSize,
    runs: plan.trials.length,
    'run-steps': steps,
    seconds: seconds.toFixed(1),
    'runs per minute': ((plan.trials.length / seconds) * 60).toFixed(1),
    'run-steps per s': (steps / seconds).toFixed(0),
  };
}

async function main() {
  console.log(`tfjs ${tf.version.tfjs}, Node ${process.version}${quick ? ' (quick mode)' : ''}\n`);
  const splits = {
    prod: await loadSplit('prod', { seed: 1, count: 1000 }),
    'fashion-mnist': await loadSplit('fashion-mnist', { seed: 1 }),
  };
  const rows = [];
  for (const dataset of ['prod', 'fashion-mnist'] as const) {
    for (const backend of quick ? ['wasm'] : ['wasm', 'cpu']) {
      for (const groupSize of GROUP_SIZES) rows.push(await nodeRow(backend, dataset, groupSize, splits[dataset]));
    }
  }
  console.log('Sweep throughput in Node: 8 trials (SGD and Adam × 4 learning rates), dense nets, groups trained one after another');
  console.table(rows);
  if (browser) {
    const { benchSweepsInBrowser } = await import('./bench-sweep-browser');
    await benchSweepsInBrowser({ quick, sweeps: benchSweeps, groupSizes: GROUP_SIZES });
  }
}

await main();
