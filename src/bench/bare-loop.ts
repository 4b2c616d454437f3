/**
 * The bare tfjs training loop `npm run bench:browser` measures the lab against: the same
 * model, optimizer, data, batches and scaling a one-run comparison of the lab would use
 * (from the same experiment config), stepped with nothing around it: no lock-step
 * runner, no loss read-backs, no records, no messages, no store, no charts. One
 * `tf.tidy(optimizer.minimize)` per batch (as RunState.trainStep and bench:engine do),
 * one read at the end to wait for the backend.
 *
 * With `galleryEvery`, a VAE also decodes its gallery (issue 4's reconstruction strip,
 * latent walk and samples, through the engine's own maker) after every that many steps,
 * as the lab must after each epoch: the same computation, none of the lab around it. On
 * the benchmark's epochs of 4 to 6 steps that decoding costs about as much as the
 * training, so a lab-against-bare gap without it would measure the gallery, not the lab.
 */
import * as tf from '@tensorflow/tfjs';
import { Batcher } from '../engine/data/batcher';
import type { TrainTestSplit } from '../engine/data/types';
import { parseExperiment, type ExperimentConfigInput } from '../engine/experiment/config';
import { prepareComparisonData } from '../engine/experiment/prepare-data';
import { buildRequestedModel } from '../engine/experiment/run-experiment';
import { VaeModel } from '../engine/models/vae';
import { createVaeGalleryMaker } from '../engine/models/vae-gallery';
import { createOptimizer, type OptimizerConfig } from '../engine/optimizers/registry';
import { hashSeed } from '../lib/rng';

export interface BareLoopRequest {
  /** A one-run experiment config: what the lab is given for the same measurement. */
  readonly config: ExperimentConfigInput;
  /** Steps before timing: kernels compile, optimizer slots are made. */
  readonly warmupSteps: number;
  readonly timedSteps: number;
  /** A VAE only: decode its gallery (from the test set, as the lab) after every this many steps, warm-up included. */
  readonly galleryEvery?: number;
}

export interface BareLoopResult {
  readonly batchSize: number;
  readonly steps: number;
  readonly seconds: number;
  readonly samplesPerSecond: number;
}

export async function runBareLoop(request: BareLoopRequest, split: TrainTestSplit): Promise<BareLoopResult> {
  const plan = parseExperiment(request.config);
  const { spec } = plan;
  const run = spec.runs[0]!;
  const batchSize = run.batchSize ?? spec.batchSize;
  const scaling = run.scaling ?? spec.scaling;
  if (batchSize === 'full' || scaling === 'standardize') throw new Error('the bare loop takes a fixed batch size and min-max or no scaling');
  const { train } = prepareComparisonData(plan, split);
  const batcher = new Batcher({ dataset: train, batchSize, seed: hashSeed(spec.seed, 'batches'), scaling });
  const model = buildRequestedModel({
    architecture: spec.architecture,
    options: { ...spec.model, ...run.model },
    inputShape: train.inputShape,
    numClasses: train.classNames.length,
    task: train.task,
    seed: spec.seed,
    modelId: `bare-${spec.architecture}`,
  });
  const optimizer = createOptimizer(run.optimizer as OptimizerConfig) as tf.Optimizer;
  if (request.galleryEvery !== undefined && !(model instanceof VaeModel)) throw new Error(`galleryEvery: expected a VAE, found ${spec.architecture}`);
  const gallery = request.galleryEvery !== undefined ? createVaeGalleryMaker({ source: split.test, seed: spec.seed }) : undefined;
  /** After step i: the epoch's gallery, when one is due (its read-back waits for the backend, as the lab's does). */
  const afterStep = async (i: number) => {
    if (gallery && (i + 1) % request.galleryEvery! === 0) await gallery.decode(model as VaeModel);
  };
  let order = batcher.epochOrder(0);
  const step = (i: number): tf.Scalar => {
    const index = i % batcher.batchesPerEpoch;
    if (index === 0 && i > 0) order = batcher.epochOrder(i / batcher.batchesPerEpoch);
    const batch = batcher.batch(order, index);
    try {
      const loss = tf.tidy(
        () =>
          optimizer.minimize(
            () => model.loss(batch, { training: true, noiseSeed: hashSeed(spec.seed, 'noise', i) }).loss,
            true,
            model.trainableVariables as tf.Variable[],
          ) as tf.Scalar,
      );
      model.applyStateUpdates();
      return loss;
    } finally {
      batch.x.dispose();
      batch.y.dispose();
    }
  };
  try {
    let last: tf.Scalar | undefined;
    for (let i = 0; i < request.warmupSteps; i++) {
      last?.dispose();
      last = step(i);
      await afterStep(i);
    }
    await last?.data();
    last?.dispose();
    last = undefined;
    const started = performance.now();
    for (let i = 0; i < request.timedSteps; i++) {
      last?.dispose();
      last = step(request.warmupSteps + i);
      await afterStep(request.warmupSteps + i);
    }
    await last?.data();
    last?.dispose();
    const seconds = (performance.now() - started) / 1000;
    return { batchSize, steps: request.timedSteps, seconds, samplesPerSecond: (request.timedSteps * batchSize) / seconds };
  } finally {
    optimizer.dispose();
    model.dispose();
  }
}
