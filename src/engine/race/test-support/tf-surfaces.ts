/**
 * The race's surfaces written again as tfjs expressions, for the training engine's own
 * path (`optimizer.minimize` with tfjs's autodiff) to step on in tests. Independent of
 * the analytic gradients in src/engine/surfaces: the two agreeing is part of the check.
 */
import * as tf from '@tensorflow/tfjs';
import type { SurfaceName } from '../../surfaces';

type Expression = (x: tf.Scalar, y: tf.Scalar) => tf.Scalar;

const sq = (t: tf.Tensor): tf.Tensor => tf.square(t);

const expressions: { readonly [K in SurfaceName]: Expression } = {
  'elongated-bowl': (x, y) => tf.div(tf.add(tf.mul(0.04, sq(x)), tf.mul(4, sq(y))), 2) as tf.Scalar,
  rosenbrock: (x, y) => tf.add(sq(tf.sub(1, x)), tf.mul(100, sq(tf.sub(y, sq(x))))) as tf.Scalar,
  beale: (x, y) => {
    const term = (c: number, power: number) => sq(tf.add(tf.sub(c, x), tf.mul(x, tf.pow(y, power))));
    return tf.addN([term(1.5, 1), term(2.25, 2), term(2.625, 3)]) as tf.Scalar;
  },
  himmelblau: (x, y) => tf.add(sq(tf.sub(tf.add(sq(x), y), 11)), sq(tf.sub(tf.add(x, sq(y)), 7))) as tf.Scalar,
  saddle: (x, y) => tf.add(tf.sub(sq(x), sq(y)), tf.div(tf.pow(y, 4), 4)) as tf.Scalar,
};

/** f(w) for a 2-element variable w = (x, y). */
export function surfaceLoss(name: SurfaceName, w: tf.Tensor): tf.Scalar {
  const [x, y] = tf.unstack(w) as [tf.Scalar, tf.Scalar];
  return expressions[name](x, y);
}
