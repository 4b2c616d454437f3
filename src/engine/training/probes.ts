/**
 * The runner's probes: an instrumented optimizer step that also measures what the
 * optimizer saw and did, every `every` steps of a run (see probe-types.ts for what is
 * reported). Cheap enough to leave on:
 *
 * - the step is the very one `optimizer.minimize(f, true, vars)` takes (tfjs's minimize
 *   is `variableGrads` then `applyGradients` with the gradients in `vars` order; so is
 *   this), so a probed run's weights are bit-identical to an unprobed run's;
 * - every statistic is a reduction computed on the backend in one `tf.tidy`, into one
 *   small vector per probe; the vectors wait on the backend and are read back with the
 *   losses, in one transfer (never `dataSync`);
 * - the effective-step histogram is taken over a fixed sample of at most
 *   SAMPLE_PER_VARIABLE parameters per variable (the same positions at every probe and
 *   in every run), weighted by the variable's size, instead of over every parameter.
 *
 * A probe owns what it creates: the sample positions live until `dispose`, and every
 * pending vector until it is taken.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, hashSeed } from '../../lib/rng';
import type { Batch } from '../data/types';
import type { ForwardContext, ObservedLayer, TrainableModel } from '../models/types';
import { KerasOptimizer } from '../optimizers/base';
import { introspectionOf } from '../optimizers/introspection';
import { STEP_SIZE_BIN_COUNT, stepSizeBinEdge, type InputStats, type LayerProbe, type ProbeSample } from './probe-types';

/**
 * Probe every this many steps by default: the overhead measured by `npm run bench:engine`
 * ("Probe overhead") stays under 10% of training throughput at this spacing.
 */
export const DEFAULT_PROBE_EVERY = 20;

/** Parameters per variable whose effective step enters the histogram. */
export const SAMPLE_PER_VARIABLE = 4096;

export interface ProbeOptions {
  /** Probe at a run's first step and every this many steps. */
  readonly every: number;
}

/** [min, max, mean, std] of a batch's inputs. Caller disposes. */
export function inputStatsOf(x: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x);
    return tf.stack([tf.min(x), tf.max(x), mean, tf.sqrt(variance)]) as tf.Tensor1D;
  });
}

/** The layer a variable belongs to: the part of its name before the variable's own (`.../2_dense/kernel`). */
export function layerOf(variable: tf.Variable): string {
  const parts = variable.name.split('/');
  return parts.length >= 2 ? parts[parts.length - 2]! : variable.name;
}

/** Share of units (last axis) whose output is ≤ 0 everywhere in the batch. */
function deadShareOf(output: tf.Tensor): tf.Scalar {
  const axes = output.shape.slice(0, -1).map((_, i) => i);
  return tf.mean(tf.cast(tf.lessEqual(tf.max(output, axes), 0), 'float32'));
}

interface LayerGroup {
  readonly name: string;
  readonly variables: readonly tf.Variable[];
  readonly size: number;
}

/** Where each statistic sits in a probe's vector, so `decode` can read it back. */
interface Layout {
  readonly step: number;
  readonly epoch: number;
  readonly learningRate: number;
  /** Per layer group: offset of [gradSq, weightSq, deltaSq, beforeSq], then of the optional moments. */
  readonly layers: readonly { offset: number; first?: number; second?: number }[];
  readonly dead: readonly { layer: string; offset: number }[];
  /** Offset of the weighted counts of sampled steps below each inner bin edge; absent without introspection. */
  readonly below?: number;
  /** Steps that are one number for a whole variable (SGD, Lion): bin counts added in JS. */
  readonly constantCounts?: readonly number[];
  readonly length: number;
}

const sumSquares = (tensors: readonly tf.Tensor[]): tf.Scalar => tf.addN(tensors.map((t) => tf.sum(tf.square(t)))) as tf.Scalar;

/** The bin a step size falls in (non-finite ones in the last, as on the backend). */
function binOf(step: number): number {
  if (!Number.isFinite(step)) return STEP_SIZE_BIN_COUNT - 1;
  let bin = 0;
  while (bin < STEP_SIZE_BIN_COUNT - 1 && step >= stepSizeBinEdge(bin + 1)) bin++;
  return bin;
}

const INNER_EDGES = Array.from({ length: STEP_SIZE_BIN_COUNT - 1 }, (_, i) => stepSizeBinEdge(i + 1));

export class RunProbe {
  private readonly groups: readonly LayerGroup[];
  private readonly groupNames: ReadonlySet<string>;
  private readonly samples = new Map<tf.Variable, tf.Tensor1D | null>();
  private pending: { values: tf.Tensor1D; layout: Layout }[] = [];

  constructor(
    private readonly runId: string,
    private readonly model: TrainableModel,
    private readonly optimizer: tf.Optimizer,
  ) {
    const byLayer = new Map<string, tf.Variable[]>();
    for (const variable of model.trainableVariables) {
      const name = layerOf(variable);
      byLayer.set(name, [...(byLayer.get(name) ?? []), variable]);
    }
    this.groups = [...byLayer].map(([name, variables]) => ({ name, variables, size: variables.reduce((n, v) => n + v.size, 0) }));
    this.groupNames = new Set(byLayer.keys());
  }

