import * as tf from '@tensorflow/tfjs';
import type { BuiltLayer, FlattenSpec, LayerKind, ReshapeSpec } from './types';
import { positiveInt, sizeOf } from './util';
import { ConfigError } from '../../../lib/errors';

/** Flatten: [B, h, w, c] → [B, h*w*c], row-major (HWC), as Keras does on NHWC data. */
export const flatten: LayerKind<FlattenSpec> = {
  randomInit: false,
  build(inputShape, _spec, ctx): BuiltLayer {
    const units = sizeOf(inputShape);
    return {
      kind: 'flatten',
      name: `${ctx.layerIndex}_flatten`,
      index: ctx.layerIndex,
      inputShape,
      outputShape: [units],
      trainable: [],
      state: [],
      penalties: [],
      apply: (x) => tf.reshape(x, [x.shape[0]!, units]),
    };
  },
};

/** Reshape: [B, ...] → [B, ...targetShape]; the sizes must agree. */
export const reshape: LayerKind<ReshapeSpec> = {
  randomInit: false,
  build(inputShape, spec, ctx): BuiltLayer {
    const target = spec.targetShape.map((d, i) => positiveInt(d, `${ctx.where}.targetShape[${i}]`));
    if (sizeOf(target) !== sizeOf(inputShape)) {
      throw new ConfigError(
        'bad-layer',
        `a target shape with ${sizeOf(inputShape)} values (input [${inputShape.join(', ')}])`,
        `[${target.join(', ')}]`,
        `${ctx.where}.targetShape`,
      );
    }
    return {
      kind: 'reshape',
      name: `${ctx.layerIndex}_reshape`,
      index: ctx.layerIndex,
      inputShape,
      outputShape: target,
      trainable: [],
      state: [],
      penalties: [],
      apply: (x) => tf.reshape(x, [x.shape[0]!, ...target]),
    };
  },
};
