import { describe, expect, it } from 'vitest';
import { makeProdRegression, makeSpiral } from '../../../src/engine/data/synthetic';
import { ConfigError } from '../../../src/lib/errors';
import { expectLabError } from '../../helpers/expect-lab-error';

describe('makeProdRegression', () => {
  it('makes 2,500 points in [-2, 2]^2 with target x1 * x2 / 4', () => {
    const ds = makeProdRegression({ seed: 1 });
    expect(ds.name).toBe('prod');
    expect(ds.task).toBe('regression');
    expect(ds.count).toBe(2500);
    expect(ds.inputShape).toEqual([2]);
    expect(ds.inputs).toBeInstanceOf(Float32Array);
    expect(ds.targets).toBeInstanceOf(Float32Array);
    expect(ds.targets.length).toBe(2500);
    for (let i = 0; i < ds.count; i++) {
      const [x1, x2] = [ds.inputs[2 * i]!, ds.inputs[2 * i + 1]!];
      expect(Math.abs(x1)).toBeLessThanOrEqual(2);
      expect(ds.targets[i]).toBeCloseTo((x1 * x2) / 4, 5);
    }
    const min = Math.min(...ds.inputs);
    const max = Math.max(...ds.inputs);
    expect(min).toBeLessThan(-1.9);
    expect(max).toBeGreaterThan(1.9);
  });

  it('is deterministic per seed', () => {
    expect(makeProdRegression({ seed: 5, count: 100 }).inputs).toEqual(makeProdRegression({ seed: 5, count: 100 }).inputs);
    expect(makeProdRegression({ seed: 5, count: 100 }).inputs).not.toEqual(makeProdRegression({ seed: 6, count: 100 }).inputs);
  });
});

describe('makeSpiral', () => {
  it('makes balanced, labelled arms', () => {
    const ds = makeSpiral({ count: 201, seed: 2 });
    expect(ds.task).toBe('classification');
    expect(ds.inputShape).toEqual([2]);
    expect(ds.targets).toBeInstanceOf(Uint8Array);
    expect(ds.classNames).toHaveLength(2);
    const ones = Array.from(ds.targets).filter((t) => t === 1).length;
    expect(ones).toBe(100);
    expect(Math.max(...ds.inputs.map(Math.abs))).toBeLessThan(1.5);
  });

  it('supports more arms', () => {
    const ds = makeSpiral({ count: 90, seed: 2, classes: 3, noise: 0 });
    expect(new Set(ds.targets)).toEqual(new Set([0, 1, 2]));
    // Without noise, the first point of every arm sits at the centre.
    expect(Math.hypot(ds.inputs[0]!, ds.inputs[1]!)).toBe(0);
  });

  it('is deterministic per seed', () => {
    expect(makeSpiral({ count: 50, seed: 3 }).inputs).toEqual(makeSpiral({ count: 50, seed: 3 }).inputs);
    expect(makeSpiral({ count: 50, seed: 3 }).inputs).not.toEqual(makeSpiral({ count: 50, seed: 4 }).inputs);
  });

  it('rejects bad options', async () => {
    await expectLabError(() => makeSpiral({ count: 1, seed: 1 }), ConfigError, 'bad-count');
    await expectLabError(() => makeSpiral({ count: 10, seed: 1, classes: 1 }), ConfigError, 'bad-classes');
    await expectLabError(() => makeSpiral({ count: 10, seed: 1, noise: -1 }), ConfigError, 'bad-noise');
  });
});
