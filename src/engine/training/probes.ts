/**
 * The runner's probes: an instrumented optimizer step that also measures what the
 * optimizer saw and did, every `every` steps of a run (see probe-types.ts for what is
 * reported). Cheap enough to leave on:
 *
 * - the step is the very one `optimizer.minimize(f, true, vars)` takes (tfjs's minimize
 *   is `variableGrads` then `applyGradients` with the gradients in `vars` order; so is
 *   this), so a probed run's weights are bit-identical to an unprobed run's;
 * - every statistic is a reduction computed on the backend in one `tf.tidy`, with few
 *   kernels (probe-measures.ts), into one small vector per probe; the vectors wait on the
 *   backend and are read back with the losses, in one transfer (never `dataSync`);
 * - the effective steps are taken at a fixed sample of at most SAMPLE_PER_VARIABLE
 *   parameters per variable (the same positions at every probe and in every run), read
 *   back with the rest, and summarised in JS (histogram and exact quantiles), each
 *   sampled parameter weighted by its variable's size over its sample.
 *
 * A probe owns what it creates: the sample positions live until `dispose`, and every
 * pending vector until it is taken.
 */
import * as tf from '@tensorflow/tfjs';
import type { Batch } from '../data/types';
import type { ForwardContext, ObservedLayer, TrainableModel } from '../models/types';
import { KerasOptimizer } from '../optimizers/base';
import { introspectionOf } from '../optimizers/introspection';
import { deadShareOf, layerSquares, meanOfAll, StepSample } from './probe-measures';
import { constantStepSizes, sampledStepSizes } from './probe-step-sizes';
import type { InputStats, LayerProbe, ProbeSample, StepSizeHistogram } from './probe-types';

export { inputStatsOf, SAMPLE_PER_VARIABLE } from './probe-measures';

/**
 * Probe every this many steps by default: the overhead measured by `npm run bench:engine`
 * ("Probe overhead") stays under 10% of training throughput at this spacing.
 */
export const DEFAULT_PROBE_EVERY = 20;

export interface ProbeOptions {
  /** Probe at a run's first step and every this many steps. */
  readonly every: number;
}

/** The layer a variable belongs to: the part of its name before the variable's own (`.../2_dense/kernel`). */
export function layerOf(variable: tf.Variable): string {
  const parts = variable.name.split('/');
  return parts.length >= 2 ? parts[parts.length - 2]! : variable.name;
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
  /** Offset of the sampled effective steps (as many as the sample's weights); absent without introspection. */
  readonly steps?: number;
  /** A step that is one number for every parameter (SGD, Lion): summarised in JS, nothing read back. */
  readonly constantStep?: number;
  readonly length: number;
}

