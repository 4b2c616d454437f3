/**
 * An independent float64 reference for the optimizer tests: Keras 3's update rules
 * written out again from the published equations (keras/src/optimizers/*.py and
 * base_optimizer.py), on plain JS numbers. It imports nothing from the production
 * code, so a mistake there cannot hide here.
 *
 * Every Keras update rule is element-wise once lr and t are known, so each rule below
 * updates one weight element and its slot elements. Clipping (which needs norms) and
 * decoupled weight decay act on whole variables, as in `BaseOptimizer`.
 */

export type ReferenceName =
  | 'sgd'
  | 'rmsprop'
  | 'adagrad'
  | 'adadelta'
  | 'adam'
  | 'adamax'
  | 'nadam'
  | 'adamw'
  | 'lion';

/** Hyperparameters as the reference reads them: Keras names, everything explicit. */
export type ReferenceHyperparameters = Record<string, number | boolean | null>;

/** Keras 3's stock defaults, copied from the Keras sources for the test's own use. */
export const KERAS_STOCK_DEFAULTS: Record<ReferenceName, ReferenceHyperparameters> = {
  sgd: { learning_rate: 0.01, momentum: 0.0, nesterov: false },
  rmsprop: { learning_rate: 0.001, rho: 0.9, momentum: 0.0, epsilon: 1e-7, centered: false },
  adagrad: { learning_rate: 0.001, initial_accumulator_value: 0.1, epsilon: 1e-7 },
  adadelta: { learning_rate: 0.001, rho: 0.95, epsilon: 1e-7 },
  adam: { learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false },
  adamax: { learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7 },
  nadam: { learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7 },
  adamw: { learning_rate: 0.001, weight_decay: 0.004, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false },
  lion: { learning_rate: 0.001, beta_1: 0.9, beta_2: 0.99 },
};

/** Keras `BaseOptimizer` arguments: None unless set. */
export const KERAS_BASE_DEFAULTS: ReferenceHyperparameters = {
  weight_decay: null,
  clipnorm: null,
  clipvalue: null,
  global_clipnorm: null,
};

type SlotValues = Record<string, number>;

interface ElementRule {
  /** Slot name → initial value, for the slots Keras's `build` creates with these options. */
  slots: Record<string, number>;
  /** New weight element; updates `s` in place. `t` = iterations + 1. */
  update(w: number, g: number, s: SlotValues, lr: number, t: number): number;
}

const num = (hp: ReferenceHyperparameters, key: string): number => {
  const value = hp[key];
  if (typeof value !== 'number') throw new Error(`reference: ${key} must be a number`);
  return value;
};

