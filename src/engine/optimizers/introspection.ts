/**
 * What an optimizer's state means, per optimizer, as plain functions over its slots
 * (`KerasOptimizer.slotsOf(variable)`): which slot is the first moment (momentum), the
 * second moment in the gradients' own units (√v, or Adamax's u), and the effective
 * per-parameter step size, i.e. what the step multiplies the gradient (or, for the
 * Adam family, the first moment m) by at step t:
 *
 * | optimizer | first moment | second moment (gradient units) | effective step                          |
 * |-----------|--------------|--------------------------------|-----------------------------------------|
 * | sgd       | momentum (v) | –                              | lr                                      |
 * | rmsprop   | momentum (m) | √velocity                      | lr / √(v + ε)   (centered: √(v − ḡ² + ε)) |
 * | adagrad   | –            | √accumulator                   | lr / √(a + ε)                            |
 * | adadelta  | –            | √accumulated_grad              | lr · √(E[Δ²] + ε) / √(E[g²] + ε)          |
 * | adam      | momentum     | √velocity (√v̂ with amsgrad)    | lr · √(1 − β₂ᵗ) / (1 − β₁ᵗ) / (√v + ε)    |
 * | adamw     | as adam      | as adam                        | as adam                                  |
 * | adamax    | momentum     | norm (u)                       | lr / ((1 − β₁ᵗ) · (u + ε))               |
 * | nadam     | momentum     | √velocity                      | lr / (√(v / (1 − β₂ᵗ)) + ε)              |
 * | lion      | momentum     | –                              | lr (every weight moves by exactly lr)    |
 *
 * Read after a step, these describe that step, except Adadelta's: its step used E[Δ²]
 * from before the step, and what is reported is the E[Δ²] the next step will use.
 *
 * Adagrad's accumulator only grows, so its steps only shrink: that is why it slows
 * down. Adam divides by a moving average instead, so its steps stay near lr.
 *
 * The functions return new tensors (or a number when every parameter has the same
 * step); call them inside `tf.tidy`. The slots belong to the optimizer: never dispose
 * them. Shared by the comparison runner's probes and anything else that shows an
 * optimizer's internal state live (the 2-D optimizer race).
 */
import * as tf from '@tensorflow/tfjs';
import type { OptimizerHyperparameters } from './catalog';
import type { KerasOptimizerName } from './types';

/** A variable's slots, by Keras slot name, as `KerasOptimizer.slotsOf` gives them. */
export type Slots = Readonly<Record<string, tf.Tensor>>;

export interface StepContext<H> {
  readonly slots: Slots;
  readonly hyperparameters: Readonly<H>;
  /** The learning rate of step t (a schedule's value there). */
  readonly lr: number;
  /** The 1-based step the slots are the state after. */
  readonly t: number;
}

export interface OptimizerIntrospection<H> {
  /** The first moment (momentum, velocity), where the optimizer keeps one. */
  readonly firstMoment: (slots: Slots) => tf.Tensor | undefined;
  /** The second moment as a magnitude of gradients (√v, or u), where it keeps one. */
  readonly secondMoment: (slots: Slots, hyperparameters: Readonly<H>) => tf.Tensor | undefined;
  /** Per-parameter effective step size; a number when it is the same for every parameter. */
  readonly effectiveStep: (context: StepContext<H>) => tf.Tensor | number;
}

const slot = (name: string) => (slots: Slots): tf.Tensor | undefined => slots[name];
const rootOf = (name: string) => (slots: Slots): tf.Tensor | undefined => (slots[name] ? tf.sqrt(slots[name]) : undefined);
const none = (): undefined => undefined;
const learningRate = ({ lr }: { lr: number }): number => lr;

/** A slot an optimizer creates unconditionally; an internal error when it is missing. */
function required(slots: Slots, name: string): tf.Tensor {
  const tensor = slots[name];
  if (tensor === undefined) throw new Error(`internal invariant broken: no optimizer slot '${name}' to introspect`);
  return tensor;
}

const adamFamily: OptimizerIntrospection<OptimizerHyperparameters['adam']> = {
  firstMoment: slot('momentum'),
  secondMoment: (slots) => rootOf(slots.velocity_hat ? 'velocity_hat' : 'velocity')(slots),
  effectiveStep: ({ slots, hyperparameters: { beta_1, beta_2, epsilon }, lr, t }) => {
    const alpha = (lr * Math.sqrt(1 - Math.pow(beta_2, t))) / (1 - Math.pow(beta_1, t));
    const v = slots.velocity_hat ?? required(slots, 'velocity');
    return tf.div(alpha, tf.add(tf.sqrt(v), epsilon));
  },
};

export const optimizerIntrospection: { readonly [K in KerasOptimizerName]: OptimizerIntrospection<OptimizerHyperparameters[K]> } = {
  sgd: { firstMoment: slot('momentum'), secondMoment: none, effectiveStep: learningRate },
  rmsprop: {
    firstMoment: slot('momentum'),
    secondMoment: rootOf('velocity'),
    effectiveStep: ({ slots, hyperparameters: { epsilon }, lr }) => {
      const v = required(slots, 'velocity');
      const variance = slots.average_gradient ? tf.sub(v, tf.square(slots.average_gradient)) : v;
      return tf.div(lr, tf.sqrt(tf.add(variance, epsilon)));
    },
  },
  adagrad: {
    firstMoment: none,
    secondMoment: rootOf('accumulator'),
    effectiveStep: ({ slots, hyperparameters: { epsilon }, lr }) => tf.div(lr, tf.sqrt(tf.add(required(slots, 'accumulator'), epsilon))),
  },
  adadelta: {
    firstMoment: none,
    secondMoment: rootOf('accumulated_grad'),
    effectiveStep: ({ slots, hyperparameters: { epsilon }, lr }) =>
      tf.mul(
        lr,
        tf.div(tf.sqrt(tf.add(required(slots, 'accumulated_delta_var'), epsilon)), tf.sqrt(tf.add(required(slots, 'accumulated_grad'), epsilon))),
      ),
  },
  adam: adamFamily,
  adamw: adamFamily,
  adamax: {
    firstMoment: slot('momentum'),
    secondMoment: slot('norm'),
    effectiveStep: ({ slots, hyperparameters: { beta_1, epsilon }, lr, t }) =>
      tf.div(lr / (1 - Math.pow(beta_1, t)), tf.add(required(slots, 'norm'), epsilon)),
  },
  nadam: {
    firstMoment: slot('momentum'),
    secondMoment: rootOf('velocity'),
    effectiveStep: ({ slots, hyperparameters: { beta_2, epsilon }, lr, t }) =>
      tf.div(lr, tf.add(tf.sqrt(tf.div(required(slots, 'velocity'), 1 - Math.pow(beta_2, t))), epsilon)),
  },
  lion: { firstMoment: slot('momentum'), secondMoment: none, effectiveStep: learningRate },
};

/** The introspection of optimizer `name`, typed loosely for callers that hold a KerasOptimizer. */
export function introspectionOf(name: KerasOptimizerName): OptimizerIntrospection<Record<string, unknown>> {
  return optimizerIntrospection[name] as unknown as OptimizerIntrospection<Record<string, unknown>>;
}
