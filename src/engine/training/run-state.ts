import * as tf from '@tensorflow/tfjs';
import type { Batch, InputScaling } from '../data/types';
import type { ForwardContext, TrainableModel } from '../models/types';
import { initialMonitorState, type MonitorState } from './early-stopping';
import type { RunSpec, RunStatus } from './types';

interface PendingStep {
  readonly step: number;
  readonly loss: tf.Scalar;
  readonly correct?: tf.Scalar;
}

/** Sums over the batch losses of the epoch in progress, read back in groups. */
interface EpochTally {
  lossSum: number;
  steps: number;
  correct: number;
  samples: number;
  seconds: number;
}

const emptyTally = (): EpochTally => ({ lossSum: 0, steps: 0, correct: 0, samples: 0, seconds: 0 });

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
  private pending: PendingStep[] = [];
  private bestWeights: tf.Tensor[] | undefined;

  constructor(
    readonly spec: RunSpec<unknown, unknown>,
    readonly model: TrainableModel,
    readonly optimizer: tf.Optimizer,
    readonly batchSize: number,
    readonly scaling: InputScaling,
    private readonly clock: () => number,
  ) {}

  get isRunning(): boolean {
    return this.status === 'running';
  }

  /** One optimizer step on `batch`; the loss stays on the backend until `readBack`. */
  trainStep(batch: Batch, context: ForwardContext): void {
    const started = this.clock();
    const metrics: { correct?: tf.Scalar } = {};
    const loss = tf.tidy(
      () =>
        this.optimizer.minimize(
          () => {
            const out = this.model.loss(batch, context);
            if (out.metrics.correct) metrics.correct = tf.keep(out.metrics.correct);
            return out.loss;
          },
          true,
          this.model.trainableVariables as tf.Variable[],
        ) as tf.Scalar,
    );
    this.model.applyStateUpdates();
    this.step += 1;
    this.pending.push({ step: this.step, loss, correct: metrics.correct });
    this.tally.seconds += (this.clock() - started) / 1000;
  }

  /**
   * Reads the pending losses in one transfer and adds them to the epoch's tally. Returns
   * the per-step losses; marks the run diverged at the first non-finite one.
   */
  async readBack(): Promise<{ step: number; loss: number }[]> {
    const pending = this.pending;
    if (pending.length === 0) return [];
    this.pending = [];
    const started = this.clock();
    const losses = tf.stack(pending.map((p) => p.loss));
    const corrects = pending.flatMap((p) => (p.correct ? [p.correct] : []));
    const correctSum = corrects.length > 0 ? tf.addN(corrects) : undefined;
    pending.forEach((p) => {
      p.loss.dispose();
      p.correct?.dispose();
    });
    const [lossValues, correctValue] = await Promise.all([losses.data(), correctSum?.data()]);
    losses.dispose();
    correctSum?.dispose();
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
    this.tally.correct += correctValue?.[0] ?? 0;
    return values;
  }

  /** Closes the epoch's tally and starts a new one. */
  takeEpochTally(): EpochTally {
    const tally = this.tally;
    this.tally = emptyTally();
    this.totalSeconds += tally.seconds;
    return tally;
  }

  rememberBestWeights(): void {
    this.bestWeights?.forEach((t) => t.dispose());
    this.bestWeights = this.model.allVariables.map((v) => tf.keep(v.clone()));
  }

  restoreBestWeights(): void {
    if (!this.bestWeights) return;
    this.model.allVariables.forEach((v, i) => v.assign(this.bestWeights![i]!));
  }

  dispose(options: { keepModel: boolean }): void {
    this.pending.forEach((p) => {
      p.loss.dispose();
      p.correct?.dispose();
    });
    this.pending = [];
    this.bestWeights?.forEach((t) => t.dispose());
    this.bestWeights = undefined;
    this.optimizer.dispose();
    if (!options.keepModel) this.model.dispose();
  }
}
