import type { InputScaling } from '../data/types';
import type { TrainableModel } from '../models/types';
import type { ProbeSample } from './probe-types';

/** Stop a run when its monitored value stops improving (Keras's EarlyStopping). */
export interface EarlyStoppingSpec {
  /** 'val_loss' falls back to the training loss when there is no validation set. */
  readonly monitor: 'val_loss' | 'val_accuracy' | 'loss';
  readonly patience: number;
  readonly minDelta: number;
  readonly restoreBestWeights: boolean;
}

/** Everything one run may set for itself; unset fields come from the comparison. */
export interface RunSpec<OptimizerConfig = unknown, ModelOptions = Record<string, unknown>> {
  readonly id: string;
  readonly label: string;
  readonly optimizer: OptimizerConfig;
  readonly batchSize?: number | 'full';
  readonly scaling?: InputScaling;
  /** Merged over the comparison's model options (dropout, l2, batchNorm, ...). */
  readonly model?: ModelOptions;
  /** Overrides the comparison's early stopping; null turns it off for this run. */
  readonly earlyStopping?: EarlyStoppingSpec | null;
  /** Overrides the comparison's stop rule; null turns it off for this run. */
  readonly stopRule?: StopRuleSpec | null;
}

export interface ComparisonSpec<OptimizerConfig = unknown, ModelOptions = Record<string, unknown>> {
  readonly seed: number;
  readonly epochs: number;
  /** 'full' is batch gradient descent: the whole training set per step. */
  readonly batchSize: number | 'full';
  readonly scaling: InputScaling;
  readonly architecture: string;
  readonly model: ModelOptions;
  /** Losses are read back from the backend every this many steps (never every batch). */
  readonly lossReadEvery: number;
  readonly evalBatchSize: number;
  readonly earlyStopping?: EarlyStoppingSpec;
  /** Every run's own finish line (a run may override it). */
  readonly stopRule?: StopRuleSpec;
  readonly runs: readonly RunSpec<OptimizerConfig, ModelOptions>[];
}

/** What a stop rule's target watches: accuracies count as reached at >= the value, losses at <=. */
export type TargetMetric = 'accuracy' | 'val_accuracy' | 'loss' | 'val_loss';

/**
 * A run's own finish line, as in a learning-rate sweep (E4: "until 97% train accuracy or
 * 120 s"): the run stops once its target metric reaches the value, once it has trained
 * for `maxSeconds` of its own time, or after `maxEpochs` epochs, whichever comes first.
 * The target is checked where the metric is known: train and validation accuracy and
 * validation loss when an epoch ends, the training loss (the mean of the batch losses
 * read back together) at every read-back, as is the time limit.
 */
export interface StopRuleSpec {
  readonly target?: { readonly metric: TargetMetric; readonly value: number };
  /** Seconds of the run's own training (its share of the lock-step, as `trainSeconds`). */
  readonly maxSeconds?: number;
  readonly maxEpochs?: number;
}

/** Where and when a run first met its target. */
export interface TargetReached {
  readonly outcome: 'reached';
  /** The run's own training seconds up to then. */
  readonly seconds: number;
  readonly step: number;
  /** 1-based: the epoch that was in progress (or had just ended). */
  readonly epoch: number;
  readonly value: number;
}

/** A run with a target: reached, not reached (with the best value it got to), or diverged first. */
export type TargetOutcome =
  | TargetReached
  | { readonly outcome: 'not-reached'; readonly best?: number }
  | { readonly outcome: 'diverged'; readonly step?: number };

/** Why a stop rule ended a run. */
export type StopReason = 'target' | 'time-limit' | 'epoch-limit';

export interface BatchRecord {
  readonly runId: string;
  readonly epoch: number;
  /** Steps this run has taken, 1-based, counting all epochs. */
  readonly step: number;
  readonly loss: number;
}

