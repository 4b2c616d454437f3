/**
 * What a probe costs per step, measured the way the lab spaces probes: in one loop,
 * DEFAULT_PROBE_EVERY − 1 plain steps, then one probed step (its read-back included),
 * over and over, on one model, optimizer and data; the median step time of each kind.
 * overhead = (probed − plain) / (DEFAULT_PROBE_EVERY · plain).
 *
 * Why interleaved rather than two whole runs: on a shared 2-core machine two runs a
 * minute apart differ by more than the probes cost; interleaving puts both kinds of
 * step under the same load. Every step is read back before the next starts, so on
 * WebGL a step's time is its whole pipeline, not its enqueueing. Used by bench:engine
 * (Node: wasm, cpu) and by bench:browser's worker (webgl, cpu).
 */
import * as tf from '@tensorflow/tfjs';
import { Batcher } from '../engine/data/batcher';
import type { Dataset } from '../engine/data/types';
import type { ModelOptions } from '../engine/experiment/config';
import { buildRequestedModel } from '../engine/experiment/run-experiment';
import { createOptimizer, type OptimizerConfig } from '../engine/optimizers/registry';
import { DEFAULT_PROBE_EVERY, inputStatsOf, RunProbe } from '../engine/training/probes';

export interface ProbeCostCase {
  readonly architecture: string;
  readonly model?: ModelOptions;
  readonly optimizerName: OptimizerConfig['name'];
  readonly batchSize: number;
  /** Probed steps to time; each comes with DEFAULT_PROBE_EVERY − 1 plain ones. */
  readonly rounds: number;
}

export interface ProbeCost {
  /** Median milliseconds of a plain and of a probed step. */
  readonly plainMs: number;
  readonly probedMs: number;
  /** Share of training time the probes add at the default spacing. */
  readonly overhead: number;
  readonly plainSteps: number;
  readonly probedSteps: number;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function measureProbeCost(c: ProbeCostCase, dataset: Dataset): Promise<ProbeCost> {
  const model = buildRequestedModel({
    architecture: c.architecture,
    options: c.model ?? {},
    inputShape: dataset.inputShape,
    numClasses: dataset.classNames.length,
    task: 'classification',
    seed: 1,
    modelId: `probe-cost-${tf.getBackend()}-${c.architecture}-${c.optimizerName}`,
  });
  const optimizer = createOptimizer({ name: c.optimizerName });
  const probe = new RunProbe('r', model, optimizer);
  const batcher = new Batcher({ dataset, batchSize: c.batchSize, seed: 1, scaling: 'minmax' });
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
      // Read with the loss, in parallel, as the runner's read-back does.
      const pending = probe.takePending()!;
      await Promise.all([pending.values.data(), loss.data()]);
      pending.values.dispose();
    } else {
      loss = tf.tidy(() => optimizer.minimize(() => model.loss(batch, context).loss, true, variables) as tf.Scalar);
      await loss.data();
    }
    const ms = performance.now() - started;
    tf.dispose([loss, batch.x, batch.y]);
    return ms;
  };
  try {
    // Warm-up: the first steps of each kind compile shaders (webgl) and allocate.
    for (let i = 0; i < 2; i++) {
      await timeStep(i, false);
      await timeStep(i, true);
    }
    const plain: number[] = [];
    const probed: number[] = [];
    for (let round = 0; round < c.rounds; round++) {
      for (let i = 1; i < DEFAULT_PROBE_EVERY; i++) plain.push(await timeStep(i, false));
      probed.push(await timeStep(0, true));
    }
    const plainMs = median(plain);
    const probedMs = median(probed);
    return { plainMs, probedMs, overhead: (probedMs - plainMs) / (DEFAULT_PROBE_EVERY * plainMs), plainSteps: plain.length, probedSteps: probed.length };
  } finally {
    probe.dispose();
    optimizer.dispose();
    model.dispose();
  }
}
