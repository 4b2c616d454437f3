import * as tf from '@tensorflow/tfjs';
import type { Batch, InputScaling } from '../data/types';
import type { ForwardContext, TrainableModel } from '../models/types';
import { initialMonitorState, type MonitorState } from './early-stopping';
import { ConfigError } from '../../lib/errors';
import type { ProbeSample } from './probe-types';
import type { RunProbe } from './probes';
import { afterEpoch, afterReadBack, initialStopRuleState, statusForStop, type EpochMetrics } from './stop-rule';
import type { RunCheckpoint, RunSpec, RunStatus, StopRuleSpec, StopRuleState, TestedWeights } from './types';

/** What checkpoints need from an optimizer; the lab's KerasOptimizer has it. */
interface StatefulOptimizer {
  exportState(variables: readonly tf.Variable[]): Promise<RunCheckpoint['optimizer']>;
  importState(variables: readonly tf.Variable[], state: RunCheckpoint['optimizer']): void;
}

function statefulOptimizer(optimizer: tf.Optimizer): StatefulOptimizer {
  const candidate = optimizer as Partial<StatefulOptimizer>;
  if (typeof candidate.exportState !== 'function' || typeof candidate.importState !== 'function') {
    throw new ConfigError('no-checkpoint', 'an optimizer that can export its state', optimizer.getClassName(), 'optimizer');
  }
  return candidate as StatefulOptimizer;
}

const copyOf = async (tensor: tf.Tensor): Promise<Float32Array> => Float32Array.from(await tensor.data());

interface PendingStep {
  readonly step: number;
  readonly loss: tf.Scalar;
  /** The model's metrics of the step but `lossSum` (the loss says it): `correct`, or a VAE's `reconstruction` and `kl`. */
  readonly metrics: Readonly<Record<string, tf.Scalar>>;
}

/** Sums over the batch losses of the epoch in progress, read back in groups. */
interface EpochTally {
  lossSum: number;
  steps: number;
  samples: number;
  seconds: number;
  /** Each metric summed over the epoch's samples, e.g. correct predictions. */
  metricSums: Record<string, number>;
}

const emptyTally = (): EpochTally => ({ lossSum: 0, steps: 0, samples: 0, seconds: 0, metricSums: {} });
const disposeStep = (p: PendingStep): void => {
  p.loss.dispose();
  Object.values(p.metrics).forEach((t) => t.dispose());
};

/**
 * One run of a comparison: its own model and optimizer (never shared: tfjs keys some
 * optimizer state by variable position, #4290), the tensors it has not read back yet,
 * and its bookkeeping. It owns every tensor it holds and frees them in `dispose`.
 */
export class RunState {
  status: RunStatus = 'running';
  /** onRunEnd has been called for this run. */
  reported = false;
  step = 0;
  epochsCompleted = 0;
  divergedAtStep: number | undefined;
  monitor: MonitorState = initialMonitorState;
  totalSeconds = 0;
  tally: EpochTally = emptyTally();
  stopRuleState: StopRuleState = initialStopRuleState;
  private pending: PendingStep[] = [];
  private bestWeights: tf.Tensor[] | undefined;
  /** Where the kept best weights were taken: the end of `epoch`, after `step` steps. */
  private bestWeightsAt: { step: number; epoch: number } | undefined;
  /** Set once early stopping has put the best weights back. */
  private restoredBestAt: { step: number; epoch: number } | undefined;

  constructor(
    readonly spec: RunSpec<unknown, unknown>,
    readonly model: TrainableModel,
    readonly optimizer: tf.Optimizer,
    readonly batchSize: number,
    readonly scaling: InputScaling,
    private readonly clock: () => number,
    /** Set when the comparison is probed: it takes this run's instrumented steps. */
    readonly probe?: RunProbe,
    /** The comparison's rule, or the run's own (which replaces it). */
    readonly stopRule?: StopRuleSpec,
  ) {}

  get isRunning(): boolean {
    return this.status === 'running';
  }

