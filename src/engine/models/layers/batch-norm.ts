import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '../../../lib/errors';
import type { BatchNormSpec, BuiltLayer, LayerKind } from './types';

export const BATCH_NORM_DEFAULTS = { momentum: 0.99, epsilon: 1e-3 } as const;

/**
 * BatchNormalization over the last axis, Keras 3 semantics and defaults (momentum 0.99,
 * epsilon 1e-3; gamma 1, beta 0, moving mean 0, moving variance 1).
 *
 *   training:  mu, var = mean and biased variance of x over every axis but the last;
 *              y = gamma * (x - mu) / sqrt(var + eps) + beta   (gradients flow through
 *              mu and var); pending state updates, applied after the optimizer step:
 *              moving_mean <- moving_mean * momentum + mu  * (1 - momentum)
 *              moving_var  <- moving_var  * momentum + var * (1 - momentum)
 *   inference: y = gamma * (x - moving_mean) / sqrt(moving_var + eps) + beta
 *
 * gamma and beta are trainable; the moving statistics are state (non-trainable params).
 */
export const batchNorm: LayerKind<BatchNormSpec> = {
  randomInit: false,
  build(inputShape, spec, ctx): BuiltLayer {
    const momentum = spec.momentum ?? BATCH_NORM_DEFAULTS.momentum;
    const epsilon = spec.epsilon ?? BATCH_NORM_DEFAULTS.epsilon;
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new ConfigError('bad-layer', 'a momentum in [0, 1]', String(momentum), `${ctx.where}.momentum`);
    }
    if (!(epsilon > 0) || !Number.isFinite(epsilon)) {
      throw new ConfigError('bad-layer', 'an epsilon > 0', String(epsilon), `${ctx.where}.epsilon`);
    }
    if (inputShape.length < 1) {
      throw new ConfigError('bad-input-shape', 'an input with a feature axis', '[]', ctx.where);
    }
    const channels = inputShape[inputShape.length - 1]!;
    const gamma = ctx.createVariable('gamma', [channels], 'ones', true);
    const beta = ctx.createVariable('beta', [channels], 'zeros', true);
    const movingMean = ctx.createVariable('moving_mean', [channels], 'zeros', false);
    const movingVariance = ctx.createVariable('moving_variance', [channels], 'ones', false);
    // Reduce over the batch axis and every spatial axis: [0, 1, ..., rank - 2] of [B, ...inputShape].
    const axes = Array.from({ length: inputShape.length }, (_, i) => i);

    return {
      kind: 'batchNorm',
      name: `${ctx.layerIndex}_batchNorm`,
      index: ctx.layerIndex,
      inputShape,
      outputShape: inputShape,
      trainable: [gamma, beta],
      state: [movingMean, movingVariance],
      penalties: [],
      apply(x, forward) {
        if (!forward.training) {
          return tf.batchNorm(x, movingMean, movingVariance, beta, gamma, epsilon);
        }
        const { mean, variance } = tf.moments(x, axes);
        forward.addStateUpdate(movingMean, tf.add(tf.mul(movingMean, momentum), tf.mul(mean, 1 - momentum)));
        forward.addStateUpdate(
          movingVariance,
          tf.add(tf.mul(movingVariance, momentum), tf.mul(variance, 1 - momentum)),
        );
        return tf.batchNorm(x, mean, variance, beta, gamma, epsilon);
      },
    };
  },
};
