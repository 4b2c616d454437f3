/**
 * Optimizer state belongs to one variable: it never leaks between models, optimizers
 * or varLists (tfjs issue #4290 keys state by position), and tensors never leak between
 * steps.
 */
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KerasOptimizer, optimizers, type KerasOptimizerName } from './index';
import { createProblem } from './test-support/problem';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function problem(initial?: number[][]): ReturnType<typeof createProblem> {
  const p = createProblem(initial);
  cleanups.push(p.dispose);
  return p;
}

function track<T extends KerasOptimizer>(optimizer: T): T {
  cleanups.push(() => optimizer.dispose());
  return optimizer;
}

const values = (variables: readonly tf.Tensor[]): number[][] => variables.map((v) => Array.from(v.dataSync()));

const slotValues = (optimizer: KerasOptimizer, variables: readonly tf.Variable[]): Record<string, number[]>[] =>
  variables.map((v) =>
    Object.fromEntries(Object.entries(optimizer.slotsOf(v)).map(([name, t]) => [name, Array.from(t.dataSync())])),
  );

describe('state isolation', () => {
  it('two models with two optimizers: stepping one changes neither the other’s weights nor its slots', () => {
    const a = problem();
    const b = problem();
    const optA = track(optimizers.adam({ learning_rate: 0.05 }));
    const optB = track(optimizers.adam({ learning_rate: 0.05 }));

    optA.minimize(a.loss, false, a.variables);
    const aAfterOneStep = values(a.variables);
    const aSlotsAfterOneStep = slotValues(optA, a.variables);
    expect(optB.trackedVariables()).toEqual([]);
    expect(b.variables.map((v) => optA.slotsOf(v))).toEqual([{}, {}, {}]);

    optB.minimize(b.loss, false, b.variables);
    // Same start, same problem, fresh state: B's first step is A's first step.
    expect(values(b.variables)).toEqual(aAfterOneStep);
    expect(slotValues(optB, b.variables)).toEqual(aSlotsAfterOneStep);

    const bWeights = values(b.variables);
    const bSlots = slotValues(optB, b.variables);
    for (let i = 0; i < 4; i++) optA.minimize(a.loss, false, a.variables);
    expect(values(b.variables)).toEqual(bWeights);
    expect(slotValues(optB, b.variables)).toEqual(bSlots);
    expect(optB.iterations).toBe(1);
    expect(optA.iterations).toBe(5);
  });

  it('one optimizer with two varLists keeps separate state per variable', () => {
    const a = problem();
    // Same shapes, other values: a position-keyed optimizer would mix the two.
    const b = problem([
      [-0.4, 0.9, 1.1],
      [1.2, 0.1, -0.6, 0.7],
      [-0.5],
    ]);
    const shared = track(optimizers.sgd({ learning_rate: 0.05, momentum: 0.9 }));
    const soloA = track(optimizers.sgd({ learning_rate: 0.05, momentum: 0.9 }));
    const soloB = track(optimizers.sgd({ learning_rate: 0.05, momentum: 0.9 }));
    const a2 = problem();
    const b2 = problem([
      [-0.4, 0.9, 1.1],
      [1.2, 0.1, -0.6, 0.7],
      [-0.5],
    ]);

    for (let i = 0; i < 4; i++) {
      shared.minimize(a.loss, false, a.variables);
      shared.minimize(b.loss, false, b.variables);
      soloA.minimize(a2.loss, false, a2.variables);
      soloB.minimize(b2.loss, false, b2.variables);
    }
    // SGD's update does not depend on the step count, so interleaving must not matter.
    expect(values(a.variables)).toEqual(values(a2.variables));
    expect(values(b.variables)).toEqual(values(b2.variables));
    expect(slotValues(shared, a.variables)).toEqual(slotValues(soloA, a2.variables));
    expect(slotValues(shared, b.variables)).toEqual(slotValues(soloB, b2.variables));
    expect(shared.trackedVariables()).toEqual([...a.variables, ...b.variables]);
    const slotsA = shared.slotsOf(a.variables[0]!).momentum;
    const slotsB = shared.slotsOf(b.variables[0]!).momentum;
    expect(slotsA).toBeDefined();
    expect(slotsA).not.toBe(slotsB);
  });

  it('varLists of different shapes in the same positions each get their own slots', () => {
    const scalar = tf.variable(tf.scalar(1.5));
    const matrix = tf.variable(tf.tensor2d([[1, 2, 3]]));
    cleanups.push(() => {
      scalar.dispose();
      matrix.dispose();
    });
    const opt = track(optimizers.rmsprop({ learning_rate: 0.01, momentum: 0.5, centered: true }));
    opt.minimize(() => tf.square(scalar).asScalar(), false, [scalar]);
    opt.minimize(() => tf.sum(tf.square(matrix)), false, [matrix]);
    opt.minimize(() => tf.square(scalar).asScalar(), false, [scalar]);
    expect(opt.slotsOf(scalar).velocity!.shape).toEqual([]);
    expect(opt.slotsOf(matrix).velocity!.shape).toEqual([1, 3]);
    expect(Object.keys(opt.slotsOf(matrix)).sort()).toEqual(['average_gradient', 'momentum', 'velocity']);
  });

  it('slots are non-trainable variables, so they never enter a gradient computation', () => {
    const p = problem();
    const opt = track(optimizers.adam({ amsgrad: true }));
    opt.minimize(p.loss, false, p.variables);
    for (const variable of p.variables) {
      for (const slot of Object.values(opt.slotsOf(variable))) {
        expect((slot as tf.Variable).trainable).toBe(false);
      }
    }
    // Without a varList tfjs differentiates w.r.t. every trainable variable: still fine.
    const before = values(p.variables);
    opt.minimize(p.loss);
    expect(values(p.variables)).not.toEqual(before);
  });

  it('slotsOf gives a read-only view, empty before the first update', () => {
    const p = problem();
    const opt = track(optimizers.lion());
    expect(opt.slotsOf(p.variables[0]!)).toEqual({});
    opt.minimize(p.loss, false, p.variables);
    const view = opt.slotsOf(p.variables[0]!);
    expect(Object.isFrozen(view)).toBe(true);
    expect(Object.keys(view)).toEqual(['momentum']);
  });

  it('applyGradients accepts a name → gradient map (as tfjs passes without a varList)', () => {
    const p = problem();
    const viaMap = track(optimizers.adam({ learning_rate: 0.05 }));
    const q = problem();
    const viaMinimize = track(optimizers.adam({ learning_rate: 0.05 }));
    const { value, grads } = tf.variableGrads(p.loss, p.variables);
    viaMap.applyGradients(grads);
    tf.dispose([value, grads]);
    viaMinimize.minimize(q.loss, false, q.variables);
    expect(values(p.variables)).toEqual(values(q.variables));
  });
});

