// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHART_OPTIONS, useChartView } from './chart-view';
import { latestMetric } from './run-rows';

describe('useChartView', () => {
  it('keeps hidden runs and options for one comparison, and starts the next from the defaults', () => {
    const { result, rerender } = renderHook(({ id }) => useChartView(id), { initialProps: { id: 'a' } });
    act(() => result.current.toggle(1));
    act(() => result.current.setOptions({ ...result.current.options, logY: true }));
    rerender({ id: 'a' });
    expect([...result.current.hidden]).toEqual([1]);
    expect(result.current.options.logY).toBe(true);

    rerender({ id: 'b' });
    expect([...result.current.hidden]).toEqual([]);
    expect(result.current.options).toEqual(DEFAULT_CHART_OPTIONS);
    act(() => result.current.toggle(0));
    expect([...result.current.hidden]).toEqual([0]);
    act(() => result.current.toggle(0));
    expect([...result.current.hidden]).toEqual([]);
  });
});

describe('latestMetric', () => {
  const epoch = { runId: 'r', epoch: 2, steps: 10, loss: 0.5, trainSeconds: 1, elapsedSeconds: 2 };
  it('reads validation first, then training, and leaves accuracy out where there is none', () => {
    expect(latestMetric({ ...epoch, valLoss: 0.3123, valAccuracy: 0.8714, accuracy: 0.9 })).toBe('val loss 0.3123 · val acc 87.1%');
    expect(latestMetric({ ...epoch, accuracy: 0.5 })).toBe('loss 0.5 · acc 50.0%');
    expect(latestMetric(epoch)).toBe('loss 0.5');
    expect(latestMetric(undefined)).toBeUndefined();
  });
});
