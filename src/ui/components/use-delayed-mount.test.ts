// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDelayedMount } from './use-delayed-mount';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const advance = (ms: number) => act(() => void vi.advanceTimersByTime(ms));

describe('useDelayedMount', () => {
  it('is true at once without a delay', () => {
    expect(renderHook(() => useDelayedMount(0)).result.current).toBe(true);
  });

  it('turns true once its delay has passed, and stays true', () => {
    const { result, rerender } = renderHook(() => useDelayedMount(120));
    expect(result.current).toBe(false);
    advance(119);
    expect(result.current).toBe(false);
    advance(1);
    expect(result.current).toBe(true);
    rerender();
    advance(1000);
    expect(result.current).toBe(true);
  });

  it('sets no state after unmounting', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { unmount } = renderHook(() => useDelayedMount(50));
    unmount();
    advance(100);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
