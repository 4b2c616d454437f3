/**
 * Lion: Keras 3 `keras.optimizers.Lion` (keras/src/optimizers/lion.py, `update_step`;
 * Chen et al., 2023).
 *
 * For a variable w with (clipped) gradient g and learning rate lr:
 *
 *   w ← w − lr · sign(β₁ · m + (1 − β₁) · g)
 *   m ← β₂ · m + (1 − β₂) · g
 *
 * In words: step every weight by exactly lr, in the direction of the sign of a blend of
 * the momentum and the current gradient; then update the momentum with a slower decay
 * β₂. Steps have a fixed size, so Lion's learning rate is typically 3–10× smaller than
 * AdamW's (and its weight decay 3–10× larger). sign(0) = 0.
 *
 * Stock defaults (Keras 3): learning_rate 0.001, beta_1 0.9, beta_2 0.99. Keras requires
 * beta_1 in (0, 1] (at 0 Lion degenerates to signSGD). Slot: `momentum` (m), zeros.
 * tfjs has no Lion.
 */
import * as tf from '@tensorflow/tfjs';
import { KerasOptimizer, requireSlot, type SlotInit, type SlotMap } from './base';
import { lionSpec, type LionHyperparameters } from './specs/lion';

export { lionSpec, type LionHyperparameters } from './specs/lion';

type LionSlot = 'momentum';

export class KerasLion extends KerasOptimizer<LionHyperparameters, LionSlot> {
  static override readonly className = 'Lion';

  constructor(hyperparameters: Partial<LionHyperparameters> = {}) {
    super(lionSpec, hyperparameters);
  }

  protected override slotInitializers(): readonly SlotInit<LionSlot>[] {
    return [{ name: 'momentum', initialValue: 0 }];
  }

  protected override updateStep(
    g: tf.Tensor,
    w: tf.Variable,
    slots: SlotMap<LionSlot>,
    lr: tf.Scalar,
  ): void {
    const { beta_1: beta1, beta_2: beta2 } = this.hyperparameters;
    const m = requireSlot(slots, 'momentum');
    const direction = tf.sign(tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1)));
    w.assign(tf.sub(w, tf.mul(lr, direction)));
    m.assign(tf.add(tf.mul(m, beta2), tf.mul(g, 1 - beta2)));
  }
}
