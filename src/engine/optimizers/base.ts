/**
 * The base of every optimizer in the lab: a tfjs `Optimizer` (so `optimizer.minimize(f,
 * returnCost, varList)` and tfjs-layers' `model.fit` both drive it) whose step follows
 * Keras 3's `BaseOptimizer` (keras/src/optimizers/base_optimizer.py, `apply` and
 * `_backend_apply_gradients`), in Keras's order:
 *
 *   1. lr  = learning_rate, or schedule(iterations)           (`_get_current_learning_rate`)
 *   2. g   ← clip(g): clipnorm      g · c / max(‖g‖₂, c), per variable
 *                     global_clipnorm  g · c / max(‖(g₁, g₂, …)‖₂, c), over all gradients
 *                     clipvalue     min(max(g, −c), c)           (`_clip_gradients`)
 *   3. w   ← w − w · weight_decay · lr, if weight_decay is set    (`_apply_weight_decay`)
 *   4. each variable's own update rule with (g, lr, t = iterations + 1)   (`update_step`)
 *   5. iterations ← iterations + 1
 *
 * State ("slots": momentum, velocity, accumulators) lives per variable in a Map keyed by
 * the `tf.Variable` object itself, never by position (tfjs's built-ins key by position,
 * tfjs issue #4290, so one optimizer stepping two variable lists mixes their state).
 * Slots are created lazily on a variable's first update as non-trainable `tf.Variable`s,
 * so they never enter a gradient computation. Every step runs under `tf.tidy`; the
 * gradients passed in belong to the caller (`minimize` disposes them, as in tfjs).
 */
import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '../../lib/errors';
import { resolveHyperparameters } from './resolve';
import { createSchedule, type LearningRateSchedule } from './schedules';
import type { CommonHyperparameters, KerasOptimizerName, OptimizerSpec } from './types';

/** tfjs-core's `NamedTensor` (not re-exported by the tfjs union package). */
export interface NamedTensor {
  name: string;
  tensor: tf.Tensor;
}

/** A variable's slots by Keras name; a slot an option turns off is absent. */
export type SlotMap<S extends string> = Readonly<Partial<Record<S, tf.Variable>>>;

/** A slot to create for every variable, filled with `initialValue`. */
export interface SlotInit<S extends string> {
  readonly name: S;
  readonly initialValue: number;
}

/** The slot, or an internal error if the optimizer did not create it. */
export function requireSlot<S extends string>(slots: SlotMap<S>, name: S): tf.Variable {
  const slot = slots[name];
  if (slot === undefined) throw new Error(`internal invariant broken: missing optimizer slot '${name}'`);
  return slot;
}

/**
 * An optimizer's state as plain data, for checkpoints: the iteration count and each
 * variable's slots (null for a variable not updated yet), in the order of the variables
 * passed to `exportState`.
 */
export interface OptimizerStateSnapshot {
  readonly iterations: number;
  readonly slots: readonly (Readonly<Record<string, Float32Array>> | null)[];
}

export abstract class KerasOptimizer<
  H extends CommonHyperparameters = CommonHyperparameters,
  S extends string = string,
