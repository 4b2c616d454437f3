import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '../../lib/errors';
import type { Rng } from '../../lib/rng';
import { DEFAULT_KERNEL_INITIALIZER, type InitializerName } from './initializers';
import { layerKinds } from './layers';
import type { BuiltLayer, LayerApplyContext, LayerBuildContext, LayerKind, LayerSpec, Shape } from './layers/types';
import { makeVariable, positiveInt, sizeOf } from './layers/util';
import type { ActivationName } from './names';
import type { ForwardContext, ObservedLayer } from './types';

/** A state assignment produced by a training-mode pass, applied after the step. */
export interface StateUpdate {
  readonly variable: tf.Variable;
  readonly value: tf.Tensor;
}

export interface LayerStackOptions {
  /** Variable name prefix: variables are `${scope}/${index}_${kind}/${name}`. */
  readonly scope: string;
  /** Seeded stream for initial weights. */
  readonly rng: Rng;
  /** Kernel initializer for layers whose spec names none. Default glorot_uniform. */
  readonly kernelInitializer?: InitializerName;
  /**
   * Added to each layer's position to give its index (names, dropout seeds), so two
   * stacks of one model (a VAE's encoder and decoder) never share a dropout seed.
   */
  readonly indexOffset?: number;
  /** Prefix of error locations, e.g. `encoder.layers`. Default `layers`. */
  readonly where?: string;
}

/** One row of a Keras-like `model.summary()`. */
export interface LayerSummary {
  readonly name: string;
  readonly kind: string;
  readonly outputShape: Shape;
  readonly trainableParams: number;
  readonly nonTrainableParams: number;
}

/**
 * An ordered list of built layers: the functional core that models compose (a sequential
 * classifier is one stack; a VAE will be an encoder stack and a decoder stack).
 * Owns its variables; `dispose` releases them.
 */
export class LayerStack {
  readonly layers: readonly BuiltLayer[];
  readonly inputShape: Shape;
  readonly outputShape: Shape;
  readonly trainableVariables: readonly tf.Variable[];
  readonly stateVariables: readonly tf.Variable[];
  /** Per layer: trainable variables then state, Keras's `get_weights()` order. */
  readonly allVariables: readonly tf.Variable[];
  /** Per layer: its name and nonlinearity, as `ctx.onLayerOutput` reports them. */
  private readonly observed: readonly ObservedLayer[];
  private disposed = false;

  constructor(specs: readonly LayerSpec[], inputShape: Shape, options: LayerStackOptions) {
    const where = options.where ?? 'layers';
    inputShape.forEach((d, i) => positiveInt(d, `inputShape[${i}]`));
    if (specs.length === 0) throw new ConfigError('bad-model', 'at least one layer', 'none', where);
    const created: tf.Variable[] = [];
    const layers: BuiltLayer[] = [];
    const defaultKernelInitializer = options.kernelInitializer ?? DEFAULT_KERNEL_INITIALIZER;
    let shape: Shape = [...inputShape];
    let randomOrdinal = 0;
    try {
      specs.forEach((spec, position) => {
        const kind = layerKinds[spec.kind] as LayerKind<LayerSpec> | undefined;
        if (!kind) {
          throw new ConfigError('bad-layer', 'a known layer kind', String(spec.kind), `${where}[${position}].kind`);
        }
        const index = position + (options.indexOffset ?? 0);
        const scope = `${options.scope}/${index}_${spec.kind}`;
        // Forked by the ordinal among layers with random weights, not by position: toggling
        // dropout or batch norm leaves every other layer's initial weights unchanged.
        const rng = kind.randomInit ? options.rng.fork(`weights:${randomOrdinal++}`) : options.rng.fork(`layer:${index}`);
        const ctx: LayerBuildContext = {
          rng,
          scope,
          layerIndex: index,
          defaultKernelInitializer,
          where: `${where}[${position}]`,
          createVariable: (suffix, varShape, initializer, trainable) => {
            const variable = makeVariable(`${scope}/${suffix}`, varShape, initializer, rng.fork(suffix), trainable);
            created.push(variable);
            return variable;
          },
        };
        const layer = kind.build(shape, spec, ctx);
        layers.push(layer);
        shape = layer.outputShape;
      });
    } catch (error) {
      for (const v of created) v.dispose();
      throw error;
    }
    this.layers = layers;
    this.inputShape = [...inputShape];
    this.outputShape = shape;
    this.trainableVariables = layers.flatMap((l) => l.trainable);
    this.stateVariables = layers.flatMap((l) => l.state);
    this.allVariables = layers.flatMap((l) => [...l.trainable, ...l.state]);
    this.observed = layers.map((layer, i) => {
      const activation = (specs[i] as { activation?: ActivationName }).activation;
      return activation ? { name: layer.name, activation } : { name: layer.name };
    });
  }

  /**
   * Runs every layer on x [batch, ...inputShape]. Training-mode state updates go to
   * `addStateUpdate`. Call inside a tidy (intermediates are not disposed here).
   */
  apply(x: tf.Tensor, ctx: ForwardContext, addStateUpdate: (update: StateUpdate) => void): tf.Tensor {
    this.checkInput(x);
    const layerCtx: LayerApplyContext = {
      training: ctx.training,
      noiseSeed: ctx.noiseSeed,
      addStateUpdate: (variable, value) => addStateUpdate({ variable, value }),
    };
    let y = x;
    this.layers.forEach((layer, i) => {
      y = layer.apply(y, layerCtx);
      ctx.onLayerOutput?.(this.observed[i]!, y);
    });
    return y;
  }

  /** sum over penalised kernels of l2 * sum(kernel^2), or undefined when there are none. */
  penalty(): tf.Scalar | undefined {
    let total: tf.Scalar | undefined;
    for (const layer of this.layers) {
      for (const { variable, l2 } of layer.penalties) {
        const term = tf.mul(l2, tf.sum(tf.square(variable))) as tf.Scalar;
        total = total ? (tf.add(total, term) as tf.Scalar) : term;
      }
    }
    return total;
  }

  /** Like Keras's count_params: BatchNorm moving statistics are non-trainable. */
  countParams(): { trainable: number; nonTrainable: number } {
    const count = (vars: readonly tf.Variable[]): number => vars.reduce((n, v) => n + v.size, 0);
    return { trainable: count(this.trainableVariables), nonTrainable: count(this.stateVariables) };
  }

  summary(): LayerSummary[] {
    return this.layers.map((l) => ({
      name: l.name,
      kind: l.kind,
      outputShape: l.outputShape,
      trainableParams: l.trainable.reduce((n, v) => n + v.size, 0),
      nonTrainableParams: l.state.reduce((n, v) => n + v.size, 0),
    }));
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const v of this.allVariables) v.dispose();
  }

  private checkInput(x: tf.Tensor): void {
    if (this.disposed) throw new Error('internal invariant broken: model used after dispose()');
    const got = x.shape.slice(1);
    if (got.length !== this.inputShape.length || got.some((d, i) => d !== this.inputShape[i])) {
      throw new ConfigError(
        'bad-input-shape',
        `inputs [batch, ${this.inputShape.join(', ')}]`,
        `[${x.shape.join(', ')}]`,
        'model input',
      );
    }
    if (sizeOf(x.shape) === 0) throw new ConfigError('bad-input-shape', 'a non-empty batch', `[${x.shape.join(', ')}]`, 'model input');
  }
}
