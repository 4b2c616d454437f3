import { describe, expect, it } from 'vitest';
import { initialMonitorState, updateMonitor, type MonitorState } from './early-stopping';

function feed(values: number[], spec: { monitor: 'val_loss' | 'val_accuracy'; minDelta: number; patience: number }) {
  let state: MonitorState = initialMonitorState;
  const stops: boolean[] = [];
  values.forEach((value, i) => {
    const out = updateMonitor(state, value, i + 1, spec);
    state = out.state;
    stops.push(out.stop);
  });
  return { state, stopAt: stops.indexOf(true) + 1 };
}

describe('early stopping', () => {
  it('stops after `patience` epochs without improvement and remembers the best epoch', () => {
    const { state, stopAt } = feed([1, 0.8, 0.7, 0.75, 0.72, 0.71], { monitor: 'val_loss', minDelta: 0, patience: 3 });
    expect(state.bestEpoch).toBe(3);
    expect(stopAt).toBe(6);
  });

  it('does not count improvements smaller than min_delta', () => {
    const { state, stopAt } = feed([1, 0.99, 0.985], { monitor: 'val_loss', minDelta: 0.05, patience: 2 });
    expect(state.bestEpoch).toBe(1);
    expect(stopAt).toBe(3);
  });

  it('maximises accuracy-like monitors', () => {
    const { state, stopAt } = feed([0.5, 0.6, 0.55], { monitor: 'val_accuracy', minDelta: 0, patience: 5 });
    expect(state.bestEpoch).toBe(2);
    expect(stopAt).toBe(0);
  });

  it('never takes a non-finite value as the best', () => {
    const { state } = feed([Number.NaN, 2, Number.POSITIVE_INFINITY], { monitor: 'val_loss', minDelta: 0, patience: 9 });
    expect(state.best).toBe(2);
  });
});
