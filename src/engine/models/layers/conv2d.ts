import * as tf from '@tensorflow/tfjs';
import { installConvBackpropFilterKernels } from '../conv-backprop-filter';
import { activations, fusedActivations } from '../activations';
import type { BuiltLayer, Conv2dSpec, LayerKind, Penalty } from './types';
import {
  activation,
  initializer,
  nonNegative,
  padding,
  positiveInt,
  requirePositiveOutput,
  requireRank,
  size2d,
  windowOutputLength,
} from './util';

/**
 * Conv2D on NHWC: y = activation(conv(x, W) + b), W [kh, kw, inCh, filters] (the Keras and
 * tfjs layout), so fan_in = kh*kw*inCh and fan_out = kh*kw*filters. Output size per axis:
 * 'valid' floor((n - k) / s) + 1, 'same' ceil(n / s).
 */
export const conv2d: LayerKind<Conv2dSpec> = {
  randomInit: true,
  build(inputShape, spec, ctx): BuiltLayer {
    requireRank(inputShape, 3, 'conv2d', ctx.where);
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
    const outputShape = [
      windowOutputLength(h, kh, strides[0], pad),
      windowOutputLength(w, kw, strides[1], pad),
      filters,
    ];
    requirePositiveOutput(outputShape, inputShape, ctx.where);

    const kernel = ctx.createVariable('kernel', [kh, kw, inChannels, filters], kernelInit, true);
    const bias = (spec.useBias ?? true) ? ctx.createVariable('bias', [filters], biasInit, true) : undefined;
    const penalties: Penalty[] = l2 > 0 ? [{ variable: kernel, l2 }] : [];
    const fused = fusedActivations[act];

    return {
      kind: 'conv2d',
      name: `${ctx.layerIndex}_conv2d`,
      index: ctx.layerIndex,
      inputShape,
      outputShape,
      trainable: bias ? [kernel, bias] : [kernel],
      state: [],
      penalties,
      apply(x) {
        const y = tf.fused.conv2d({
          x: x as tf.Tensor4D,
          filter: kernel as tf.Tensor4D,
          strides,
          pad,
          bias,
          activation: fused ?? 'linear',
        });
        return fused ? y : activations[act](y);
      },
    };
  },
};
