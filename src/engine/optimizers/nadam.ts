/**
 * Nadam: Keras 3 `keras.optimizers.Nadam` (keras/src/optimizers/nadam.py,
 * `_backend_update_step` and `update_step`; Dozat, 2015), Adam with Nesterov momentum
 * in the momentum-cache form with the 0.96 schedule.
 *
 * For a variable w with (clipped) gradient g, learning rate lr and step t = iterations + 1:
 *
 *   μₜ    = β₁ · (1 − ½ · 0.96ᵗ)               (momentum schedule)
 *   μₜ₊₁  = β₁ · (1 − ½ · 0.96ᵗ⁺¹)
 *   Πₜ    = μ₁ · μ₂ · … · μₜ                   (Keras's `u_product`, once per step)
 *   m ← m + (g − m) · (1 − β₁)
 *   v ← v + (g² − v) · (1 − β₂)
 *   m̂ = μₜ₊₁ · m / (1 − Πₜ · μₜ₊₁) + (1 − μₜ) · g / (1 − Πₜ)
 *   v̂ = v / (1 − β₂ᵗ)
 *   w ← w − lr · m̂ / (√v̂ + ε)
 *
 * In words: Adam whose momentum term looks one step ahead: the bias-corrected update
 * mixes the next step's share of the average gradient with the current gradient,
 * under a momentum coefficient that warms up from β₁/2 towards β₁.
 *
 * Note ε is added to the bias-corrected √v̂ here (unlike Keras's Adam). Keras keeps Πₜ
 * in a float32 variable updated once per optimizer step; here it is a float64 number
 * updated the same way, a function of the step count only, shared by all variables.
 *
 * Stock defaults (Keras 3): learning_rate 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7.
 * Slots: `momentum` (m), `velocity` (v), zeros. tfjs has no Nadam.
 */
import * as tf from '@tensorflow/tfjs';
import { KerasOptimizer, requireSlot, type SlotInit, type SlotMap } from './base';
import { nadamSpec, type NadamHyperparameters } from './specs/nadam';

export { nadamSpec, type NadamHyperparameters } from './specs/nadam';

type NadamSlot = 'momentum' | 'velocity';

/** Keras's fixed decay of the momentum schedule. */
const MOMENTUM_DECAY = 0.96;

export class KerasNadam extends KerasOptimizer<NadamHyperparameters, NadamSlot> {
  static override readonly className = 'Nadam';

  /** Πₜ for t = productStep (Π₀ = 1). */
  private product = 1;
  private productStep = 0;

  constructor(hyperparameters: Partial<NadamHyperparameters> = {}) {
    super(nadamSpec, hyperparameters);
  }

  private momentumAt(t: number): number {
    return this.hyperparameters.beta_1 * (1 - 0.5 * Math.pow(MOMENTUM_DECAY, t));
  }

  /** Πₜ = μ₁·…·μₜ, advanced incrementally as the step count grows. */
  private momentumProduct(t: number): number {
    if (t < this.productStep) {
      this.product = 1;
      this.productStep = 0;
    }
    while (this.productStep < t) {
      this.productStep += 1;
      this.product *= this.momentumAt(this.productStep);
    }
    return this.product;
  }

  protected override slotInitializers(): readonly SlotInit<NadamSlot>[] {
    return [
      { name: 'momentum', initialValue: 0 },
      { name: 'velocity', initialValue: 0 },
    ];
  }

  protected override updateStep(
    g: tf.Tensor,
    w: tf.Variable,
    slots: SlotMap<NadamSlot>,
    lr: tf.Scalar,
    step: number,
  ): void {
    const { beta_1: beta1, beta_2: beta2, epsilon } = this.hyperparameters;
    const uT = this.momentumAt(step);
    const uT1 = this.momentumAt(step + 1);
    const productT = this.momentumProduct(step);
    const productT1 = productT * uT1;
    const m = requireSlot(slots, 'momentum');
    const v = requireSlot(slots, 'velocity');
    const newM = tf.add(m, tf.mul(tf.sub(g, m), 1 - beta1));
    const newV = tf.add(v, tf.mul(tf.sub(tf.square(g), v), 1 - beta2));
    m.assign(newM);
    v.assign(newV);
    const mHat = tf.add(tf.mul(newM, uT1 / (1 - productT1)), tf.mul(g, (1 - uT) / (1 - productT)));
    const vHat = tf.div(newV, 1 - Math.pow(beta2, step));
    w.assign(tf.sub(w, tf.div(tf.mul(mHat, lr), tf.add(tf.sqrt(vHat), epsilon))));
  }
}