describe('memory', () => {
  const NAMES: KerasOptimizerName[] = ['sgd', 'rmsprop', 'adagrad', 'adadelta', 'adam', 'adamax', 'nadam', 'adamw', 'lion'];
  const HEAVY_OPTIONS: Record<KerasOptimizerName, Record<string, unknown>> = {
    sgd: { momentum: 0.9, nesterov: true, clipnorm: 1 },
    rmsprop: { momentum: 0.5, centered: true, global_clipnorm: 1 },
    adagrad: { clipvalue: 0.5, weight_decay: 0.01 },
    adadelta: { learning_rate: { kind: 'exponential_decay', initial_learning_rate: 1, decay_steps: 10, decay_rate: 0.9 } },
    adam: { amsgrad: true, weight_decay: 0.01, clipnorm: 1 },
    adamax: { global_clipnorm: 1 },
    nadam: { weight_decay: 0.01, learning_rate: { kind: 'cosine_decay', initial_learning_rate: 0.01, decay_steps: 20 } },
    adamw: { amsgrad: true, clipvalue: 1 },
    lion: { weight_decay: 0.1, clipnorm: 1 },
  };

  it.each(NAMES)('%s: tf.memory().numTensors stays flat across many steps after the first', (name) => {
    const p = problem();
    const opt = optimizers[name](HEAVY_OPTIONS[name] as never);
    opt.minimize(p.loss, false, p.variables); // creates the slots
    const afterFirstStep = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) opt.minimize(p.loss, false, p.variables);
    expect(tf.memory().numTensors).toBe(afterFirstStep);
    const cost = opt.minimize(p.loss, true, p.variables);
    expect(tf.memory().numTensors).toBe(afterFirstStep + 1); // the returned cost is the caller's
    cost!.dispose();
    opt.dispose();
  });

  it('dispose() frees every slot and refuses further steps', () => {
    const p = problem();
    const before = tf.memory().numTensors;
    const opt = optimizers.adam({ amsgrad: true });
    opt.minimize(p.loss, false, p.variables);
    expect(tf.memory().numTensors).toBe(before + 3 * 3);
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(opt.isDisposed).toBe(true);
    expect(() => opt.minimize(p.loss, false, p.variables)).toThrow(/after dispose/);
  });

  it('disposeSlotsOf frees one variable’s state', () => {
    const p = problem();
    const opt = track(optimizers.sgd({ momentum: 0.9 }));
    opt.minimize(p.loss, false, p.variables);
    const before = tf.memory().numTensors;
    opt.disposeSlotsOf(p.variables[1]!);
    expect(tf.memory().numTensors).toBe(before - 1);
    expect(opt.slotsOf(p.variables[1]!)).toEqual({});
    expect(opt.trackedVariables()).toEqual([p.variables[0], p.variables[2]]);
  });
});

describe('iterations and learning rate', () => {
  it('counts updates like Keras’s `iterations` and evaluates the schedule at it', () => {
    const p = problem();
    const opt = track(
      optimizers.sgd({
        learning_rate: { kind: 'piecewise_constant_decay', boundaries: [0, 2], values: [0.3, 0.2, 0.1] },
      }),
    );
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      seen.push(opt.currentLearningRate);
      opt.minimize(p.loss, false, p.variables);
    }
    expect(opt.iterations).toBe(4);
    expect(seen).toEqual([0.3, 0.2, 0.2, 0.1]);
    expect(opt.learningRateAt(0)).toBe(0.3);
  });

  it('skips variables without a gradient and leaves them and their state alone', () => {
    const p = problem();
    const unused = tf.variable(tf.tensor1d([1, 2]));
    cleanups.push(() => unused.dispose());
    const opt = track(optimizers.adam());
    opt.minimize(p.loss, false, [...p.variables, unused]);
    expect(Array.from(unused.dataSync())).toEqual([1, 2]);
    expect(opt.slotsOf(unused)).toEqual({});
  });

  it('rejects a gradient for an unknown variable name', () => {
    const opt = track(optimizers.sgd());
    const g = tf.scalar(1);
    cleanups.push(() => g.dispose());
    expect(() => opt.applyGradients({ 'no such variable': g })).toThrow(/no tf.Variable is named/);
  });
});
