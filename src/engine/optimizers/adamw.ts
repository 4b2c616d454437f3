/**
 * AdamW: Keras 3 `keras.optimizers.AdamW` (keras/src/optimizers/adamw.py): Adam whose
 * `weight_decay` defaults to 0.004 and may not be None. The decay is the base
 * optimizer's decoupled one (`BaseOptimizer._apply_weight_decay`), applied to every
 * variable before the Adam update, with the same lr:
 *
 *   w  ← w − w · weight_decay · lr
 *   α  ← lr · √(1 − β₂ᵗ) / (1 − β₁ᵗ)
 *   m  ← β₁ · m + (1 − β₁) · g
 *   v  ← β₂ · v + (1 − β₂) · g²          (amsgrad: v̂ ← max(v̂, v) used in place of v)
 *   w  ← w − α · m / (√v + ε)
 *
 * In words: Adam, but first shrink every weight towards zero by a fixed fraction of
 * the learning rate, independently of the gradient (Loshchilov & Hutter, 2019), rather
 * than adding an L2 penalty to the loss, which Adam's scaling would distort.
 *
 * Stock defaults (Keras 3): learning_rate 0.001, weight_decay 0.004, beta_1 0.9,
 * beta_2 0.999, epsilon 1e-7, amsgrad false. Slots as Adam's. tfjs has no AdamW.
 * (Keras's `exclude_from_weight_decay` is not supported: every variable decays.)
 */
import * as tf from '@tensorflow/tfjs';
import { adamSlots, adamUpdate, type AdamSlot } from './adam';
import { KerasOptimizer, type SlotInit, type SlotMap } from './base';
import { adamwSpec, type AdamwHyperparameters } from './specs/adamw';

export { adamwSpec, type AdamwHyperparameters } from './specs/adamw';

export class KerasAdamW extends KerasOptimizer<AdamwHyperparameters, AdamSlot> {
  static override readonly className = 'AdamW';

  constructor(hyperparameters: Partial<AdamwHyperparameters> = {}) {
    super(adamwSpec, hyperparameters);
  }

  protected override slotInitializers(): readonly SlotInit<AdamSlot>[] {
    return adamSlots(this.hyperparameters.amsgrad);
  }

  protected override updateStep(
    g: tf.Tensor,
    w: tf.Variable,
    slots: SlotMap<AdamSlot>,
    lr: tf.Scalar,
    step: number,
  ): void {
    adamUpdate(this.hyperparameters, g, w, slots, lr, step);
  }
}
