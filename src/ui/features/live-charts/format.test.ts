import { describe, expect, it } from 'vitest';
import { formatTick, formatValue, niceTicks } from './format';

describe('axis and tooltip numbers', () => {
  it('puts round ticks from 0 to just past the data', () => {
    expect(niceTicks(5, 5, true)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(niceTicks(0.467)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(niceTicks(11.4)).toEqual([0, 2.5, 5, 7.5, 10, 12.5]);
    expect(niceTicks(1.3, 5, true)).toEqual([0, 1, 2]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('formats values short but distinct', () => {
    expect(formatValue(0.123456)).toBe('0.1235');
    expect(formatValue(1e-7)).toBe('1.00e-7');
    expect(formatTick(2500)).toBe('2500');
    expect(formatValue(Number.NaN)).toBe('NaN');
  });
});
