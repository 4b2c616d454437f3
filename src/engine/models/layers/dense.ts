import * as tf from '@tensorflow/tfjs';
import { activations, fusedActivations } from '../activations';
import type { BuiltLayer, DenseSpec, LayerKind, Penalty } from './types';
import { activation, initializer, nonNegative, positiveInt, requireRank } from './util';

/**
 * Dense: y = activation(x · W + b), W [in, units] (Keras kernel layout), b [units].
 * Runs as one fused matMul (bias and, where tfjs can, the activation folded in).
 */
export const dense: LayerKind<DenseSpec> = {
  randomInit: true,
  build(inputShape, spec, ctx): BuiltLayer {
    requireRank(inputShape, 1, 'dense', ctx.where);
    const units = positiveInt(spec.units, `${ctx.where}.units`);
    const act = activation(spec.activation, `${ctx.where}.activation`);
    const kernelInit = initializer(spec.kernelInitializer, ctx.defaultKernelInitializer, `${ctx.where}.kernelInitializer`);
    const biasInit = initializer(spec.biasInitializer, 'zeros', `${ctx.where}.biasInitializer`);
    const l2 = nonNegative(spec.l2, 0, `${ctx.where}.l2`);
    const useBias = spec.useBias ?? true;
    const inputUnits = inputShape[0]!;

    const kernel = ctx.createVariable('kernel', [inputUnits, units], kernelInit, true);
    const bias = useBias ? ctx.createVariable('bias', [units], biasInit, true) : undefined;
    const trainable = bias ? [kernel, bias] : [kernel];
    const penalties: Penalty[] = l2 > 0 ? [{ variable: kernel, l2 }] : [];
    const fused = fusedActivations[act];

    return {
      kind: 'dense',
      name: `${ctx.layerIndex}_dense`,
      index: ctx.layerIndex,
      inputShape,
      outputShape: [units],
      trainable,
      state: [],
      penalties,
      apply(x) {
        const y = tf.fused.matMul({ a: x as tf.Tensor2D, b: kernel as tf.Tensor2D, bias, activation: fused ?? 'linear' });
        return fused ? y : activations[act](y);
      },
    };
  },
};
