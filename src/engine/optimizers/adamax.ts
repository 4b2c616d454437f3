/**
 * Adamax: Keras 3 `keras.optimizers.Adamax` (keras/src/optimizers/adamax.py,
 * `update_step`; Kingma & Ba, 2014, section 7.1).
 *
 * For a variable w with (clipped) gradient g, learning rate lr and step t = iterations + 1:
 *
 *   m ← m + (g − m) · (1 − β₁)                  (= β₁·m + (1 − β₁)·g)
 *   u ← max(β₂ · u, |g|)
 *   w ← w − lr · m / ((1 − β₁ᵗ) · (u + ε))
 *
 * In words: Adam with the root-mean-square replaced by an exponentially weighted
 * infinity norm: each weight divides its (bias-corrected) average gradient by the
 * largest recent gradient magnitude, which decays by β₂ per step.
 *
 * Stock defaults (Keras 3): learning_rate 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7.
 * Slots (Keras names): `momentum` (m), `norm` (u), zeros.
 *
 * Where tfjs differs: `tf.train.adamax` follows the same equations but its epsilon
 * defaults to the backend's and it adds a `decay` of the learning rate; tfjs-layers'
 * string 'adamax' defaults to lr 0.002. Here epsilon is explicit, lr is Keras's 0.001.
 */
import * as tf from '@tensorflow/tfjs';
import { KerasOptimizer, requireSlot, type SlotInit, type SlotMap } from './base';
import { adamaxSpec, type AdamaxHyperparameters } from './specs/adamax';

export { adamaxSpec, type AdamaxHyperparameters } from './specs/adamax';

type AdamaxSlot = 'momentum' | 'norm';

export class KerasAdamax extends KerasOptimizer<AdamaxHyperparameters, AdamaxSlot> {
  static override readonly className = 'Adamax';

  constructor(hyperparameters: Partial<AdamaxHyperparameters> = {}) {
    super(adamaxSpec, hyperparameters);
  }

  protected override slotInitializers(): readonly SlotInit<AdamaxSlot>[] {
    return [
      { name: 'momentum', initialValue: 0 },
      { name: 'norm', initialValue: 0 },
    ];
  }

  protected override updateStep(
    g: tf.Tensor,
    w: tf.Variable,
    slots: SlotMap<AdamaxSlot>,
    lr: tf.Scalar,
    step: number,
  ): void {
    const { beta_1: beta1, beta_2: beta2, epsilon } = this.hyperparameters;
    const m = requireSlot(slots, 'momentum');
    const u = requireSlot(slots, 'norm');
    const newM = tf.add(m, tf.mul(tf.sub(g, m), 1 - beta1));
    const newU = tf.maximum(tf.mul(u, beta2), tf.abs(g));
    m.assign(newM);
    u.assign(newU);
    const correction = 1 - Math.pow(beta1, step);
    w.assign(tf.sub(w, tf.div(tf.mul(lr, newM), tf.mul(tf.add(newU, epsilon), correction))));
  }
}