export interface EpochRecord {
  readonly runId: string;
  /** 1-based, like Keras's progress output. */
  readonly epoch: number;
  readonly steps: number;
  /** Mean of the epoch's batch losses (with any L2 penalty), as Keras reports `loss`. */
  readonly loss: number;
  readonly accuracy?: number;
  readonly valLoss?: number;
  readonly valAccuracy?: number;
  /** Generative models (the VAE): the epoch's mean per-image reconstruction error and KL term; they add up to `loss`. */
  readonly reconstruction?: number;
  readonly kl?: number;
  /** The same two parts of `valLoss`. */
  readonly valReconstruction?: number;
  readonly valKl?: number;
  /** Seconds this run spent in its training steps this epoch (its share of the lock-step). */
  readonly trainSeconds: number;
  /** Wall-clock seconds since the comparison started, at the end of this epoch. */
  readonly elapsedSeconds: number;
}

export type RunStatus = 'running' | 'completed' | 'diverged' | 'stopped-early' | 'stopped' | 'cancelled';

/**
 * Which weights a run's test metrics were computed on. A run stopped mid-epoch (by the
 * user, or by its stop rule's loss target or time limit) is tested on the weights it
 * has then, steps after its last epoch's validation; early stopping with
 * restoreBestWeights tests the best epoch's weights, epochs before the last one.
 */
export interface TestedWeights {
  /** The weights after this many of the run's steps. */
  readonly step: number;
  /** 1-based: the epoch the step belongs to. */
  readonly epoch: number;
  /** The weights at the end of `epoch`: the ones that epoch's record (and its validation) saw. */
  readonly epochEnd: boolean;
  /** Early stopping put back the weights of `epoch`, its best. */
  readonly restoredBest?: boolean;
}

export interface TestMetrics {
  /** Absent in results saved before it was recorded. */
  readonly weights?: TestedWeights;
  readonly loss: number;
  readonly accuracy?: number;
  /** counts[true][predicted]; classification only. */
  readonly confusion?: number[][];
  /** Generative models: the parts of `loss`, per image. */
  readonly reconstruction?: number;
  readonly kl?: number;
  /**
   * Regression only: the model's output for the first test samples (at most
   * PREDICTION_LIMIT), in test-set order, for a scatter plot of what it learned.
   */
  readonly predictions?: Float32Array;
}

export interface RunResult {
  readonly runId: string;
  readonly label: string;
  readonly status: RunStatus;
  /** Set for 'diverged': the first step whose loss was not finite. */
  readonly divergedAtStep?: number;
  readonly epochsCompleted: number;
  readonly bestEpoch?: number;
  readonly test?: TestMetrics;
  readonly trainSeconds: number;
  /** Runs with a stop-rule target: whether and when they reached it. */
  readonly target?: TargetOutcome;
  /** Set when the run's stop rule ended it ('target' and 'time-limit' end it as 'stopped-early'). */
  readonly stoppedBy?: StopReason;
}

/** A stop rule's bookkeeping: the best target value so far, and what it decided. */
export interface StopRuleState {
  readonly best?: number;
  readonly reached?: TargetReached;
  readonly stoppedBy?: StopReason;
}

/**
 * What the runner is doing: 'snapshot' is the time callbacks.onModels takes (the lab's
 * worker decodes a VAE's galleries there), 'paused' the time it waits for a resume.
 */
export type ProgressPhase = 'training' | 'evaluating' | 'snapshot' | 'checkpointing' | 'paused';

/** One run's training in this session up to the last whole tick it trained in: `samples` stepped in `seconds` of the comparison's training time. */
export interface RunThroughput {
  readonly runId: string;
  readonly samples: number;
  readonly seconds: number;
}

/**
 * Reported after every run's training step and at every phase change (progress-tracker.ts).
 * Counts and seconds are this session's (a resumed comparison's start at its checkpoint).
 */