  /**
   * One optimizer step on `batch`, exactly as `optimizer.minimize(loss, true, vars)`
   * takes it, measured. Returns the loss (and the batch's correct count) for the caller
   * to own, like minimize's cost. `inputStats` is the batch's inputStatsOf (the caller's);
   * `onStepped` is called once the update is applied, before the measuring.
   */
  step(
    batch: Batch,
    context: ForwardContext,
    inputStats: tf.Tensor1D,
    at: { step: number; epoch: number },
    onStepped?: () => void,
  ): { loss: tf.Scalar; correct?: tf.Scalar } {
    const variables = this.model.trainableVariables as tf.Variable[];
    const before = variables.map((v) => v.clone());
    const dead: { layer: string; share: tf.Scalar }[] = [];
    const metrics: { correct?: tf.Scalar } = {};
    let lastWithVariables: string | undefined;
    const names = this.groupNames;
    const onLayerOutput = (layer: ObservedLayer, output: tf.Tensor) => {
      if (names.has(layer.name)) lastWithVariables = layer.name;
      // A bare ReLU layer's units are those of the layer with weights before it.
      if (layer.activation === 'relu') dead.push({ layer: names.has(layer.name) ? layer.name : (lastWithVariables ?? layer.name), share: tf.keep(deadShareOf(output)) });
    };
    let computed: { value: tf.Scalar; grads: tf.NamedTensorMap } | undefined;
    try {
      computed = tf.variableGrads(() => {
        const out = this.model.loss(batch, { ...context, onLayerOutput });
        if (out.metrics.correct) metrics.correct = tf.keep(out.metrics.correct);
        return out.loss;
      }, variables);
      const { grads } = computed;
      this.optimizer.applyGradients(variables.map((v) => ({ name: v.name, tensor: grads[v.name]! })));
      onStepped?.();
      this.pending.push(this.measure(grads, before, dead, inputStats, at));
      return { loss: computed.value, correct: metrics.correct };
    } catch (error) {
      computed?.value.dispose();
      metrics.correct?.dispose();
      throw error;
    } finally {
      if (computed) tf.dispose(computed.grads);
      tf.dispose(before);
      dead.forEach((d) => d.share.dispose());
    }
  }

  /** Every probe vector taken since the last call, concatenated (caller disposes), and how to read it. */
  takePending(): { values: tf.Tensor1D; decode: (values: Float32Array) => ProbeSample[] } | undefined {
    const pending = this.pending;
    if (pending.length === 0) return undefined;
    this.pending = [];
    const values = tf.concat(pending.map((p) => p.values)) as tf.Tensor1D;
    pending.forEach((p) => p.values.dispose());
    return {
      values,
      decode: (all) => {
        let offset = 0;
        return pending.map(({ layout }) => {
          const sample = this.decode(all.subarray(offset, offset + layout.length), layout);
          offset += layout.length;
          return sample;
        });
      },
    };
  }

  dispose(): void {
    this.pending.forEach((p) => p.values.dispose());
    this.pending = [];
    this.samples.forEach((indices) => indices?.dispose());
    this.samples.clear();
  }