> extends tf.Optimizer {
  /** The tfjs serialisation name; subclasses use Keras's class name (`Adam`, `RMSprop`...). */
  static readonly className: string = 'KerasOptimizer';

  /** The Keras identifier: `adam`, `rmsprop`... */
  readonly kerasName: KerasOptimizerName;
  /** Every hyperparameter, resolved: the caller's values over Keras's stock defaults. */
  readonly hyperparameters: Readonly<H>;

  private readonly schedule: LearningRateSchedule;
  private readonly slots = new Map<tf.Variable, Partial<Record<S, tf.Variable>>>();
  private disposed = false;

  protected constructor(spec: OptimizerSpec<H>, hyperparameters?: Partial<H>) {
    super();
    this.kerasName = spec.name;
    this.hyperparameters = resolveHyperparameters(spec, hyperparameters);
    const learningRate = this.hyperparameters.learning_rate;
    this.schedule =
      typeof learningRate === 'number'
        ? () => learningRate
        : createSchedule(learningRate, 'hyperparameters.learning_rate');
  }

  /** The slots each variable gets, given this instance's hyperparameters. */
  protected abstract slotInitializers(): readonly SlotInit<S>[];

  /**
   * One variable's update, Keras's `update_step`: read `gradient` (already clipped),
   * assign the new values to `variable` and its `slots`. Runs inside `tf.tidy`.
   * `lr` is this step's learning rate; `step` is t = iterations + 1 (1 on the first
   * update), the exponent of bias corrections.
   */
  protected abstract updateStep(
    gradient: tf.Tensor,
    variable: tf.Variable,
    slots: SlotMap<S>,
    lr: tf.Scalar,
    step: number,
  ): void;

  /** The learning rate used by the update after `iteration` updates. */
  learningRateAt(iteration: number): number {
    return this.schedule(iteration);
  }

  /** The learning rate the next update will use. */
  get currentLearningRate(): number {
    return this.schedule(this.iterations);
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  override applyGradients(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    if (this.disposed) throw new Error(`${this.getClassName()} optimizer used after dispose()`);
    const pairs = this.resolveGradients(variableGradients);
    if (pairs.length === 0) return;

    const iteration = this.iterations;
    const learningRate = this.schedule(iteration);
    const step = iteration + 1;
    for (const { variable } of pairs) this.ensureSlots(variable);

    tf.tidy(() => {
      const lr = tf.scalar(learningRate);
      const gradients = this.clipGradients(pairs.map(({ gradient }) => gradient));
      this.applyWeightDecay(
        pairs.map(({ variable }) => variable),
        lr,
      );
      pairs.forEach(({ variable }, i) => {
        const slots = this.slots.get(variable) as SlotMap<S>;
        tf.tidy(() => this.updateStep(gradients[i]!, variable, slots, lr, step));
      });
    });
    this.incrementIterations();
  }

  /**
   * Read access to a variable's state by Keras slot name (`momentum`, `velocity`...),
   * empty before its first update. The tensors belong to the optimizer: read them
   * (`await t.data()`), never dispose them; they change in place at every step.
   */
  slotsOf(variable: tf.Variable): Readonly<Record<string, tf.Tensor>> {
    return Object.freeze({ ...(this.slots.get(variable) ?? {}) }) as Readonly<Record<string, tf.Tensor>>;
  }

  /** The variables this optimizer holds state for, in the order it first saw them. */
  trackedVariables(): readonly tf.Variable[] {
    return [...this.slots.keys()];
  }

  /** Reads the state for `variables` (a checkpoint). The values are copies. */
  async exportState(variables: readonly tf.Variable[]): Promise<OptimizerStateSnapshot> {
    const slots = await Promise.all(
      variables.map(async (variable) => {
        const held = this.slots.get(variable);
        if (held === undefined) return null;
        const entries = await Promise.all(
          Object.entries<tf.Variable | undefined>(held).map(async ([name, slot]) => [name, Float32Array.from(await slot!.data())] as const),
        );
        return Object.fromEntries(entries);
      }),
    );
    return { iterations: this.iterations, slots };
  }

  /**
   * Restores a state read by `exportState` for the same variables (same order, shapes
   * and hyperparameters), so training continues as if it had never stopped.
   */
  importState(variables: readonly tf.Variable[], state: OptimizerStateSnapshot): void {
    const bad = (expected: string, found: string) => new ConfigError('bad-checkpoint', expected, found, 'optimizer state');
    if (state.slots.length !== variables.length) {
      throw bad(`state for ${variables.length} variables`, `state for ${state.slots.length}`);
    }
    const names = this.slotInitializers().map((init) => init.name as string).sort();
    variables.forEach((variable, i) => {
      const saved = state.slots[i];
      if (saved === null || saved === undefined) return;
      const savedNames = Object.keys(saved).sort();
      if (savedNames.join() !== names.join()) throw bad(`slots ${names.join(', ')}`, `slots ${savedNames.join(', ') || 'none'}`);
      this.ensureSlots(variable);
      const slots = this.slots.get(variable)!;
      for (const name of names) {
        const values = saved[name]!;
        if (values.length !== variable.size) throw bad(`${variable.size} values for slot ${name}`, String(values.length));
        tf.tidy(() => slots[name as S]!.assign(tf.tensor(values, variable.shape, 'float32')));
      }
    });
    this.iterations_ = state.iterations;
  }

  /** Frees one variable's state (e.g. its model was disposed); it restarts from scratch if seen again. */
  disposeSlotsOf(variable: tf.Variable): void {
    const slots = this.slots.get(variable);
    if (slots === undefined) return;
    for (const slot of Object.values<tf.Variable | undefined>(slots)) slot?.dispose();
    this.slots.delete(variable);
  }

  /** Disposes every slot. The optimizer cannot step afterwards. */
  override dispose(): void {
    for (const variable of [...this.slots.keys()]) this.disposeSlotsOf(variable);
    this.disposed = true;
    super.dispose();
  }

  /** Keras's `get_config()`: the name and every resolved hyperparameter, snake_case. */
  override getConfig(): tf.serialization.ConfigDict {
    return JSON.parse(JSON.stringify({ name: this.kerasName, ...this.hyperparameters })) as tf.serialization.ConfigDict;
  }

  /** Inverse of `getConfig()`. (The classes are not registered with tf.serialization; see index.ts.) */
  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    const { name: _name, ...hyperparameters } = config;
    return new cls(hyperparameters);
  }

  private resolveGradients(
    variableGradients: tf.NamedTensorMap | NamedTensor[],
  ): { variable: tf.Variable; gradient: tf.Tensor }[] {
    const entries: [string, tf.Tensor | null | undefined][] = Array.isArray(variableGradients)
      ? variableGradients.map(({ name, tensor }) => [name, tensor])
      : Object.entries(variableGradients);
    const registered = tf.engine().registeredVariables;
    const pairs: { variable: tf.Variable; gradient: tf.Tensor }[] = [];
    for (const [name, gradient] of entries) {
      // A variable without a gradient (not connected to the loss, or not trainable) is
      // skipped, as Keras's `_filter_empty_gradients` does.
      if (gradient == null) continue;
      const variable = registered[name];
      if (variable === undefined) throw new Error(`applyGradients: no tf.Variable is named '${name}'`);
      if (!tf.util.arraysEqual(variable.shape, gradient.shape)) {
        throw new Error(
          `applyGradients: gradient of '${name}' has shape [${gradient.shape.join(', ')}], ` +
            `the variable [${variable.shape.join(', ')}]`,
        );
      }
      pairs.push({ variable, gradient });
    }
    if (pairs.length === 0 && entries.length > 0) {
      throw new Error('applyGradients: no gradient was provided for any variable');
    }
    return pairs;
  }

  private ensureSlots(variable: tf.Variable): void {
    if (this.slots.has(variable)) return;
    const slots: Partial<Record<S, tf.Variable>> = {};
    for (const { name, initialValue } of this.slotInitializers()) {
      slots[name] = tf.tidy(() => tf.fill(variable.shape, initialValue, 'float32').variable(false));
    }
    this.slots.set(variable, slots);
  }

  /** Keras `_clip_gradients`: at most one of the three options is set (checked at construction). */
  private clipGradients(gradients: tf.Tensor[]): tf.Tensor[] {
    const { clipnorm, global_clipnorm, clipvalue } = this.hyperparameters;
    if (clipnorm !== null) {
      // Keras `_clip_by_norm` (tf.clip_by_norm on TensorFlow): g · c / max(‖g‖₂, c).
      return gradients.map((g) => tf.div(tf.mul(g, clipnorm), tf.maximum(tf.sqrt(tf.sum(tf.square(g))), clipnorm)));
    }
    if (global_clipnorm !== null) {
      // Keras `clip_by_global_norm`: scale = c · min(1/‖g‖, 1/c), plus (‖g‖ − ‖g‖) so a
      // non-finite norm turns every gradient into NaN instead of silently passing.
      const norm = tf.sqrt(tf.addN(gradients.map((g) => tf.sum(tf.square(g)))));
      const scale = tf.add(
        tf.mul(global_clipnorm, tf.minimum(tf.div(1, norm), 1 / global_clipnorm)),
        tf.sub(norm, norm),
      );
      return gradients.map((g) => tf.mul(g, scale));
    }
    if (clipvalue !== null) return gradients.map((g) => tf.clipByValue(g, -clipvalue, clipvalue));
    return gradients;
  }

  /** Keras `_apply_weight_decay`: w ← w − w · weight_decay · lr, before the update. */
  private applyWeightDecay(variables: tf.Variable[], lr: tf.Scalar): void {
    const weightDecay = this.hyperparameters.weight_decay;
    if (weightDecay === null) return;
    for (const variable of variables) {
      variable.assign(tf.sub(variable, tf.mul(tf.mul(variable, weightDecay), lr)));
    }
  }
}
