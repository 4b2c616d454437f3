import { describe, expect, it } from 'vitest';
import { afterEpoch, afterReadBack, initialStopRuleState, statusForStop, targetOutcome } from './stop-rule';
import type { StopRuleSpec, StopRuleState } from './types';

const at = (epoch: number, step: number, seconds: number) => ({ epoch, step, seconds });
const epochs = (rule: StopRuleSpec, accuracies: readonly number[], secondsPerEpoch = 2, stepsPerEpoch = 10): StopRuleState =>
  accuracies.reduce<StopRuleState>(
    (state, accuracy, i) => afterEpoch(rule, state, at(i + 1, (i + 1) * stepsPerEpoch, (i + 1) * secondsPerEpoch), { loss: 1, accuracy }),
    initialStopRuleState,
  );

describe('an accuracy target, checked when an epoch ends', () => {
  const rule: StopRuleSpec = { target: { metric: 'accuracy', value: 0.97 } };

  it('records the time, step and epoch at which it was first reached, and stops the run there', () => {
    const state = epochs(rule, [0.5, 0.9, 0.971, 0.99]);
    expect(state.reached).toEqual({ outcome: 'reached', seconds: 6, step: 30, epoch: 3, value: 0.971 });
    expect(state.stoppedBy).toBe('target');
    expect(targetOutcome(rule, state, { status: 'stopped-early' })).toEqual(state.reached);
  });

  it('counts a value exactly at the target as reached', () => {
    expect(epochs(rule, [0.97]).reached?.epoch).toBe(1);
  });

  it('says "not reached" with the best value the run got to', () => {
    const state = epochs(rule, [0.5, 0.93, 0.91]);
    expect(state.stoppedBy).toBeUndefined();
    expect(targetOutcome(rule, state, { status: 'completed' })).toEqual({ outcome: 'not-reached', best: 0.93 });
  });

  it('says "diverged" when the loss stopped being finite before the target, whatever the best was', () => {
    const state = epochs(rule, [0.5, Number.NaN]);
    expect(targetOutcome(rule, state, { status: 'diverged', divergedAtStep: 13 })).toEqual({ outcome: 'diverged', step: 13 });
  });

  it('never reaches the target on a non-finite value', () => {
    expect(epochs({ target: { metric: 'val_loss', value: 0.1 } }, []).reached).toBeUndefined();
    const state = afterEpoch({ target: { metric: 'val_loss', value: 0.1 } }, initialStopRuleState, at(1, 10, 1), { loss: 1, valLoss: Number.NaN });
    expect(state).toEqual(initialStopRuleState);
  });
});

describe('a loss target, checked at every read-back', () => {
  const rule: StopRuleSpec = { target: { metric: 'loss', value: 0.2 } };

  it('uses the mean of the losses read back together, not one lucky batch', () => {
    const noisy = afterReadBack(rule, initialStopRuleState, at(1, 4, 0.5), [0.5, 0.1, 0.5, 0.5]);
    expect(noisy.reached).toBeUndefined();
    expect(noisy.best).toBeCloseTo(0.4, 12);
    const low = afterReadBack(rule, noisy, at(1, 8, 1), [0.2, 0.15, 0.1, 0.15]);
    expect(low.reached).toEqual({ outcome: 'reached', seconds: 1, step: 8, epoch: 1, value: 0.15 });
  });

  it('is not looked at when an epoch ends (the read-back saw it already)', () => {
    expect(afterEpoch(rule, initialStopRuleState, at(1, 8, 1), { loss: 0.01 })).toEqual(initialStopRuleState);
  });
});

describe('the limits', () => {
  it('stops at the time limit, on the run’s own training seconds', () => {
    const rule: StopRuleSpec = { target: { metric: 'loss', value: 0 }, maxSeconds: 120 };
    const before = afterReadBack(rule, initialStopRuleState, at(3, 300, 119.9), [1]);
    expect(before.stoppedBy).toBeUndefined();
    const after = afterReadBack(rule, before, at(3, 310, 120.2), [0.9]);
    expect(after.stoppedBy).toBe('time-limit');
    expect(statusForStop('time-limit')).toBe('stopped-early');
    expect(targetOutcome(rule, after, { status: 'stopped-early' })).toEqual({ outcome: 'not-reached', best: 0.9 });
  });

  it('stops after the epoch limit as a completed run', () => {
    const state = epochs({ maxEpochs: 2 }, [0.1, 0.2]);
    expect(state.stoppedBy).toBe('epoch-limit');
    expect(statusForStop('epoch-limit')).toBe('completed');
    expect(targetOutcome({ maxEpochs: 2 }, state, { status: 'completed' })).toBeUndefined();
  });

  it('lets the target win when it is reached at the limit', () => {
    const rule: StopRuleSpec = { target: { metric: 'accuracy', value: 0.9 }, maxEpochs: 2 };
    expect(epochs(rule, [0.5, 0.95]).stoppedBy).toBe('target');
  });
});
