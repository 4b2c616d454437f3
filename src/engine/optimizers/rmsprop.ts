/**
 * RMSprop: Keras 3 `keras.optimizers.RMSprop` (keras/src/optimizers/rmsprop.py,
 * `update_step`).
 *
 * For a variable w with (clipped) gradient g and learning rate lr:
 *
 *   v  ← rho · v + (1 − rho) · g²
 *   centered = false:  Δ ← lr · g / √(v + ε)
 *   centered = true:   ḡ ← rho · ḡ + (1 − rho) · g
 *                      Δ ← lr · g / √(v − ḡ² + ε)
 *   momentum = 0:      w ← w − Δ
 *   momentum > 0:      m ← momentum · m + Δ
 *                      w ← w − m
 *
 * In words: divide the gradient by the root of a moving average of its square, so each
 * weight's step is scaled by how large its gradients have recently been. The centered
 * form subtracts the squared moving mean, dividing by an estimate of the variance
 * instead. With momentum the scaled steps are accumulated before being applied.
 *
 * Stock defaults (Keras 3): learning_rate 0.001, rho 0.9, momentum 0.0, epsilon 1e-7,
 * centered false. Slots (Keras names): `velocity` (v), `momentum` (m, only when
 * momentum > 0), `average_gradient` (ḡ, only when centered). All start at zero.
 *
 * Where tfjs differs: `tf.train.rmsprop(..., centered=true)` computes
 * √(v − (ḡ² + ε)): epsilon is subtracted, not added. Its epsilon also defaults to the
 * backend's (1e-4 on float16 devices). Here epsilon is always explicit and added.
 */
import * as tf from '@tensorflow/tfjs';
import { KerasOptimizer, requireSlot, type SlotInit, type SlotMap } from './base';
import { rmspropSpec, type RmspropHyperparameters } from './specs/rmsprop';

export { rmspropSpec, type RmspropHyperparameters } from './specs/rmsprop';

type RmspropSlot = 'velocity' | 'momentum' | 'average_gradient';

export class KerasRMSprop extends KerasOptimizer<RmspropHyperparameters, RmspropSlot> {
  static override readonly className = 'RMSprop';

  constructor(hyperparameters: Partial<RmspropHyperparameters> = {}) {
    super(rmspropSpec, hyperparameters);
  }

  protected override slotInitializers(): readonly SlotInit<RmspropSlot>[] {
    const { momentum, centered } = this.hyperparameters;
    const slots: SlotInit<RmspropSlot>[] = [{ name: 'velocity', initialValue: 0 }];
    if (momentum > 0) slots.push({ name: 'momentum', initialValue: 0 });
    if (centered) slots.push({ name: 'average_gradient', initialValue: 0 });
    return slots;
  }

  protected override updateStep(
    g: tf.Tensor,
    w: tf.Variable,
    slots: SlotMap<RmspropSlot>,
    lr: tf.Scalar,
  ): void {
    const { rho, epsilon } = this.hyperparameters;
    const v = requireSlot(slots, 'velocity');
    const newV = tf.add(tf.mul(v, rho), tf.mul(tf.square(g), 1 - rho));
    v.assign(newV);
    let denominator: tf.Tensor;
    const averageGradient = slots.average_gradient;
    if (averageGradient !== undefined) {
      const newAverage = tf.add(tf.mul(averageGradient, rho), tf.mul(g, 1 - rho));
      averageGradient.assign(newAverage);
      denominator = tf.add(tf.sub(newV, tf.square(newAverage)), epsilon);
    } else {
      denominator = tf.add(newV, epsilon);
    }
    const increment = tf.div(tf.mul(lr, g), tf.sqrt(denominator));
    const m = slots.momentum;
    if (m !== undefined) {
      const newM = tf.add(tf.mul(m, this.hyperparameters.momentum), increment);
      m.assign(newM);
      w.assign(tf.sub(w, newM));
    } else {
      w.assign(tf.sub(w, increment));
    }
  }
}
