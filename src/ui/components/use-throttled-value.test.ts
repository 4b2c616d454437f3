// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useThrottledValue } from './use-throttled-value';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const advance = (ms: number) => act(() => void vi.advanceTimersByTime(ms));

describe('useThrottledValue', () => {
  it('shows the first value at once and a change after its phase', () => {
    const { result, rerender } = renderHook(({ value }) => useThrottledValue(value, 200, 50), { initialProps: { value: 1 } });
    expect(result.current).toBe(1);
    rerender({ value: 2 });
    expect(result.current).toBe(1);
    advance(49);
    expect(result.current).toBe(1);
    advance(1);
    expect(result.current).toBe(2);
  });

  it('shows at most one value per interval, and always the newest one last', () => {
    const { result, rerender } = renderHook(({ value }) => useThrottledValue(value, 200), { initialProps: { value: 0 } });
    const seen: number[] = [];
    for (let value = 1; value <= 10; value++) {
      rerender({ value });
      advance(50);
      if (seen.at(-1) !== result.current) seen.push(result.current);
    }
    advance(500);
    if (seen.at(-1) !== result.current) seen.push(result.current);
    // A change every 50 ms (value v at t = 50·(v − 1)): 1 at once, then the newest at
    // t = 200 (4) and t = 400 (8), and the last (10) when its interval ends at t = 600.
    expect(seen).toEqual([1, 4, 8, 10]);
  });

  it('leaves no timer behind when unmounted', () => {
    const { rerender, unmount } = renderHook(({ value }) => useThrottledValue(value, 200, 100), { initialProps: { value: 1 } });
    rerender({ value: 2 });
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