export class RunProbe {
  private readonly groups: readonly LayerGroup[];
  private readonly groupNames: ReadonlySet<string>;
  private readonly sample: StepSample;
  private readonly parameters: number;
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
    this.sample = new StepSample(model.trainableVariables);
    this.parameters = this.groups.reduce((n, g) => n + g.size, 0);
  }

  /**
   * One optimizer step on `batch`, exactly as `optimizer.minimize(loss, true, vars)`
   * takes it, measured. Returns the loss and the model's metrics but `lossSum` (`correct`,
   * or a VAE's `reconstruction` and `kl`) for the caller to own, like minimize's cost. `inputStats` is the batch's inputStatsOf (the caller's);
   * `onStepped` is called once the update is applied, before the measuring.
   */
  step(
    batch: Batch,
    context: ForwardContext,
    inputStats: tf.Tensor1D,
    at: { step: number; epoch: number },
    onStepped?: () => void,
  ): { loss: tf.Scalar; metrics: Record<string, tf.Scalar> } {
    const variables = this.model.trainableVariables as tf.Variable[];
    // Clones, never the variables themselves: the step assigns new values to the variables,
    // and a clone keeps the old ones (it shares their data: no copy).
    const before = this.groups.map((g) => g.variables.map((v) => tf.clone(v)));
    const dead: { layer: string; share: tf.Scalar }[] = [];
    const metrics: Record<string, tf.Scalar> = {};
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
        for (const [name, value] of Object.entries(out.metrics)) if (name !== 'lossSum') metrics[name] = tf.keep(value);
        return out.loss;
      }, variables);
      const { grads } = computed;
      this.optimizer.applyGradients(variables.map((v) => ({ name: v.name, tensor: grads[v.name]! })));
      onStepped?.();
      this.pending.push(this.measure(grads, before, dead, inputStats, at));
      return { loss: computed.value, metrics };
    } catch (error) {
      computed?.value.dispose();
      tf.dispose(Object.values(metrics));
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
    this.sample.dispose();
  }

  private measure(
    grads: tf.NamedTensorMap,
    before: readonly (readonly tf.Tensor[])[],
    dead: readonly { layer: string; share: tf.Scalar }[],
    inputStats: tf.Tensor1D,
    at: { step: number; epoch: number },
  ): { values: tf.Tensor1D; layout: Layout } {
    const keras = this.optimizer instanceof KerasOptimizer ? this.optimizer : undefined;
    const t = this.optimizer.iterations;
    const learningRate = keras ? keras.learningRateAt(t - 1) : Number.NaN;
    const introspection = keras ? introspectionOf(keras.kerasName) : undefined;
    const hyperparameters = keras?.hyperparameters as Record<string, unknown>;
    const slotsOf = (v: tf.Variable) => keras!.slotsOf(v);

    return tf.tidy(() => {
      const parts: tf.Tensor1D[] = [inputStats];
      let length = 4;
      const add = (vector: tf.Tensor1D): number => {
        parts.push(vector);
        length += vector.shape[0];
        return length - vector.shape[0];
      };
      const scalars: tf.Scalar[] = [];
      const moment = (pick: (v: tf.Variable) => tf.Tensor | undefined, vars: readonly tf.Variable[], absolute: boolean): number | undefined => {
        const tensors = vars.map(pick);
        if (tensors.some((m) => m === undefined)) return undefined;
        return scalars.push(meanOfAll(tensors as tf.Tensor[], absolute)) - 1;
      };
      const layers = this.groups.map((group, i) => {
        const offset = add(layerSquares(group.variables.map((v) => grads[v.name]!), group.variables, before[i]!));
        const first = introspection ? moment((v) => introspection.firstMoment(slotsOf(v)), group.variables, true) : undefined;
        const second = introspection ? moment((v) => introspection.secondMoment(slotsOf(v), hyperparameters), group.variables, false) : undefined;
        return { offset, first, second };
      });
      const deadAt = dead.map(({ share }) => scalars.push(share) - 1);
      const scalarsAt = scalars.length > 0 ? add(tf.stack(scalars) as tf.Tensor1D) : 0;
      let steps: number | undefined;
      let constantStep: number | undefined;
      if (introspection) {
        const step = introspection.effectiveStep({ slots: this.sample.slots(slotsOf), hyperparameters, lr: learningRate, t });
        if (typeof step === 'number') constantStep = step;
        else steps = add(step as tf.Tensor1D);
      }
      const at0 = (index: number | undefined) => (index === undefined ? undefined : scalarsAt + index);
      return {
        values: tf.concat(parts) as tf.Tensor1D,
        layout: {
          step: at.step,
          epoch: at.epoch,
          learningRate,
          layers: layers.map(({ offset, first, second }) => ({ offset, first: at0(first), second: at0(second) })),
          dead: dead.map(({ layer }, k) => ({ layer, offset: scalarsAt + deadAt[k]! })),
          ...(steps !== undefined ? { steps } : {}),
          ...(constantStep !== undefined ? { constantStep } : {}),
          length,
        },
      };
    });
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
      ...(stepSizes ? { stepSizes } : {}),
    };
  }

  /** The constant step's summary, or the sampled steps' (read back from the backend). */
  private histogram(values: Float32Array, layout: Layout): StepSizeHistogram | undefined {
    if (layout.constantStep !== undefined) return constantStepSizes(layout.constantStep, this.parameters);
    if (layout.steps === undefined) return undefined;
    const weights = this.sample.weights;
    return sampledStepSizes(values.subarray(layout.steps, layout.steps + weights.length), weights);
  }
}