  /**
   * One optimizer step on `batch`; the loss stays on the backend until `readBack`. With
   * `probeWith` (and a probe), the same step is taken measured; the measuring itself is
   * not counted in the run's training time.
   */
  trainStep(batch: Batch, context: ForwardContext, probeWith?: { inputStats: tf.Tensor1D; epoch: number }): void {
    const started = this.clock();
    const metrics: Record<string, tf.Scalar> = {};
    let loss: tf.Scalar;
    let stepSeconds: number | undefined;
    if (probeWith && this.probe) {
      const out = this.probe.step(batch, context, probeWith.inputStats, { step: this.step + 1, epoch: probeWith.epoch }, () => (stepSeconds = (this.clock() - started) / 1000));
      loss = out.loss;
      Object.assign(metrics, out.metrics);
    } else {
      loss = tf.tidy(
        () =>
          this.optimizer.minimize(
            () => {
              const out = this.model.loss(batch, context);
              for (const [name, value] of Object.entries(out.metrics)) if (name !== 'lossSum') metrics[name] = tf.keep(value);
              return out.loss;
            },
            true,
            this.model.trainableVariables as tf.Variable[],
          ) as tf.Scalar,
      );
    }
    this.model.applyStateUpdates();
    this.step += 1;
    this.pending.push({ step: this.step, loss, metrics });
    this.tally.seconds += stepSeconds ?? (this.clock() - started) / 1000;
  }

  /**
   * Waits until the backend has done the run's latest step (one scalar read; the losses
   * stay pending for `readBack`), so progress that says a step is done means it: on
   * WebGL a step is only queued when trainStep returns. The wait is training time; the
   * caller keeps it rare (StepPacer), since it drains the backend's queue.
   */
  async settle(): Promise<void> {
    const last = this.pending.at(-1);
    if (!last) return;
    const started = this.clock();
    await last.loss.data();
    this.tally.seconds += (this.clock() - started) / 1000;
  }

  /**
   * Reads the pending losses in one transfer and adds them to the epoch's tally. Returns
   * the per-step losses; marks the run diverged at the first non-finite one.
   */
  async readBack(): Promise<{ losses: { step: number; loss: number }[]; probes: ProbeSample[] }> {
    const pending = this.pending;
    if (pending.length === 0) return { losses: [], probes: [] };
    this.pending = [];
    const started = this.clock();
    const losses = tf.stack(pending.map((p) => p.loss));
    const names = Object.keys(pending[0]!.metrics);
    // Every metric summed over the steps, all in one tensor: one read for the lot.
    const sums = names.length > 0 ? tf.tidy(() => tf.stack(names.map((name) => tf.addN(pending.map((p) => p.metrics[name]!))))) : undefined;
    pending.forEach(disposeStep);
    const probed = this.probe?.takePending();
    const [lossValues, sumValues, probeValues] = await Promise.all([losses.data(), sums?.data(), probed?.values.data()]);
    losses.dispose();
    sums?.dispose();
    probed?.values.dispose();
    this.tally.seconds += (this.clock() - started) / 1000;

    const values = pending.map((p, i) => ({ step: p.step, loss: lossValues[i]! }));
    const firstBad = values.find((v) => !Number.isFinite(v.loss));
    if (firstBad && this.status === 'running') {
      this.status = 'diverged';
      this.divergedAtStep = firstBad.step;
    }
    for (const v of values) this.tally.lossSum += v.loss;
    this.tally.steps += values.length;
    this.tally.samples += values.length * this.batchSize;
    names.forEach((name, i) => (this.tally.metricSums[name] = (this.tally.metricSums[name] ?? 0) + sumValues![i]!));
    return { losses: values, probes: probed ? probed.decode(probeValues as Float32Array) : [] };
  }

  /**
   * After a read-back: its stop rule's loss target and time limit. Returns whether the
   * rule ended the run now (it is then 'stopped-early').
   */
  applyReadBackRule(epoch: number, losses: readonly number[]): boolean {
    if (!this.stopRule || !this.isRunning) return false;
    const moment = { epoch, step: this.step, seconds: this.totalSeconds + this.tally.seconds };
    return this.takeRuleState(afterReadBack(this.stopRule, this.stopRuleState, moment, losses));
  }

  /** After an epoch's bookkeeping: the per-epoch targets and the epoch limit. */
  applyEpochRule(epoch: number, metrics: EpochMetrics): boolean {
    if (!this.stopRule || !this.isRunning) return false;
    return this.takeRuleState(afterEpoch(this.stopRule, this.stopRuleState, { epoch, step: this.step, seconds: this.totalSeconds }, metrics));
  }

  private takeRuleState(next: StopRuleState): boolean {
    this.stopRuleState = next;
    if (!next.stoppedBy) return false;
    this.status = statusForStop(next.stoppedBy);
    return true;
  }

  /** Closes the epoch's tally and starts a new one. */
  takeEpochTally(): EpochTally {
    const tally = this.tally;
    this.tally = emptyTally();
    this.totalSeconds += tally.seconds;
    return tally;
  }

