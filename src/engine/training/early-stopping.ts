import type { EarlyStoppingSpec } from './types';

export interface MonitorState {
  readonly best: number;
  readonly bestEpoch: number | undefined;
  /** Epochs since the last improvement. */
  readonly wait: number;
}

export const initialMonitorState: MonitorState = { best: Number.NaN, bestEpoch: undefined, wait: 0 };

const monitorMode = { val_loss: 'min', loss: 'min', val_accuracy: 'max' } as const;

/**
 * Keras's EarlyStopping rule: an epoch improves when it beats the best so far by more
 * than min_delta; after `patience` epochs without improvement the run stops.
 */
export function updateMonitor(
  state: MonitorState,
  value: number,
  epoch: number,
  spec: Pick<EarlyStoppingSpec, 'monitor' | 'minDelta' | 'patience'>,
): { state: MonitorState; improved: boolean; stop: boolean } {
  const mode = monitorMode[spec.monitor];
  const improved =
    Number.isFinite(value) &&
    (state.bestEpoch === undefined ||
      (mode === 'min' ? value < state.best - spec.minDelta : value > state.best + spec.minDelta));
  const next: MonitorState = improved
    ? { best: value, bestEpoch: epoch, wait: 0 }
    : { ...state, wait: state.wait + 1 };
  return { state: next, improved, stop: !improved && next.wait >= spec.patience };
}
