import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrainTestSplit } from '../../src/engine/data/types';
import { parseExperiment } from '../../src/engine/experiment/config';
import { presets } from '../../src/engine/experiment/presets';
import { runExperiment } from '../../src/engine/experiment/run-experiment';
import type { BatchRecord, EpochRecord } from '../../src/engine/training/types';
import { loadRealFashionMnist } from '../helpers/fashion-mnist';

/**
 * VAE1 learns the real images. On tfjs's wasm backend (the fastest in Node: its
 * convolutions, with the lab's own Conv2DBackpropFilter for their gradient), 200 steps
 * of 8 images take about 20 s on an idle two-core machine.
 */
let split: TrainTestSplit;
beforeAll(async () => {
  split = await loadRealFashionMnist();
  expect(await tf.setBackend('wasm')).toBe(true);
});

describe('VAE1 on real Fashion-MNIST', () => {
  it('with Adam, its loss (squared error + KL per image) falls clearly within 200 steps', async () => {
    const vae1 = presets['e1-vae1']!.config;
    const batches: BatchRecord[] = [];
    const epochs: EpochRecord[] = [];
    const started = performance.now();
    const result = await runExperiment({
      plan: parseExperiment({
        ...vae1,
        name: 'vae1-adam-200-steps',
        dataset: { name: 'fashion-mnist', subset: 400, validation: 'test', testSubset: 100 },
        training: { ...vae1.training, epochs: 4, batchSize: 8, evalBatchSize: 100 },
        runs: [{ id: 'adam', optimizer: { name: 'adam' } }],
      }),
      split,
      callbacks: { onBatches: (records) => void batches.push(...records), onEpoch: (record) => void epochs.push(record) },
    });
    const seconds = (performance.now() - started) / 1000;
    const firstSteps = batches.slice(0, 10).reduce((sum, b) => sum + b.loss, 0) / 10;
    const last = epochs.at(-1)!;
    console.log(
      `VAE1 + Adam, 200 steps of 8: first 10 steps ${firstSteps.toFixed(1)}, last epoch ${last.loss.toFixed(1)} ` +
        `(reconstruction ${last.reconstruction!.toFixed(1)} + KL ${last.kl!.toFixed(2)}), validation ${epochs.map((e) => e.valLoss!.toFixed(1)).join(' → ')}, ${seconds.toFixed(0)} s`,
    );
    expect(result.runs[0]!.status).toBe('completed');
    expect(batches).toHaveLength(200);
    expect(last.loss).toBeLessThan(0.6 * firstSteps);
    expect(last.valLoss!).toBeLessThan(0.85 * epochs[0]!.valLoss!);
    expect(last.kl).toBeGreaterThan(0);
    expect(last.reconstruction! + last.kl!).toBeCloseTo(last.loss, 2);
  });
});