  private measure(
    grads: tf.NamedTensorMap,
    before: readonly tf.Tensor[],
    dead: readonly { layer: string; share: tf.Scalar }[],
    inputStats: tf.Tensor1D,
    at: { step: number; epoch: number },
  ): { values: tf.Tensor1D; layout: Layout } {
    const variables = this.model.trainableVariables;
    const beforeOf = new Map(variables.map((v, i) => [v, before[i]!]));
    const keras = this.optimizer instanceof KerasOptimizer ? this.optimizer : undefined;
    const t = this.optimizer.iterations;
    const learningRate = keras ? keras.learningRateAt(t - 1) : Number.NaN;
    const introspection = keras ? introspectionOf(keras.kerasName) : undefined;
    const slotsOf = (v: tf.Variable) => keras!.slotsOf(v);
    for (const v of variables) if (!this.samples.has(v)) this.samples.set(v, this.sampleIndices(v));

    return tf.tidy(() => {
      const scalars: tf.Scalar[] = [];
      const at0 = 4; // after the input statistics
      const push = (s: tf.Scalar): number => scalars.push(s) - 1 + at0;
      const layers = this.groups.map(({ variables: vars, size }) => {
        const offset = push(sumSquares(vars.map((v) => grads[v.name]!)));
        push(sumSquares(vars));
        push(sumSquares(vars.map((v) => tf.sub(v, beforeOf.get(v)!))));
        push(sumSquares(vars.map((v) => beforeOf.get(v)!)));
        const meanOver = (pick: (v: tf.Variable) => tf.Tensor | undefined, absolute: boolean): number | undefined => {
          const parts = vars.map(pick);
          if (!introspection || parts.some((p) => p === undefined)) return undefined;
          return push(tf.div(tf.addN(parts.map((p) => tf.sum(absolute ? tf.abs(p!) : p!))), size) as tf.Scalar);
        };
        const first = meanOver((v) => introspection?.firstMoment(slotsOf(v)), true);
        const second = meanOver((v) => introspection?.secondMoment(slotsOf(v), keras!.hyperparameters as Record<string, unknown>), false);
        return { offset, ...(first !== undefined ? { first } : {}), ...(second !== undefined ? { second } : {}) };
      });
      const deadOffsets = dead.map(({ layer, share }) => ({ layer, offset: push(share) }));
      const parts: tf.Tensor[] = [inputStats, tf.stack(scalars)];
      let below: number | undefined;
      let constantCounts: number[] | undefined;
      if (introspection && keras) {
        const edges = tf.tensor1d(INNER_EDGES);
        const counted: tf.Tensor[] = [];
        for (const v of variables) {
          const indices = this.samples.get(v)!;
          const sampled = indices ? Object.fromEntries(Object.entries(slotsOf(v)).map(([k, s]) => [k, tf.gather(s.reshape([-1]), indices)])) : slotsOf(v);
          const step = introspection.effectiveStep({ slots: sampled, hyperparameters: keras.hyperparameters as Record<string, unknown>, lr: learningRate, t });
          if (typeof step === 'number') {
            constantCounts ??= new Array<number>(STEP_SIZE_BIN_COUNT).fill(0);
            constantCounts[binOf(step)]! += v.size;
            continue;
          }
          const flat = step.reshape([-1, 1]);
          const weight = v.size / flat.shape[0]!;
          counted.push(tf.mul(tf.sum(tf.cast(tf.less(flat, edges.reshape([1, -1])), 'float32'), 0), weight));
        }
        if (counted.length > 0) {
          below = at0 + scalars.length;
          parts.push(tf.addN(counted));
        }
      }
      const values = tf.concat(parts.map((p) => p.reshape([-1]))) as tf.Tensor1D;
      const length = values.shape[0];
      return {
        values,
        layout: {
          step: at.step,
          epoch: at.epoch,
          learningRate,
          layers,
          dead: deadOffsets,
          ...(below !== undefined ? { below } : {}),
          ...(constantCounts ? { constantCounts } : {}),
          length,
        },
      };
    });
  }

  /** A fixed sample of positions in `v` (null: the whole variable), the same for every run with this layer. */
  private sampleIndices(v: tf.Variable): tf.Tensor1D | null {
    if (v.size <= SAMPLE_PER_VARIABLE) return null;
    // The name without the model id: every run of a comparison samples the same positions.
    const rng = createRng(hashSeed('probe-sample', v.name.split('/').slice(1).join('/')));
    const indices = new Int32Array(SAMPLE_PER_VARIABLE);
    for (let i = 0; i < indices.length; i++) indices[i] = rng.int(v.size);
    return tf.tensor1d(indices, 'int32');
  }

  private decode(values: Float32Array, layout: Layout): ProbeSample {
    const input: InputStats = { min: values[0]!, max: values[1]!, mean: values[2]!, std: values[3]! };
    const deadByLayer = new Map<string, number>();
    for (const { layer, offset } of layout.dead) deadByLayer.set(layer, Math.max(deadByLayer.get(layer) ?? 0, values[offset]!));
    const layers: LayerProbe[] = this.groups.map((group, i) => {
      const { offset, first, second } = layout.layers[i]!;
      const [gradSq, weightSq, deltaSq, beforeSq] = [0, 1, 2, 3].map((k) => values[offset + k]!) as [number, number, number, number];
      const dead = deadByLayer.get(group.name);
      return {
        layer: group.name,
        gradNorm: Math.sqrt(gradSq),
        weightNorm: Math.sqrt(weightSq),
        updateRatio: Math.sqrt(deltaSq) / Math.sqrt(beforeSq),
        ...(first !== undefined ? { firstMoment: values[first]! } : {}),
        ...(second !== undefined ? { secondMoment: values[second]! } : {}),
        ...(dead !== undefined ? { deadShare: dead } : {}),
      };
    });
    const stepSizes = this.histogram(values, layout);
    return {
      runId: this.runId,
      step: layout.step,
      epoch: layout.epoch,
      learningRate: layout.learningRate,
      input,
      layers,
      ...(stepSizes ? { stepSizes: { counts: stepSizes } } : {}),
    };
  }

  private histogram(values: Float32Array, layout: Layout): number[] | undefined {
    if (layout.below === undefined && !layout.constantCounts) return undefined;
    const counts = layout.constantCounts ? [...layout.constantCounts] : new Array<number>(STEP_SIZE_BIN_COUNT).fill(0);
    if (layout.below !== undefined) {
      const total = this.groups.reduce((n, g) => n + g.size, 0) - (layout.constantCounts?.reduce((a, b) => a + b, 0) ?? 0);
      let previous = 0;
      for (let i = 0; i < STEP_SIZE_BIN_COUNT; i++) {
        const below = i < STEP_SIZE_BIN_COUNT - 1 ? values[layout.below + i]! : total;
        counts[i]! += Math.max(0, below - previous);
        previous = below;
      }
    }
    return counts.map((c) => Math.round(c));
  }
}
