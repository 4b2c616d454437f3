import * as tf from '@tensorflow/tfjs';

/**
 * Sums a per-row tensor over the first `size` of `rows` rows: evaluation batches are
 * padded to a fixed shape, and padding rows must count nowhere. Call inside a tidy.
 */
export function realRows(rows: number, size: number): (values: tf.Tensor1D) => tf.Scalar {
  if (size === rows) return (values) => tf.sum(values);
  const mask = tf.less(tf.range(0, rows, 1, 'int32'), tf.scalar(size, 'int32'));
  // where, not multiply: a non-finite value in a padding row must not turn the sum to NaN.
  return (values) => tf.sum(tf.where(mask, values, tf.zerosLike(values)));
}
