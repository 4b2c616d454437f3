/**
 * Adam (and AMSGrad): Keras 3 `keras.optimizers.Adam` (keras/src/optimizers/adam.py,
 * `update_step`).
 *
 * For a variable w with (clipped) gradient g, learning rate lr and step t = iterations + 1:
 *
 *   α  ← lr · √(1 − β₂ᵗ) / (1 − β₁ᵗ)
 *   m  ← m + (g − m) · (1 − β₁)                 (= β₁·m + (1 − β₁)·g)
 *   v  ← v + (g² − v) · (1 − β₂)                (= β₂·v + (1 − β₂)·g²)
 *   amsgrad:  v̂ ← max(v̂, v), and v̂ replaces v below
 *   w  ← w − α · m / (√v + ε)
 *
 * In words: keep moving averages of the gradient (m) and of its square (v); step along m
 * divided by the root of v, with the bias of their zero start corrected through α. AMSGrad
 * divides by the largest v seen so far, so a weight's step size never grows back.
 *
 * ε here is Kingma & Ba's "epsilon hat" (the formula just before their section 2.1): it
 * is added to √v, not to the bias-corrected √v̂ as in their Algorithm 1.
 *
 * Stock defaults (Keras 3): learning_rate 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7,
 * amsgrad false. Slots: `momentum` (m), `velocity` (v), `velocity_hat` (v̂, amsgrad only).
 *
 * Where tfjs differs: `tf.train.adam` computes w ← w − lr · m̂ / (√v̂ + ε) with
 * m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), i.e. epsilon is added after bias correction (the
 * same as Keras's form only with ε scaled by √(1 − β₂ᵗ)); it has no amsgrad, and its
 * epsilon defaults to the backend's.
 */
import * as tf from '@tensorflow/tfjs';
import { KerasOptimizer, requireSlot, type SlotInit, type SlotMap } from './base';
import { adamSpec, type AdamHyperparameters } from './specs/adam';

export {
  ADAM_RULE,
  AMSGRAD_FIELD,
  BETA_1_FIELD,
  BETA_2_FIELD,
  adamSpec,
  type AdamHyperparameters,
} from './specs/adam';

export type AdamSlot = 'momentum' | 'velocity' | 'velocity_hat';

/** The slots of Adam and AdamW. */
export function adamSlots(amsgrad: boolean): readonly SlotInit<AdamSlot>[] {
  const slots: SlotInit<AdamSlot>[] = [
    { name: 'momentum', initialValue: 0 },
    { name: 'velocity', initialValue: 0 },
  ];
  if (amsgrad) slots.push({ name: 'velocity_hat', initialValue: 0 });
  return slots;
}

/** Keras's `Adam.update_step`, shared with AdamW (whose decay the base class applies first). */
export function adamUpdate(
  hp: Pick<AdamHyperparameters, 'beta_1' | 'beta_2' | 'epsilon'>,
  g: tf.Tensor,
  w: tf.Variable,
  slots: SlotMap<AdamSlot>,
  lr: tf.Scalar,
  t: number,
): void {
  const { beta_1: beta1, beta_2: beta2, epsilon } = hp;
  const m = requireSlot(slots, 'momentum');
  const v = requireSlot(slots, 'velocity');
  const alpha = tf.mul(lr, Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
  const newM = tf.add(m, tf.mul(tf.sub(g, m), 1 - beta1));
  const newV = tf.add(v, tf.mul(tf.sub(tf.square(g), v), 1 - beta2));
  m.assign(newM);
  v.assign(newV);
  let secondMoment = newV;
  const vHat = slots.velocity_hat;
  if (vHat !== undefined) {
    secondMoment = tf.maximum(vHat, newV);
    vHat.assign(secondMoment);
  }
  w.assign(tf.sub(w, tf.div(tf.mul(newM, alpha), tf.add(tf.sqrt(secondMoment), epsilon))));
}

export class KerasAdam extends KerasOptimizer<AdamHyperparameters, AdamSlot> {
  static override readonly className = 'Adam';

  constructor(hyperparameters: Partial<AdamHyperparameters> = {}) {
    super(adamSpec, hyperparameters);
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
