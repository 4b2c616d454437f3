import * as tf from '@tensorflow/tfjs';
import type { Batch } from '../data/types';
import { ConfigError, assert } from '../../lib/errors';
import { createRng } from '../../lib/rng';
import type { SupervisedTask } from './catalog';
import type { InitializerName } from './names';
import { LayerStack, type LayerSummary, type StateUpdate } from './layer-stack';
import { realRows } from './real-rows';
import type { LayerSpec, Shape } from './layers/types';
import type { ForwardContext, LossOutput, TrainableModel } from './types';
import { getWeights, setWeights } from './weights';

export type { SupervisedTask } from './catalog';

export interface SequentialModelOptions {
  /** Shown to the user, e.g. 'fcnn'. */
  readonly name: string;
  readonly task: SupervisedTask;
  readonly layers: readonly LayerSpec[];
  /** One example's shape, e.g. [28, 28, 1], [32, 32, 3] or [2]. */
  readonly inputShape: Shape;
  /** Seeds the initial weights: one seed, the same weights on every backend. */
  readonly seed: number;
  /** For layers that name none. Default glorot_uniform (Keras). */
  readonly kernelInitializer?: InitializerName;
  /**
   * Prefix of the variables' names, unique among live models (tfjs registers variables
   * globally by name). Default `${name}-${n}` with a process-wide counter.
   */
  readonly modelId?: string;
}

/** Per-example loss and metric rows for one task; the model sums them over real rows. */
interface TaskRows {
  readonly loss: tf.Tensor1D;
  readonly metrics: Readonly<Record<string, tf.Tensor1D>>;
}

/**
 * Per-example rows by task.
 *
 * classification: logits z [B, C], integer labels y [B];
 *   loss_i = -log softmax(z_i)[y_i] = logsumexp(z_i) - z_i[y_i]  (stable log-softmax form)
 *   correct_i = 1 if argmax(z_i) = y_i else 0
 * regression: outputs o [B, T], targets y [B, T] (or [B] when T = 1);
 *   loss_i = mean_t (o_it - y_it)^2  (Keras mean_squared_error)
 */
const taskRows: Record<SupervisedTask, (output: tf.Tensor, y: tf.Tensor) => TaskRows> = {
  classification(logits, y) {
    const [rows, classes] = logits.shape as [number, number];
    if (y.size !== rows) throw targetError(`${rows} integer labels`, y);
    const labels = (y.dtype === 'int32' ? y : tf.cast(y, 'int32')).reshape([rows]) as tf.Tensor1D;
    const logProbs = tf.logSoftmax(logits);
    const loss = tf.neg(tf.sum(tf.mul(tf.oneHot(labels, classes), logProbs), 1)) as tf.Tensor1D;
    const correct = tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32') as tf.Tensor1D;
    return { loss, metrics: { correct } };
  },
  regression(output, y) {
    const target = y.shape.length === 1 ? tf.reshape(y, [y.shape[0]!, 1]) : y;
    // Checked, not broadcast: [B, 1] outputs against [B, 3] targets would broadcast silently.
    if (target.shape.length !== 2 || target.shape[0] !== output.shape[0] || target.shape[1] !== output.shape[1]) {
      throw targetError(`targets [${output.shape.join(', ')}]`, y);
    }
    const loss = tf.mean(tf.squaredDifference(output, tf.cast(target, 'float32')), 1) as tf.Tensor1D;
    return { loss, metrics: {} };
  },
};

function targetError(expected: string, y: tf.Tensor): ConfigError {
  return new ConfigError('bad-targets', expected, `${y.dtype} [${y.shape.join(', ')}]`, 'batch.y');
}

let modelCounter = 0;

/**
 * A sequential network of our own layers (variables + tf ops, no tfjs-layers), for
 * classification or regression.
 *
 * `loss(batch, ctx)`: the mean over the batch's `size` real rows of the per-example loss
 * (above), plus the L2 penalty sum_k l2_k * sum(kernel_k^2) (Keras's regularizers.l2).
 * Metrics, summed over real rows and without the penalty: `lossSum`, and for classifiers
 * `correct`. Padding rows (index >= batch.size, in evaluation batches) count nowhere.
 *
 * Use inside `optimizer.minimize`:
 * ```ts
 * const ctx = { training: true, noiseSeed: hashSeed(runSeed, step) };
 * let correct: tf.Scalar | undefined;
 * const loss = optimizer.minimize(() => {
 *   const out = model.loss(batch, ctx);
 *   correct = tf.keep(out.metrics.correct!); // minimize's tidy disposes all it does not return
 *   return out.loss;
 * }, true, [...model.trainableVariables]);
 * model.applyStateUpdates();                 // BatchNorm moving statistics, after the step
 * // ...dispose loss and correct once read.
 * ```
 */
export class SequentialModel implements TrainableModel {
  readonly name: string;
  readonly task: SupervisedTask;
  readonly modelId: string;
  readonly seed: number;
  readonly inputShape: Shape;
  readonly outputShape: Shape;
  readonly trainableVariables: readonly tf.Variable[];
  readonly allVariables: readonly tf.Variable[];
  /** The layer specs the model was built from (for records and the UI). */
  readonly specs: readonly LayerSpec[];
  private readonly stack: LayerStack;
  private pending: StateUpdate[] = [];

