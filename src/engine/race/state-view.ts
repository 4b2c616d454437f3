/**
 * How each optimizer's state reads on the plane, by Keras name: the symbol of each slot
 * (as its update rule writes it), where its momentum pushes, and its effective step size,
 * the per-coordinate factor its last update multiplied a direction by. These read the
 * real optimizer's slots after an update; they never step anything.
 *
 * With t the number of updates so far, lr the learning rate of update t, and every slot
 * as it stands after that update (Keras's rules, see each optimizer's file):
 *
 *   sgd       lr                                  on g (momentum: g goes into v, w moves by v)
 *   rmsprop   lr / √(v + ε)     centered: lr / √(v − ḡ² + ε)                 on g
 *   adagrad   lr / √(a + ε)                                                  on g
 *   adadelta  lr · √(E[Δ²] + ε) / √(E[g²] + ε)                               on g
 *   adam      α / (√v + ε), α = lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ)    amsgrad: v̂ for v  on m
 *   adamw     as adam (the decay shrinks w first)                            on m
 *   adamax    lr / ((1 − β₁ᵗ)·(u + ε))                                       on m
 *   nadam     lr / (√(v/(1 − β₂ᵗ)) + ε)                                      on m̂
 *   lion      lr                                  on sign(β₁·m + (1 − β₁)·g)
 *
 * Adadelta's step used E[Δ²] from before the update; the factor shown uses the new one,
 * i.e. the numerator the next update starts from.
 *
 * Free of tfjs: the stepper hands in plain numbers.
 */
import type { KerasOptimizerName } from '../optimizers/catalog';
import type { EffectiveStep, Vec2 } from './types';

export type SlotVectors = Readonly<Record<string, Vec2>>;

export interface StateContext {
  readonly hyperparameters: Readonly<Record<string, unknown>>;
  readonly slots: SlotVectors;
  /** Updates so far (≥ 1). */
  readonly t: number;
  /** The learning rate update t used. */
  readonly lr: number;
}

export interface StateView {
  /** Keras slot name → the symbol in the update rule. */
  readonly symbols: Readonly<Record<string, string>>;
  /** Whether these hyperparameters keep a momentum at all (SGD and RMSprop only with momentum > 0). */
  readonly keepsMomentum: (hyperparameters: Readonly<Record<string, unknown>>) => boolean;
  /** Where the momentum pushes the point; undefined when this optimizer keeps none. */
  readonly momentum: (slots: SlotVectors) => Vec2 | undefined;
  readonly effectiveStep: (context: StateContext) => EffectiveStep;
}

const map2 = (f: (i: 0 | 1) => number): Vec2 => [f(0), f(1)];
const negated = (v: Vec2 | undefined): Vec2 | undefined => (v === undefined ? undefined : [-v[0], -v[1]]);
const num = (context: StateContext, name: string): number => context.hyperparameters[name] as number;
const slot = (context: StateContext, name: string): Vec2 => context.slots[name] ?? [0, 0];
const constant = (formula: string, appliesTo: string, value: number): EffectiveStep => ({ formula, appliesTo, values: [value, value] });

function adamStep(context: StateContext): EffectiveStep {
  const { t, lr } = context;
  const alpha = (lr * Math.sqrt(1 - num(context, 'beta_2') ** t)) / (1 - num(context, 'beta_1') ** t);
  const amsgrad = context.hyperparameters.amsgrad === true;
  const v = slot(context, amsgrad ? 'velocity_hat' : 'velocity');
  const epsilon = num(context, 'epsilon');
  return { formula: amsgrad ? 'α / (√v̂ + ε)' : 'α / (√v + ε)', appliesTo: 'm', values: map2((i) => alpha / (Math.sqrt(v[i]) + epsilon)) };
}

const ADAM_SYMBOLS = { momentum: 'm', velocity: 'v', velocity_hat: 'v̂' };
const always = () => true;
const never = () => false;
const withMomentum = (hyperparameters: Readonly<Record<string, unknown>>) => (hyperparameters.momentum as number) > 0;
/** Adam-family momentum m averages gradients; the point moves against it. */
const againstM = (slots: SlotVectors) => negated(slots.momentum);