  /** At the end of `epoch` (1-based), when it is the best so far. */
  rememberBestWeights(epoch: number): void {
    this.bestWeights?.forEach((t) => t.dispose());
    this.bestWeights = this.model.allVariables.map((v) => tf.keep(v.clone()));
    this.bestWeightsAt = { step: this.step, epoch };
  }

  restoreBestWeights(): void {
    if (!this.bestWeights) return;
    this.model.allVariables.forEach((v, i) => v.assign(this.bestWeights![i]!));
    this.restoredBestAt = this.bestWeightsAt;
  }

  /**
   * The weights the model holds now, as test metrics name them. Steps in the run's tally
   * belong to an epoch that has no record yet: the run stopped during it.
   */
  get weightsNow(): TestedWeights {
    if (this.restoredBestAt) return { ...this.restoredBestAt, epochEnd: true, restoredBest: true };
    const atEpochEnd = this.tally.steps === 0 && this.epochsCompleted > 0;
    return { step: this.step, epoch: atEpochEnd ? this.epochsCompleted : this.epochsCompleted + 1, epochEnd: atEpochEnd };
  }

  /** The run's state at an epoch boundary (no pending steps), as plain data. */
  async checkpoint(): Promise<RunCheckpoint> {
    const [weights, bestWeights, optimizer] = await Promise.all([
      Promise.all(this.model.allVariables.map(copyOf)),
      this.bestWeights ? Promise.all(this.bestWeights.map(copyOf)) : Promise.resolve(undefined),
      statefulOptimizer(this.optimizer).exportState(this.model.trainableVariables),
    ]);
    return {
      runId: this.spec.id,
      status: this.status,
      step: this.step,
      epochsCompleted: this.epochsCompleted,
      divergedAtStep: this.divergedAtStep,
      totalSeconds: this.totalSeconds,
      monitor: this.monitor,
      weights,
      bestWeights,
      ...(this.stopRule ? { stopRule: this.stopRuleState } : {}),
      optimizer,
    };
  }

  /** Puts the run back in the state `checkpoint` captured. */
  restore(checkpoint: RunCheckpoint): void {
    const variables = this.model.allVariables;
    if (checkpoint.weights.length !== variables.length) {
      throw new ConfigError('bad-checkpoint', `weights for ${variables.length} variables`, String(checkpoint.weights.length), `checkpoint of ${this.spec.id}`);
    }
    const toTensors = (arrays: readonly Float32Array[]) => arrays.map((values, i) => tf.tensor(values, variables[i]!.shape, 'float32'));
    tf.tidy(() => toTensors(checkpoint.weights).forEach((t, i) => variables[i]!.assign(t)));
    this.bestWeights?.forEach((t) => t.dispose());
    this.bestWeights = checkpoint.bestWeights ? toTensors(checkpoint.bestWeights).map((t) => tf.keep(t)) : undefined;
    // Checkpoints are taken at epoch ends, and every epoch of a run has the same number of steps.
    const bestEpoch = checkpoint.monitor.bestEpoch;
    this.bestWeightsAt =
      checkpoint.bestWeights && bestEpoch !== undefined && checkpoint.epochsCompleted > 0
        ? { step: (checkpoint.step / checkpoint.epochsCompleted) * bestEpoch, epoch: bestEpoch }
        : undefined;
    // Kept best weights mean restoreBestWeights is on; a run early stopping ended (not its stop rule) has them back.
    const restored = checkpoint.status === 'stopped-early' && !checkpoint.stopRule?.stoppedBy;
    this.restoredBestAt = restored ? this.bestWeightsAt : undefined;
    statefulOptimizer(this.optimizer).importState(this.model.trainableVariables, checkpoint.optimizer);
    this.status = checkpoint.status;
    this.step = checkpoint.step;
    this.epochsCompleted = checkpoint.epochsCompleted;
    this.divergedAtStep = checkpoint.divergedAtStep;
    this.totalSeconds = checkpoint.totalSeconds;
    this.monitor = checkpoint.monitor;
    this.stopRuleState = checkpoint.stopRule ?? initialStopRuleState;
    // Diverged and user-stopped runs were reported when they ended; a run that stopped
    // early is reported (and tested) only at the end of the comparison, so it still is.
    this.reported = this.status === 'diverged' || this.status === 'stopped' || this.status === 'cancelled';
  }

  dispose(options: { keepModel: boolean }): void {
    this.pending.forEach(disposeStep);
    this.pending = [];
    this.bestWeights?.forEach((t) => t.dispose());
    this.bestWeights = undefined;
    this.probe?.dispose();
    this.optimizer.dispose();
    if (!options.keepModel) this.model.dispose();
  }
}
