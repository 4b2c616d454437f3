/**
 * The time-to-target bookkeeping of a stop rule, as pure functions of plain numbers (no
 * tfjs): the runner calls them at its read-backs and epoch ends, and tests feed them
 * crafted records.
 *
 * A target is reached at the first moment its metric is at least the value (accuracies)
 * or at most the value (losses); non-finite values never reach anything. The moment
 * records the run's own training seconds, its step and its epoch.
 */
import { meetsTarget } from '../metrics/series';
import type { RunStatus, StopReason, StopRuleSpec, StopRuleState, TargetMetric, TargetOutcome } from './types';

export const initialStopRuleState: StopRuleState = {};

type Mode = 'max' | 'min';

const TARGET_MODE: Readonly<Record<TargetMetric, Mode>> = {
  accuracy: 'max',
  val_accuracy: 'max',
  loss: 'min',
  val_loss: 'min',
};

/** The training loss is known at every read-back; the other metrics once an epoch ends. */
const CHECKED_AT_READ_BACK: Readonly<Record<TargetMetric, boolean>> = {
  loss: true,
  accuracy: false,
  val_accuracy: false,
  val_loss: false,
};

export function targetMode(metric: TargetMetric): Mode {
  return TARGET_MODE[metric];
}

function better(value: number, best: number | undefined, mode: Mode): boolean {
  if (!Number.isFinite(value)) return false;
  return best === undefined || (mode === 'max' ? value > best : value < best);
}

/** Where a run is when a rule looks at it. */
export interface RunMoment {
  /** 1-based epoch in progress (or just ended). */
  readonly epoch: number;
  readonly step: number;
  /** The run's own training seconds so far. */
  readonly seconds: number;
}

/** What an epoch's record says, for the per-epoch targets. */
export interface EpochMetrics {
  readonly loss: number;
  readonly accuracy?: number;
  readonly valLoss?: number;
  readonly valAccuracy?: number;
}

function observe(rule: StopRuleSpec, state: StopRuleState, value: number | undefined, moment: RunMoment): StopRuleState {
  const target = rule.target;
  if (!target || value === undefined || state.stoppedBy) return state;
  const mode = TARGET_MODE[target.metric];
  const best = better(value, state.best, mode) ? value : state.best;
  if (meetsTarget(value, target.value, mode)) {
    return { best, reached: { outcome: 'reached', seconds: moment.seconds, step: moment.step, epoch: moment.epoch, value }, stoppedBy: 'target' };
  }
  return best === state.best ? state : { ...state, best };
}

const stop = (state: StopRuleState, reason: StopReason): StopRuleState => (state.stoppedBy ? state : { ...state, stoppedBy: reason });

/**
 * At a read-back: the loss target, on the mean of the losses read back together (a
 * whole window, not one noisy batch), then the time limit. `stoppedBy` in the result
 * says the run ends now.
 */
export function afterReadBack(rule: StopRuleSpec, state: StopRuleState, moment: RunMoment, losses: readonly number[]): StopRuleState {
  let next = state;
  if (rule.target && CHECKED_AT_READ_BACK[rule.target.metric] && losses.length > 0) {
    next = observe(rule, next, losses.reduce((sum, loss) => sum + loss, 0) / losses.length, moment);
  }
  if (rule.maxSeconds !== undefined && moment.seconds >= rule.maxSeconds) next = stop(next, 'time-limit');
  return next;
}

/** When an epoch ends: the per-epoch targets, then the epoch limit. */
export function afterEpoch(rule: StopRuleSpec, state: StopRuleState, moment: RunMoment, metrics: EpochMetrics): StopRuleState {
  let next = state;
  const target = rule.target;
  if (target && !CHECKED_AT_READ_BACK[target.metric]) {
    const value = { accuracy: metrics.accuracy, val_accuracy: metrics.valAccuracy, val_loss: metrics.valLoss, loss: metrics.loss }[target.metric];
    next = observe(rule, next, value, moment);
  }
  if (rule.maxEpochs !== undefined && moment.epoch >= rule.maxEpochs) next = stop(next, 'epoch-limit');
  return next;
}

/** The status a run ends with when its rule stops it: the epoch limit is its planned end. */
export function statusForStop(reason: StopReason): RunStatus {
  return reason === 'epoch-limit' ? 'completed' : 'stopped-early';
}

/**
 * The result's verdict on a run's target (undefined without one): reached (whatever
 * happened later), else diverged if the loss stopped being finite, else not reached,
 * with the best value it got to.
 */
export function targetOutcome(
  rule: StopRuleSpec | undefined,
  state: StopRuleState,
  run: { readonly status: RunStatus; readonly divergedAtStep?: number },
): TargetOutcome | undefined {
  if (!rule?.target) return undefined;
  if (state.reached) return state.reached;
  if (run.status === 'diverged') return { outcome: 'diverged', ...(run.divergedAtStep !== undefined ? { step: run.divergedAtStep } : {}) };
  return { outcome: 'not-reached', ...(state.best !== undefined ? { best: state.best } : {}) };
}
