import * as tf from '@tensorflow/tfjs';
import { evaluationBatches } from '../data/batcher';
import type { ChannelStats, Dataset, InputScaling } from '../data/types';
import type { TrainableModel } from '../models/types';

export interface EvaluationOptions {
  readonly batchSize: number;
  readonly scaling: InputScaling;
  readonly stats?: ChannelStats;
  /** Also return each sample's predicted class (classifiers), for a confusion matrix. */
  readonly withPredictions?: boolean;
}

export interface Evaluation {
  /** Mean per-sample loss plus the model's weight penalty, as Keras's evaluate() reports. */
  readonly loss: number;
  readonly accuracy?: number;
  readonly predictions?: Int32Array;
}

const inference = { training: false, noiseSeed: 0 } as const;

/**
 * Loss (and accuracy) over every sample of `dataset`, with fixed-shape batches. Sums stay
 * on the backend and are read back once, so evaluation does not stall the GPU per batch.
 */
export async function evaluateModel(
  model: TrainableModel,
  dataset: Dataset,
  options: EvaluationOptions,
): Promise<Evaluation> {
  const classification = dataset.task === 'classification';
  let lossSum = tf.scalar(0);
  let correct = tf.scalar(0);
  let penalty: tf.Scalar | undefined;
  const predictionParts: tf.Tensor1D[] = [];
  const swap = (old: tf.Scalar, next: tf.Scalar): tf.Scalar => {
    old.dispose();
    return next;
  };
  for (const batch of evaluationBatches(dataset, options.batchSize, options.scaling, options.stats)) {
    const out = tf.tidy(() => {
      const { loss, metrics } = model.loss(batch, inference);
      const rowLossSum = metrics.lossSum ?? tf.mul(loss, batch.size);
      // The penalty is the part of the loss that is not the mean row loss.
      const batchPenalty = tf.sub(loss, tf.div(rowLossSum, batch.size));
      return {
        lossSum: tf.add(lossSum, rowLossSum) as tf.Scalar,
        correct: tf.add(correct, metrics.correct ?? 0) as tf.Scalar,
        penalty: batchPenalty as tf.Scalar,
      };
    });
    lossSum = swap(lossSum, out.lossSum);
    correct = swap(correct, out.correct);
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
    batch.x.dispose();
    batch.y.dispose();
  }
  const [lossValue, correctValue, penaltyValue] = await Promise.all([
    lossSum.data(),
    correct.data(),
    penalty ? penalty.data() : Promise.resolve(new Float32Array([0])),
  ]);
  lossSum.dispose();
  correct.dispose();
  penalty?.dispose();
  let predictions: Int32Array | undefined;
  if (predictionParts.length > 0) {
    const joined = tf.concat(predictionParts);
    predictions = Int32Array.from(await joined.data());
    joined.dispose();
    predictionParts.forEach((part) => part.dispose());
  }
  return {
    loss: lossValue[0]! / dataset.count + penaltyValue[0]!,
    accuracy: classification ? correctValue[0]! / dataset.count : undefined,
    predictions,
  };
}