  constructor(options: SequentialModelOptions) {
    this.name = options.name;
    this.task = options.task;
    this.seed = options.seed;
    this.specs = options.layers;
    if (!Number.isFinite(options.seed)) {
      throw new ConfigError('bad-model', 'a finite seed', String(options.seed), 'seed');
    }
    this.modelId = options.modelId ?? `${options.name}-${++modelCounter}`;
    this.stack = new LayerStack(options.layers, options.inputShape, {
      scope: this.modelId,
      rng: createRng(options.seed),
      ...(options.kernelInitializer ? { kernelInitializer: options.kernelInitializer } : {}),
    });
    this.inputShape = this.stack.inputShape;
    this.outputShape = this.stack.outputShape;
    const units = this.outputShape[0] ?? 0;
    const minUnits = this.task === 'classification' ? 2 : 1;
    if (this.outputShape.length !== 1 || units < minUnits) {
      this.stack.dispose();
      throw new ConfigError(
        'bad-model',
        `a ${this.task} output of shape [units >= ${minUnits}] (end with a dense layer)`,
        `[${this.outputShape.join(', ')}]`,
        'layers',
      );
    }
    this.trainableVariables = this.stack.trainableVariables;
    this.allVariables = this.stack.allVariables;
  }

  get layers(): LayerStack['layers'] {
    return this.stack.layers;
  }

  /**
   * The forward pass in either mode, [B, ...inputShape] → [B, ...outputShape]. Training
   * mode replaces the pending state updates with this pass's. Caller disposes the result.
   */
  apply(x: tf.Tensor, ctx: ForwardContext): tf.Tensor {
    return this.run(ctx, () => this.stack.apply(x, ctx, this.collector(ctx)));
  }

  /** Logits (classification) or outputs (regression), inference mode. Caller disposes. */
  predict(x: tf.Tensor): tf.Tensor {
    const ctx: ForwardContext = { training: false, noiseSeed: 0 };
    return tf.tidy(() => this.stack.apply(x, ctx, () => undefined));
  }

  loss(batch: Batch, ctx: ForwardContext): LossOutput {
    const rows = batch.x.shape[0] ?? 0;
    assert(
      Number.isInteger(batch.size) && batch.size >= 1 && batch.size <= rows,
      `batch.size ${batch.size} must be an integer in [1, ${rows}]`,
    );
    return this.run(ctx, () => {
      const output = this.stack.apply(batch.x, ctx, this.collector(ctx));
      const perRow = taskRows[this.task](output, batch.y);
      const real = realRows(rows, batch.size);
      const lossSum = real(perRow.loss);
      const metrics: Record<string, tf.Scalar> = { lossSum };
      for (const [name, values] of Object.entries(perRow.metrics)) metrics[name] = real(values);
      const mean = tf.div(lossSum, batch.size) as tf.Scalar;
      const penalty = this.stack.penalty();
      const loss = penalty ? (tf.add(mean, penalty) as tf.Scalar) : mean;
      return { loss, metrics };
    });
  }

  /** The L2 penalty alone (0 when no kernel is regularised). Caller disposes. */
  penalty(): tf.Scalar {
    return tf.tidy(() => this.stack.penalty() ?? tf.scalar(0));
  }

  applyStateUpdates(): void {
    const updates = this.pending;
    this.pending = [];
    for (const { variable, value } of updates) {
      variable.assign(value);
      value.dispose();
    }
  }

  /** Drops (and disposes) updates collected but not applied, e.g. after a failed step. */
  discardStateUpdates(): void {
    for (const { value } of this.pending) value.dispose();
    this.pending = [];
  }

  /** Whether a training-mode pass left updates that applyStateUpdates has not applied. */
  get hasPendingStateUpdates(): boolean {
    return this.pending.length > 0;
  }

  countParams(): { trainable: number; nonTrainable: number } {
    return this.stack.countParams();
  }

  /** Keras-like summary rows: layer, output shape, parameters. */
  summary(): LayerSummary[] {
    return this.stack.summary();
  }

  /** Snapshot of all variables (see ./weights). Caller disposes. */
  getWeights(): tf.Tensor[] {
    return getWeights(this);
  }

  /** Restores a snapshot from getWeights. The caller keeps ownership of `weights`. */
  setWeights(weights: readonly tf.Tensor[]): void {
    setWeights(this, weights);
  }

  get isDisposed(): boolean {
    return this.stack.isDisposed;
  }

  dispose(): void {
    this.discardStateUpdates();
    this.stack.dispose();
  }

  private collector(ctx: ForwardContext): (update: StateUpdate) => void {
    if (!ctx.training) return () => undefined;
    return (update) => {
      // Kept: these outlive the caller's tidy (and minimize's) until applyStateUpdates.
      this.pending.push({ variable: update.variable, value: tf.keep(update.value) });
    };
  }

  /**
   * Runs a forward computation in a tidy. A training-mode pass first discards updates left
   * by an earlier one (the last pass wins); if it throws, its own updates are dropped.
   */
  private run<T>(ctx: ForwardContext, f: () => T): T {
    if (ctx.training) this.discardStateUpdates();
    try {
      return tf.tidy(f as () => tf.TensorContainer) as T;
    } catch (error) {
      if (ctx.training) this.discardStateUpdates();
      throw error;
    }
  }
}

export function createSequentialModel(options: SequentialModelOptions): SequentialModel {
  return new SequentialModel(options);
}