function elementRule(name: ReferenceName, hp: ReferenceHyperparameters): ElementRule {
  switch (name) {
    case 'sgd': {
      const momentum = num(hp, 'momentum');
      const nesterov = hp.nesterov === true;
      if (momentum === 0) return { slots: {}, update: (w, g, _s, lr) => w - lr * g };
      return {
        slots: { momentum: 0 },
        update: (w, g, s, lr) => {
          s.momentum = momentum * s.momentum! - lr * g;
          return nesterov ? w + momentum * s.momentum - lr * g : w + s.momentum;
        },
      };
    }
    case 'rmsprop': {
      const rho = num(hp, 'rho');
      const momentum = num(hp, 'momentum');
      const eps = num(hp, 'epsilon');
      const centered = hp.centered === true;
      const slots: Record<string, number> = { velocity: 0 };
      if (momentum > 0) slots.momentum = 0;
      if (centered) slots.average_gradient = 0;
      return {
        slots,
        update: (w, g, s, lr) => {
          s.velocity = rho * s.velocity! + (1 - rho) * g * g;
          let denominator: number;
          if (centered) {
            s.average_gradient = rho * s.average_gradient! + (1 - rho) * g;
            denominator = s.velocity - s.average_gradient * s.average_gradient + eps;
          } else {
            denominator = s.velocity + eps;
          }
          const increment = (lr * g) / Math.sqrt(denominator);
          if (momentum > 0) {
            s.momentum = momentum * s.momentum! + increment;
            return w - s.momentum;
          }
          return w - increment;
        },
      };
    }
    case 'adagrad': {
      const eps = num(hp, 'epsilon');
      return {
        slots: { accumulator: num(hp, 'initial_accumulator_value') },
        update: (w, g, s, lr) => {
          s.accumulator = s.accumulator! + g * g;
          return w - (lr * g) / Math.sqrt(s.accumulator + eps);
        },
      };
    }
    case 'adadelta': {
      const rho = num(hp, 'rho');
      const eps = num(hp, 'epsilon');
      return {
        slots: { accumulated_grad: 0, accumulated_delta_var: 0 },
        update: (w, g, s, lr) => {
          s.accumulated_grad = rho * s.accumulated_grad! + (1 - rho) * g * g;
          const delta = (-Math.sqrt(s.accumulated_delta_var! + eps) * g) / Math.sqrt(s.accumulated_grad + eps);
          s.accumulated_delta_var = rho * s.accumulated_delta_var! + (1 - rho) * delta * delta;
          return w + lr * delta;
        },
      };
    }
    case 'adam':
    case 'adamw': {
      const b1 = num(hp, 'beta_1');
      const b2 = num(hp, 'beta_2');
      const eps = num(hp, 'epsilon');
      const amsgrad = hp.amsgrad === true;
      const slots: Record<string, number> = { momentum: 0, velocity: 0 };
      if (amsgrad) slots.velocity_hat = 0;
      return {
        slots,
        update: (w, g, s, lr, t) => {
          const alpha = (lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
          s.momentum = s.momentum! + (g - s.momentum!) * (1 - b1);
          s.velocity = s.velocity! + (g * g - s.velocity!) * (1 - b2);
          let v = s.velocity;
          if (amsgrad) {
            s.velocity_hat = Math.max(s.velocity_hat!, s.velocity);
            v = s.velocity_hat;
          }
          return w - (s.momentum * alpha) / (Math.sqrt(v) + eps);
        },
      };
    }
    case 'adamax': {
      const b1 = num(hp, 'beta_1');
      const b2 = num(hp, 'beta_2');
      const eps = num(hp, 'epsilon');
      return {
        slots: { momentum: 0, norm: 0 },
        update: (w, g, s, lr, t) => {
          s.momentum = s.momentum! + (g - s.momentum!) * (1 - b1);
          s.norm = Math.max(b2 * s.norm!, Math.abs(g));
          return w - (lr * s.momentum) / ((1 - b1 ** t) * (s.norm + eps));
        },
      };
    }
    case 'nadam': {
      const b1 = num(hp, 'beta_1');
      const b2 = num(hp, 'beta_2');
      const eps = num(hp, 'epsilon');
      const mu = (i: number): number => b1 * (1 - 0.5 * 0.96 ** i);
      const product = (t: number): number => {
        let p = 1;
        for (let i = 1; i <= t; i++) p *= mu(i);
        return p;
      };
      return {
        slots: { momentum: 0, velocity: 0 },
        update: (w, g, s, lr, t) => {
          const uT = mu(t);
          const uT1 = mu(t + 1);
          const uProductT = product(t); // Keras updates u_product before the per-variable steps
          const uProductT1 = uProductT * uT1;
          s.momentum = s.momentum! + (g - s.momentum!) * (1 - b1);
          s.velocity = s.velocity! + (g * g - s.velocity!) * (1 - b2);
          const mHat = (uT1 * s.momentum) / (1 - uProductT1) + ((1 - uT) * g) / (1 - uProductT);
          const vHat = s.velocity / (1 - b2 ** t);
          return w - (mHat * lr) / (Math.sqrt(vHat) + eps);
        },
      };
    }
    case 'lion': {
      const b1 = num(hp, 'beta_1');
      const b2 = num(hp, 'beta_2');
      return {
        slots: { momentum: 0 },
        update: (w, g, s, lr) => {
          const blend = b1 * s.momentum! + (1 - b1) * g;
          if (blend !== 0 && Math.abs(blend) < 1e-5) {
            throw new Error(`reference: Lion's sign argument ${blend} is too close to 0 for a float32 comparison`);
          }
          const next = w - lr * Math.sign(blend);
          s.momentum = b2 * s.momentum! + (1 - b2) * g;
          return next;
        },
      };
    }
  }
}

/** Keras `_clip_gradients` and helpers, on float64 arrays. */
function clipGradients(grads: number[][], hp: ReferenceHyperparameters): number[][] {
  const norm = (values: number[]): number => Math.sqrt(values.reduce((sum, x) => sum + x * x, 0));
  const clipnorm = hp.clipnorm;
  const globalClipnorm = hp.global_clipnorm;
  const clipvalue = hp.clipvalue;
  if (typeof clipnorm === 'number' && clipnorm > 0) {
    return grads.map((g) => {
      const n = norm(g);
      return g.map((x) => (x * clipnorm) / Math.max(n, clipnorm));
    });
  }
  if (typeof globalClipnorm === 'number' && globalClipnorm > 0) {
    const globalNorm = Math.sqrt(grads.reduce((sum, g) => sum + norm(g) ** 2, 0));
    const scale = globalClipnorm * Math.min(1 / globalNorm, 1 / globalClipnorm);
    return grads.map((g) => g.map((x) => x * scale));
  }
  if (typeof clipvalue === 'number' && clipvalue > 0) {
    return grads.map((g) => g.map((x) => Math.min(Math.max(x, -clipvalue), clipvalue)));
  }
  return grads;
}

/**
 * A whole optimizer run in float64: Keras's `apply` order per step
 * (lr from the schedule at `iterations`, clip, weight decay, update, iterations += 1).
 */
export class ReferenceRun {
  readonly params: number[][];
  readonly slots: SlotValues[][];
  iterations = 0;
  private readonly rule: ElementRule;

  constructor(
    name: ReferenceName,
    readonly hp: ReferenceHyperparameters,
    initial: number[][],
    /** Learning rate at an iteration count; a constant unless the test passes a schedule. */
    private readonly lrAt: (iteration: number) => number = () => num(hp, 'learning_rate'),
  ) {
    this.rule = elementRule(name, hp);
    this.params = initial.map((values) => [...values]);
    this.slots = initial.map((values) => values.map(() => ({ ...this.rule.slots })));
  }

  step(gradient: (params: number[][]) => number[][]): void {
    const lr = this.lrAt(this.iterations);
    const t = this.iterations + 1;
    const grads = clipGradients(gradient(this.params), this.hp);
    const wd = this.hp.weight_decay;
    if (typeof wd === 'number') {
      for (const values of this.params) {
        for (let i = 0; i < values.length; i++) values[i] = values[i]! - values[i]! * wd * lr;
      }
    }
    this.params.forEach((values, v) => {
      for (let i = 0; i < values.length; i++) {
        values[i] = this.rule.update(values[i]!, grads[v]![i]!, this.slots[v]![i]!, lr, t);
      }
    });
    this.iterations += 1;
  }

  /** Slot `name` of variable `v`, flattened. */
  slot(v: number, name: string): number[] {
    return this.slots[v]!.map((s) => {
      const value = s[name];
      if (value === undefined) throw new Error(`reference: no slot ${name}`);
      return value;
    });
  }

  slotNames(): string[] {
    return Object.keys(this.rule.slots).sort();
  }
}
