import * as tf from '@tensorflow/tfjs';
import { installConvBackpropFilterKernels } from '../conv-backprop-filter';
import { activations } from '../activations';
import type { BuiltLayer, Conv2dTransposeSpec, LayerKind, Padding, Penalty } from './types';
import {
  activation,
  initializer,
  nonNegative,
  padding,
  positiveInt,
  requirePositiveOutput,
  requireRank,
  size2d,
} from './util';

/** Keras `deconv_output_length` without output_padding: 'same' n*s, 'valid' n*s + max(k-s, 0). */
function transposedLength(n: number, k: number, s: number, pad: Padding): number {
  return pad === 'same' ? n * s : n * s + Math.max(k - s, 0);
}

/**
 * Conv2DTranspose on NHWC (for the VAE decoder): the gradient of a convolution with kernel
 * W [kh, kw, filters, inCh] (Keras and tfjs layout, so Keras's fans are
 * fan_in = kh*kw*filters, fan_out = kh*kw*inCh), plus bias, then the activation.
 */
export const conv2dTranspose: LayerKind<Conv2dTransposeSpec> = {
  randomInit: true,
  build(inputShape, spec, ctx): BuiltLayer {
    requireRank(inputShape, 3, 'conv2dTranspose', ctx.where);
    installConvBackpropFilterKernels();
    const filters = positiveInt(spec.filters, `${ctx.where}.filters`);
    const [kh, kw] = size2d(spec.kernelSize, 0, `${ctx.where}.kernelSize`);
    const strides = size2d(spec.strides, 1, `${ctx.where}.strides`);
    const pad = padding(spec.padding, `${ctx.where}.padding`);
    const act = activation(spec.activation, `${ctx.where}.activation`);
    const kernelInit = initializer(spec.kernelInitializer, ctx.defaultKernelInitializer, `${ctx.where}.kernelInitializer`);
    const biasInit = initializer(spec.biasInitializer, 'zeros', `${ctx.where}.biasInitializer`);
    const l2 = nonNegative(spec.l2, 0, `${ctx.where}.l2`);
    const [h, w, inChannels] = inputShape as [number, number, number];
    const outH = transposedLength(h, kh, strides[0], pad);
    const outW = transposedLength(w, kw, strides[1], pad);
    const outputShape = [outH, outW, filters];
    requirePositiveOutput(outputShape, inputShape, ctx.where);

    const kernel = ctx.createVariable('kernel', [kh, kw, filters, inChannels], kernelInit, true);
    const bias = (spec.useBias ?? true) ? ctx.createVariable('bias', [filters], biasInit, true) : undefined;
    const penalties: Penalty[] = l2 > 0 ? [{ variable: kernel, l2 }] : [];

    return {
      kind: 'conv2dTranspose',
      name: `${ctx.layerIndex}_conv2dTranspose`,
      index: ctx.layerIndex,
      inputShape,
      outputShape,
      trainable: bias ? [kernel, bias] : [kernel],
      state: [],
      penalties,
      apply(x) {
        const batch = x.shape[0]!;
        let y: tf.Tensor = tf.conv2dTranspose(x as tf.Tensor4D, kernel as tf.Tensor4D, [batch, outH, outW, filters], strides, pad);
        if (bias) y = tf.add(y, bias);
        return activations[act](y);
      },
    };
  },
};
