/**
 * Adadelta: Keras 3 `keras.optimizers.Adadelta` (keras/src/optimizers/adadelta.py,
 * `update_step`).
 *
 * For a variable w with (clipped) gradient g and learning rate lr:
 *
 *   E[g²] ← rho · E[g²] + (1 − rho) · g²
 *   Δ     ← −√(E[Δ²] + ε) / √(E[g²] + ε) · g          (the new E[g²], the old E[Δ²])
 *   E[Δ²] ← rho · E[Δ²] + (1 − rho) · Δ²
 *   w     ← w + lr · Δ
 *
 * In words: like RMSprop, divide by the root of a moving average of squared gradients,
 * but multiply by the root of a moving average of squared past updates, so the step has
 * the units of the weights and needs (in the paper) no learning rate. Keras still
 * multiplies by lr; use 1.0 for the paper's form.
 *
 * Stock defaults (Keras 3): learning_rate 0.001, rho 0.95, epsilon 1e-7. Slots (Keras
 * names): `accumulated_grad` (E[g²]), `accumulated_delta_var` (E[Δ²]), zeros.
 *
 * Where tfjs differs: `tf.train.adadelta` divides by √(E[g²] + ε) with the OLD
 * accumulator (before this step's g² is added), and its epsilon defaults to the
 * backend's; tfjs-layers' string 'adadelta' defaults to lr 1.0. Here: Keras's order.
 */
import * as tf from '@tensorflow/tfjs';
import { KerasOptimizer, requireSlot, type SlotInit, type SlotMap } from './base';
import { adadeltaSpec, type AdadeltaHyperparameters } from './specs/adadelta';

export { adadeltaSpec, type AdadeltaHyperparameters } from './specs/adadelta';

type AdadeltaSlot = 'accumulated_grad' | 'accumulated_delta_var';

export class KerasAdadelta extends KerasOptimizer<AdadeltaHyperparameters, AdadeltaSlot> {
  static override readonly className = 'Adadelta';

  constructor(hyperparameters: Partial<AdadeltaHyperparameters> = {}) {
    super(adadeltaSpec, hyperparameters);
  }

  protected override slotInitializers(): readonly SlotInit<AdadeltaSlot>[] {
    return [
      { name: 'accumulated_grad', initialValue: 0 },
      { name: 'accumulated_delta_var', initialValue: 0 },
    ];
  }

  protected override updateStep(
    g: tf.Tensor,
    w: tf.Variable,
    slots: SlotMap<AdadeltaSlot>,
    lr: tf.Scalar,
  ): void {
    const { rho, epsilon } = this.hyperparameters;
    const accumulatedGrad = requireSlot(slots, 'accumulated_grad');
    const accumulatedDelta = requireSlot(slots, 'accumulated_delta_var');
    const rms = (x: tf.Tensor): tf.Tensor => tf.sqrt(tf.add(x, epsilon));
    const newAccumulatedGrad = tf.add(tf.mul(accumulatedGrad, rho), tf.mul(tf.square(g), 1 - rho));
    accumulatedGrad.assign(newAccumulatedGrad);
    const delta = tf.neg(tf.div(tf.mul(rms(accumulatedDelta), g), rms(newAccumulatedGrad)));
    accumulatedDelta.assign(tf.add(tf.mul(accumulatedDelta, rho), tf.mul(tf.square(delta), 1 - rho)));
    w.assign(tf.add(w, tf.mul(lr, delta)));
  }
}
