import { describe, expect, it } from 'vitest';
import { logAxis, loggable } from './valley-axis';

describe('the valley chart’s log y axis', () => {
  it('ticks 1-2-5 multiples of powers of ten for values within two decades, from the one at or below the lowest', () => {
    // SGD and Adam final losses (the e2e sweep): Adam's sit a decade below SGD's.
    const axis = logAxis([0.238, 0.0412, 0.1879, 0.04447]);
    expect(axis.ticks).toEqual([0.02, 0.05, 0.1, 0.2]);
    expect(axis.domain[0]).toBe(0.02);
    expect(axis.band).toBeGreaterThan(0.238);
    expect(axis.domain[1]).toBeGreaterThan(axis.band);
  });

  it('ticks decades alone when the values span two decades or more', () => {
    expect(logAxis([0.003, 0.5, 2.4]).ticks).toEqual([0.001, 0.01, 0.1, 1]);
  });

  it('starts at a value exactly on a tick', () => {
    expect(logAxis([0.1, 0.3]).ticks).toEqual([0.1, 0.2]);
  });

  it('is offered only for positive values, and says what it got otherwise', () => {
    expect(loggable([0.1, 2])).toBe(true);
    expect(loggable([0, 2])).toBe(false);
    expect(loggable([])).toBe(false);
    expect(() => logAxis([0, 1])).toThrow(/positive, finite values; got \[0,1\]/);
  });
});
