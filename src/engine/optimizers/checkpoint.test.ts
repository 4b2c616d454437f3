import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { KERAS_OPTIMIZER_NAMES } from './types';
import { createOptimizer } from './registry';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function problem(prefix: string) {
  const w = tf.variable(tf.tensor1d([0.5, -1.5, 2]), true, `${prefix}/w`);
  const m = tf.variable(tf.tensor2d([[1, -2], [0.3, 0.7]]), true, `${prefix}/m`);
  const loss = () => tf.tidy(() => tf.add(tf.sum(tf.mul(tf.square(w), [1, 2, 3])), tf.sum(tf.sin(m))) as tf.Scalar);
  return { vars: [w, m] as tf.Variable[], loss };
}

describe('optimizer checkpoints', () => {
  it.each(KERAS_OPTIMIZER_NAMES)('%s: export then import continues exactly where it stopped', async (name) => {
    const hyperparameters = name === 'sgd' ? { momentum: 0.9, nesterov: true } : name === 'rmsprop' ? { centered: true, momentum: 0.5 } : {};
    const original = problem(`orig-${name}`);
    const a = createOptimizer({ name, hyperparameters } as Parameters<typeof createOptimizer>[0]);
    for (let i = 0; i < 3; i++) a.minimize(original.loss, false, original.vars);
    const state = await a.exportState(original.vars);

    const copy = problem(`copy-${name}`);
    copy.vars.forEach((v, i) => v.assign(original.vars[i]!));
    const b = createOptimizer({ name, hyperparameters } as Parameters<typeof createOptimizer>[0]);
    b.importState(copy.vars, state);
    expect(b.iterations).toBe(3);
    for (let i = 0; i < 2; i++) {
      a.minimize(original.loss, false, original.vars);
      b.minimize(copy.loss, false, copy.vars);
    }
    copy.vars.forEach((v, i) => expect(Array.from(v.dataSync())).toEqual(Array.from(original.vars[i]!.dataSync())));
    [a, b].forEach((o) => o.dispose());
    [...original.vars, ...copy.vars].forEach((v) => v.dispose());
  });

  it('rejects a state that does not fit, saying what it expected', async () => {
    const p = problem('bad');
    const adam = createOptimizer({ name: 'adam' });
    adam.minimize(p.loss, false, p.vars);
    const state = await adam.exportState(p.vars);
    const sgd = createOptimizer({ name: 'sgd', hyperparameters: { momentum: 0.9 } });
    expect(() => sgd.importState(p.vars, state)).toThrow(/expected slots momentum, found slots momentum, velocity/);
    expect(() => adam.importState(p.vars.slice(0, 1), state)).toThrow(/state for 1 variables/);
    [adam, sgd].forEach((o) => o.dispose());
    p.vars.forEach((v) => v.dispose());
  });
});
