import * as tf from '@tensorflow/tfjs';
import type { BuiltLayer, LayerKind, MaxPool2dSpec } from './types';
import { padding, requirePositiveOutput, requireRank, size2d, windowOutputLength } from './util';

/**
 * MaxPooling2D like Keras: pool 2x2, strides = pool size, 'valid' padding by default, so
 * each spatial axis becomes floor((n - 2) / 2) + 1 (an odd row or column is dropped).
 */
export const maxPool2d: LayerKind<MaxPool2dSpec> = {
  randomInit: false,
  build(inputShape, spec, ctx): BuiltLayer {
    requireRank(inputShape, 3, 'maxPool2d', ctx.where);
    const pool = size2d(spec.poolSize, 2, `${ctx.where}.poolSize`);
    const strides = spec.strides === undefined ? pool : size2d(spec.strides, 1, `${ctx.where}.strides`);
    const pad = padding(spec.padding, `${ctx.where}.padding`);
    const [h, w, c] = inputShape as [number, number, number];
    const outputShape = [
      windowOutputLength(h, pool[0], strides[0], pad),
      windowOutputLength(w, pool[1], strides[1], pad),
      c,
    ];
    requirePositiveOutput(outputShape, inputShape, ctx.where);
    return {
      kind: 'maxPool2d',
      name: `${ctx.layerIndex}_maxPool2d`,
      index: ctx.layerIndex,
      inputShape,
      outputShape,
      trainable: [],
      state: [],
      penalties: [],
      apply: (x) => tf.maxPool(x as tf.Tensor4D, pool, strides, pad),
    };
  },
};
