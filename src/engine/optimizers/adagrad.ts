/**
 * Adagrad: Keras 3 `keras.optimizers.Adagrad` (keras/src/optimizers/adagrad.py,
 * `update_step`).
 *
 * For a variable w with (clipped) gradient g and learning rate lr:
 *
 *   a ← a + g²
 *   w ← w − lr · g / √(a + ε)
 *
 * with the accumulator a starting at initial_accumulator_value.
 *
 * In words: every weight keeps the running sum of its squared gradients and divides its
 * step by the root of that sum, so weights that have received large or frequent
 * gradients slow down for good.
 *
 * Stock defaults (Keras 3): learning_rate 0.001, initial_accumulator_value 0.1,
 * epsilon 1e-7. Slot: `accumulator` (a).
 *
 * Where tfjs differs: `tf.train.adagrad` has no epsilon argument; it always adds the
 * backend epsilon (1e-7, or 1e-4 on float16 devices). tfjs-layers' string 'adagrad'
 * also defaults to lr 0.01. Here epsilon is explicit and the default lr is Keras's.
 */
import * as tf from '@tensorflow/tfjs';
import { KerasOptimizer, requireSlot, type SlotInit, type SlotMap } from './base';
import { adagradSpec, type AdagradHyperparameters } from './specs/adagrad';

export { adagradSpec, type AdagradHyperparameters } from './specs/adagrad';

type AdagradSlot = 'accumulator';

export class KerasAdagrad extends KerasOptimizer<AdagradHyperparameters, AdagradSlot> {
  static override readonly className = 'Adagrad';

  constructor(hyperparameters: Partial<AdagradHyperparameters> = {}) {
    super(adagradSpec, hyperparameters);
  }

  protected override slotInitializers(): readonly SlotInit<AdagradSlot>[] {
    return [{ name: 'accumulator', initialValue: this.hyperparameters.initial_accumulator_value }];
  }

  protected override updateStep(
    g: tf.Tensor,
    w: tf.Variable,
    slots: SlotMap<AdagradSlot>,
    lr: tf.Scalar,
  ): void {
    const accumulator = requireSlot(slots, 'accumulator');
    const newAccumulator = tf.add(accumulator, tf.square(g));
    accumulator.assign(newAccumulator);
    w.assign(
      tf.sub(w, tf.div(tf.mul(lr, g), tf.sqrt(tf.add(newAccumulator, this.hyperparameters.epsilon)))),
    );
  }
}
