import * as tf from '@tensorflow/tfjs';
import { evaluationBatches } from '../data/batcher';
import type { ChannelStats, Dataset, InputScaling } from '../data/types';
import type { TrainableModel } from '../models/types';

export interface EvaluationOptions {
  readonly batchSize: number;
  readonly scaling: InputScaling;
  readonly stats?: ChannelStats;
  /**
   * Also return each sample's predicted class (classifiers), for a confusion matrix, or
   * the model's output for the first PREDICTION_LIMIT samples (regression), for a plot.
   */
  readonly withPredictions?: boolean;
}

/** Regression outputs returned at most: enough points for a scatter plot, little to store. */
export const PREDICTION_LIMIT = 1000;

export interface Evaluation {
  /** Mean per-sample loss plus the model's weight penalty, as Keras's evaluate() reports. */
  readonly loss: number;
  readonly accuracy?: number;
  /** Per-sample means of the model's other metrics (a VAE's reconstruction and kl). */
  readonly metrics: Readonly<Record<string, number>>;
  readonly predictions?: Int32Array;
  /** Regression: the first output of the first PREDICTION_LIMIT samples. */
  readonly outputs?: Float32Array;
}

const inference = { training: false, noiseSeed: 0 } as const;

/**
 * Loss (and accuracy) over every sample of `dataset`, with fixed-shape batches. Sums stay
 * on the backend and are read back once, so evaluation does not stall the GPU per batch.
 * The model's task decides what a prediction is: a VAE on Fashion-MNIST has no classes.
 */
export async function evaluateModel(
  model: TrainableModel,
  dataset: Dataset,
  options: EvaluationOptions,
): Promise<Evaluation> {
  const classification = model.task === 'classification';
  let sums: Record<string, tf.Scalar> | undefined;
  let penalty: tf.Scalar | undefined;
  const predictionParts: tf.Tensor1D[] = [];
  const outputParts: tf.Tensor1D[] = [];
  let outputRows = 0;
  for (const batch of evaluationBatches(dataset, options.batchSize, options.scaling, options.stats)) {
    const out = tf.tidy(() => {
      const { loss, metrics } = model.loss(batch, inference);
      const rowLossSum = metrics.lossSum ?? tf.mul(loss, batch.size);
      // The penalty is the part of the loss that is not the mean row loss.
      const batchPenalty = tf.sub(loss, tf.div(rowLossSum, batch.size)) as tf.Scalar;
      const next: Record<string, tf.Scalar> = {};
      for (const [name, value] of Object.entries({ ...metrics, lossSum: rowLossSum })) {
        next[name] = (sums?.[name] ? tf.add(sums[name], value) : tf.clone(value)) as tf.Scalar;
      }
      return { sums: next, penalty: batchPenalty };
    });
    if (sums) tf.dispose(Object.values(sums));
    sums = out.sums;
    penalty?.dispose();
    penalty = out.penalty;
    if (classification && options.withPredictions) {
      predictionParts.push(
        tf.tidy(() => {
          const logits = model.predict(batch.x);
          return tf.argMax(logits, -1).slice([0], [batch.size]) as tf.Tensor1D;
        }),
      );
    }
    if (model.task === 'regression' && options.withPredictions && outputRows < PREDICTION_LIMIT) {
      const rows = Math.min(batch.size, PREDICTION_LIMIT - outputRows);
      outputParts.push(tf.tidy(() => model.predict(batch.x).slice([0, 0], [rows, 1]).reshape([rows]) as tf.Tensor1D));
      outputRows += rows;
    }
    batch.x.dispose();
    batch.y.dispose();
  }
  const names = Object.keys(sums ?? {});
  // Sums, penalty, predictions and outputs in flight together: one wait for the lot.
  const [values, predictions, outputs] = await Promise.all([
    Promise.all([...names.map((name) => sums![name]!.data()), penalty ? penalty.data() : Promise.resolve(new Float32Array([0]))]),
    readJoined(predictionParts),
    readJoined(outputParts),
  ]);
  if (sums) tf.dispose(Object.values(sums));
  penalty?.dispose();
  const perSample = Object.fromEntries(names.map((name, i) => [name, values[i]![0]! / dataset.count]));
  const { lossSum, correct, ...metrics } = perSample;
  return {
    loss: (lossSum ?? 0) + values.at(-1)![0]!,
    accuracy: classification ? (correct ?? 0) : undefined,
    metrics,
    predictions: predictions && Int32Array.from(predictions),
    outputs: outputs && Float32Array.from(outputs),
  };
}

/** The parts' values in order, in one read (and the parts disposed); undefined when there are none. */
async function readJoined(parts: tf.Tensor1D[]): Promise<tf.TypedArray | undefined> {
  if (parts.length === 0) return undefined;
  const joined = tf.concat(parts);
  const values = await joined.data();
  joined.dispose();
  parts.forEach((part) => part.dispose());
  return values;
}
