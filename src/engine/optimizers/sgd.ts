/**
 * SGD, with optional (Nesterov) momentum: Keras 3 `keras.optimizers.SGD`
 * (keras/src/optimizers/sgd.py, `update_step`).
 *
 * For a variable w with (clipped) gradient g and learning rate lr:
 *
 *   momentum = 0:     w ← w − lr · g
 *   momentum > 0:     v ← momentum · v − lr · g
 *                     w ← w + v
 *   nesterov = true:  v ← momentum · v − lr · g
 *                     w ← w + momentum · v − lr · g        (with the new v)
 *
 * In words: plain SGD steps against the gradient. With momentum, a velocity v keeps a
 * decaying sum of past steps and the weight moves by v; Nesterov's form looks one
 * step ahead, moving by the new velocity's momentum share plus the plain gradient step.
 *
 * Stock defaults (Keras 3): learning_rate 0.01, momentum 0.0, nesterov false. Keras
 * requires momentum in [0, 1]. Slot: `momentum` (the velocity v, zeros), created only
 * when momentum ≠ 0, as in Keras.
 *
 * Where tfjs differs: `tf.train.momentum` accumulates a ← m·a + g and steps
 * w ← w − lr·a (Nesterov: w ← w − lr·(g + m·a)). That is the same trajectory for a
 * constant learning rate, not under a schedule: Keras's velocity keeps the old
 * learning rates baked in.
 */
import * as tf from '@tensorflow/tfjs';
import { KerasOptimizer, type SlotInit, type SlotMap } from './base';
import { sgdSpec, type SgdHyperparameters } from './specs/sgd';

export { sgdSpec, type SgdHyperparameters } from './specs/sgd';

type SgdSlot = 'momentum';

export class KerasSGD extends KerasOptimizer<SgdHyperparameters, SgdSlot> {
  static override readonly className = 'SGD';

  constructor(hyperparameters: Partial<SgdHyperparameters> = {}) {
    super(sgdSpec, hyperparameters);
  }

  protected override slotInitializers(): readonly SlotInit<SgdSlot>[] {
    return this.hyperparameters.momentum !== 0 ? [{ name: 'momentum', initialValue: 0 }] : [];
  }

  protected override updateStep(
    g: tf.Tensor,
    w: tf.Variable,
    slots: SlotMap<SgdSlot>,
    lr: tf.Scalar,
  ): void {
    const { momentum, nesterov } = this.hyperparameters;
    const v = slots.momentum;
    const lrG = tf.mul(g, lr);
    if (v === undefined) {
      w.assign(tf.sub(w, lrG));
      return;
    }
    const newV = tf.sub(tf.mul(v, momentum), lrG);
    v.assign(newV);
    w.assign(tf.add(w, nesterov ? tf.sub(tf.mul(newV, momentum), lrG) : newV));
  }
}