export const stateViews: { readonly [K in KerasOptimizerName]: StateView } = {
  sgd: {
    symbols: { momentum: 'v' },
    keepsMomentum: withMomentum,
    // Keras's SGD velocity is already the displacement: w ← w + v.
    momentum: (slots) => slots.momentum,
    effectiveStep: (context) => constant('lr', num(context, 'momentum') > 0 ? 'g (into the velocity v)' : 'g', context.lr),
  },
  rmsprop: {
    symbols: { velocity: 'v', momentum: 'm', average_gradient: 'ḡ' },
    keepsMomentum: withMomentum,
    momentum: againstM,
    effectiveStep: (context) => {
      const v = slot(context, 'velocity');
      const centered = context.hyperparameters.centered === true;
      const mean = slot(context, 'average_gradient');
      const epsilon = num(context, 'epsilon');
      return {
        formula: centered ? 'lr / √(v − ḡ² + ε)' : 'lr / √(v + ε)',
        appliesTo: num(context, 'momentum') > 0 ? 'g (into the momentum m)' : 'g',
        values: map2((i) => context.lr / Math.sqrt(v[i] - (centered ? mean[i] ** 2 : 0) + epsilon)),
      };
    },
  },
  adagrad: {
    symbols: { accumulator: 'a' },
    keepsMomentum: never,
    momentum: () => undefined,
    effectiveStep: (context) => {
      const a = slot(context, 'accumulator');
      return { formula: 'lr / √(a + ε)', appliesTo: 'g', values: map2((i) => context.lr / Math.sqrt(a[i] + num(context, 'epsilon'))) };
    },
  },
  adadelta: {
    symbols: { accumulated_grad: 'E[g²]', accumulated_delta_var: 'E[Δ²]' },
    keepsMomentum: never,
    momentum: () => undefined,
    effectiveStep: (context) => {
      const grad = slot(context, 'accumulated_grad');
      const delta = slot(context, 'accumulated_delta_var');
      const epsilon = num(context, 'epsilon');
      return {
        formula: 'lr · √(E[Δ²] + ε) / √(E[g²] + ε)',
        appliesTo: 'g',
        values: map2((i) => (context.lr * Math.sqrt(delta[i] + epsilon)) / Math.sqrt(grad[i] + epsilon)),
      };
    },
  },
  adam: { symbols: ADAM_SYMBOLS, keepsMomentum: always, momentum: againstM, effectiveStep: adamStep },
  adamw: { symbols: ADAM_SYMBOLS, keepsMomentum: always, momentum: againstM, effectiveStep: adamStep },
  adamax: {
    symbols: { momentum: 'm', norm: 'u' },
    keepsMomentum: always,
    momentum: againstM,
    effectiveStep: (context) => {
      const u = slot(context, 'norm');
      const correction = 1 - num(context, 'beta_1') ** context.t;
      return {
        formula: 'lr / ((1 − β₁ᵗ)·(u + ε))',
        appliesTo: 'm',
        values: map2((i) => context.lr / (correction * (u[i] + num(context, 'epsilon')))),
      };
    },
  },
  nadam: {
    symbols: { momentum: 'm', velocity: 'v' },
    keepsMomentum: always,
    momentum: againstM,
    effectiveStep: (context) => {
      const v = slot(context, 'velocity');
      const correction = 1 - num(context, 'beta_2') ** context.t;
      return {
        formula: 'lr / (√(v / (1 − β₂ᵗ)) + ε)',
        appliesTo: 'm̂',
        values: map2((i) => context.lr / (Math.sqrt(v[i] / correction) + num(context, 'epsilon'))),
      };
    },
  },
  lion: {
    symbols: { momentum: 'm' },
    keepsMomentum: always,
    momentum: againstM,
    effectiveStep: (context) => constant('lr', 'sign(β₁·m + (1 − β₁)·g)', context.lr),
  },
};
