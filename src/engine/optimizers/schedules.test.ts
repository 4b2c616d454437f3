/** Keras 3's learning-rate schedules, against their formulas written out here. */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../lib/errors';
import { createSchedule, learningRateSchedules } from './index';

const close = (actual: number, expected: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
};

describe('exponential_decay', () => {
  it('lr₀ · rate^(s / steps), continuous and staircase', () => {
    const smooth = learningRateSchedules.exponential_decay({ initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5 });
    const stairs = learningRateSchedules.exponential_decay({
      initial_learning_rate: 0.1,
      decay_steps: 10,
      decay_rate: 0.5,
      staircase: true,
    });
    for (const s of [0, 1, 5, 9, 10, 15, 37]) {
      close(smooth(s), 0.1 * 0.5 ** (s / 10));
      close(stairs(s), 0.1 * 0.5 ** Math.floor(s / 10));
    }
  });
});

describe('inverse_time_decay', () => {
  it('lr₀ / (1 + rate · s / steps), continuous and staircase', () => {
    const smooth = learningRateSchedules.inverse_time_decay({ initial_learning_rate: 0.1, decay_steps: 4, decay_rate: 0.5 });
    const stairs = createSchedule({
      kind: 'inverse_time_decay',
      initial_learning_rate: 0.1,
      decay_steps: 4,
      decay_rate: 0.5,
      staircase: true,
    });
    for (const s of [0, 1, 3, 4, 7, 100]) {
      close(smooth(s), 0.1 / (1 + (0.5 * s) / 4));
      close(stairs(s), 0.1 / (1 + 0.5 * Math.floor(s / 4)));
    }
  });
});

describe('piecewise_constant_decay', () => {
  it('values[0] up to and including the first boundary, then each interval, then the last value', () => {
    const schedule = learningRateSchedules.piecewise_constant_decay({ boundaries: [100, 110], values: [1.0, 0.5, 0.1] });
    expect([0, 100, 101, 110, 111, 1000].map(schedule)).toEqual([1.0, 1.0, 0.5, 0.5, 0.1, 0.1]);
  });

  it('needs one more value than boundaries, and increasing boundaries', () => {
    expect(() => learningRateSchedules.piecewise_constant_decay({ boundaries: [1, 2], values: [1, 2] })).toThrow(
      ConfigError,
    );
    expect(() =>
      learningRateSchedules.piecewise_constant_decay({ boundaries: [5, 5], values: [1, 2, 3] }),
    ).toThrow(/boundaries\[1\]: expected strictly increasing/);
  });
});

describe('cosine_decay', () => {
  it('lr₀ · ((1 − α) · ½(1 + cos(π·min(s, steps)/steps)) + α)', () => {
    const schedule = learningRateSchedules.cosine_decay({ initial_learning_rate: 0.2, decay_steps: 10, alpha: 0.1 });
    for (const s of [0, 1, 5, 10, 11, 50]) {
      const fraction = Math.min(s, 10) / 10;
      close(schedule(s), 0.2 * (0.9 * 0.5 * (1 + Math.cos(Math.PI * fraction)) + 0.1));
    }
  });

  it('Keras 3 warmup: linear from lr₀ to warmup_target, then cosine from warmup_target', () => {
    const schedule = createSchedule({
      kind: 'cosine_decay',
      initial_learning_rate: 0,
      decay_steps: 10,
      warmup_target: 0.1,
      warmup_steps: 5,
    });
    for (const s of [0, 1, 4]) close(schedule(s), 0.1 * (s / 5));
    for (const s of [5, 6, 10, 15, 20]) {
      const decayed = Math.min(s, 15) - 5;
      close(schedule(s), 0.1 * 0.5 * (1 + Math.cos((Math.PI * decayed) / 10)));
    }
  });
});

describe('validation', () => {
  it('names the bad parameter', () => {
    const attempt = (): unknown =>
      createSchedule({ kind: 'cosine_decay', initial_learning_rate: 0.1, decay_steps: 10, alpha: 2 }, 'lr');
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow('lr.alpha: expected a finite number in [0, 1], found 2');
    expect(() =>
      createSchedule({ kind: 'exponential_decay', initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5, rate: 1 } as never),
    ).toThrow(/rate: expected one of/);
  });
});