export interface ComparisonProgress {
  /** 1-based: the epoch in progress (or whose end is being done). */
  readonly epoch: number;
  readonly epochs: number;
  /** Lock-step ticks done in this epoch, out of `ticksPerEpoch`; fractional within a tick (its share of run steps taken). */
  readonly tick: number;
  readonly ticksPerEpoch: number;
  readonly elapsedSeconds: number;
  readonly phase: ProgressPhase;
  /** Wall seconds spent in each phase. */
  readonly phaseSeconds: Readonly<Record<ProgressPhase, number>>;
  /** Ticks trained, in `phaseSeconds.training`. */
  readonly ticksTrained: number;
  /** Once a whole tick is trained: the training seconds it took, the backend's warm-up (compiling its programs) among them. */
  readonly firstTickSeconds?: number;
  /** Training samples stepped, all runs together. */
  readonly samplesTrained: number;
  /** Samples validated or tested, all runs together, in `evaluatedSeconds` (the evaluating phase's seconds but the evaluation in progress). */
  readonly samplesEvaluated: number;
  readonly evaluatedSeconds: number;
  /** Samples still to validate (at the epoch ends left) and test (at the end), for the runs as they stand. */
  readonly samplesToEvaluate: number;
  /** Epoch ends finished (validation, snapshot, checkpoint), and those to come while a run trains. */
  readonly epochEndsDone: number;
  readonly epochEndsLeft: number;
  readonly runs: readonly RunThroughput[];
}

export interface ComparisonCallbacks {
  /** Per-batch losses, delivered in groups at each read-back. */
  onBatches?(records: readonly BatchRecord[]): void;
  /** With probes on: the probe samples read back with those losses. */
  onProbes?(samples: readonly ProbeSample[]): void;
  onEpoch?(record: EpochRecord): void | Promise<void>;
  onRunEnd?(result: RunResult): void;
  onProgress?(progress: ComparisonProgress): void;
  /** After each epoch, when set: the state to resume from. Awaited, like onEpoch. */
  onCheckpoint?(checkpoint: ComparisonCheckpoint): void | Promise<void>;
  /**
   * After each epoch's records (before its checkpoint), and once more when the comparison
   * ends (unless cancelled): every run's model as it is now, to read from (a VAE's image
   * galleries). Awaited. The models stay the runner's: never keep or dispose them.
   */
  onModels?(snapshot: ModelsSnapshot): void | Promise<void>;
  /** After each epoch's bookkeeping: lets tests and the UI watch memory. */
  onMemory?(memory: { epoch: number; numTensors: number; numBytes: number }): void;
}

export interface ModelsSnapshot {
  /** The epochs finished so far (the last one when `final`). */
  readonly epoch: number;
  /** True for the call at the end of the comparison. */
  readonly final: boolean;
  readonly runs: readonly {
    readonly runId: string;
    readonly status: RunStatus;
    /** Steps the run has taken: a run whose step count did not change has the same weights. */
    readonly step: number;
    readonly epochsCompleted: number;
    readonly model: TrainableModel;
  }[];
}

/** One run's whole state at an epoch boundary, as plain data (IndexedDB, postMessage). */
export interface RunCheckpoint {
  readonly runId: string;
  readonly status: RunStatus;
  readonly step: number;
  readonly epochsCompleted: number;
  readonly divergedAtStep?: number;
  readonly totalSeconds: number;
  readonly monitor: { readonly best: number; readonly bestEpoch: number | undefined; readonly wait: number };
  /** The model's variables (trainable and state), in `allVariables` order. */
  readonly weights: readonly Float32Array[];
  readonly bestWeights?: readonly Float32Array[];
  /** The stop rule's bookkeeping, when the run has one. */
  readonly stopRule?: StopRuleState;
  readonly optimizer: {
    readonly iterations: number;
    readonly slots: readonly (Readonly<Record<string, Float32Array>> | null)[];
  };
}

/**
 * Enough to resume a comparison after a reload or a lost context: every run's weights,
 * optimizer state and bookkeeping after `epochsCompleted` epochs. Batch order and noise
 * are pure functions of the seed and the step, so the continuation is the same run.
 */
export interface ComparisonCheckpoint {
  readonly version: 1;
  readonly epochsCompleted: number;
  readonly elapsedSeconds: number;
  readonly runs: readonly RunCheckpoint[];
}
