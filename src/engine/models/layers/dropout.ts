import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '../../../lib/errors';
import { hashSeed } from '../../../lib/rng';
import type { BuiltLayer, DropoutSpec, LayerKind } from './types';

/** The seed of a dropout layer's mask at one step: new every step, shared by all runs. */
export function dropoutSeed(noiseSeed: number, layerIndex: number): number {
  return hashSeed(noiseSeed, layerIndex);
}

/**
 * Dropout (inverted, like Keras): training mode keeps each value with probability
 * 1 - rate and scales it by 1 / (1 - rate); inference (or rate 0) is the identity.
 * The mask is `tf.dropout` with seed `hashSeed(ctx.noiseSeed, layerIndex)`: tfjs draws it
 * in JS from that seed, so it is the same on every backend and for every run of a
 * comparison given the same noiseSeed, and changes with the step's noiseSeed (a fixed
 * seed in tfjs-layers' Dropout would reuse one mask for ever).
 */
export const dropout: LayerKind<DropoutSpec> = {
  randomInit: false,
  build(inputShape, spec, ctx): BuiltLayer {
    const rate = spec.rate;
    if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) {
      throw new ConfigError('bad-layer', 'a dropout rate in [0, 1)', String(rate), `${ctx.where}.rate`);
    }
    const index = ctx.layerIndex;
    return {
      kind: 'dropout',
      name: `${index}_dropout`,
      index,
      inputShape,
      outputShape: inputShape,
      trainable: [],
      state: [],
      penalties: [],
      apply(x, forward) {
        if (!forward.training || rate === 0) return x;
        return tf.dropout(x, rate, undefined, dropoutSeed(forward.noiseSeed, index));
      },
    };
  },
};
