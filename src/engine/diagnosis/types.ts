/**
 * The diagnosis's vocabulary, as plain data: what a detector reads about one run, and
 * the notice it gives. No tfjs: the UI's main thread runs the detectors on the records
 * it already holds.
 */
import type { InputScaling } from '../data/types';
import type { ExperimentConfigInput } from '../experiment/config';
import type { KerasOptimizerName } from '../optimizers/types';
import type { ProbeSample } from '../training/probe-types';
import type { EpochRecord, RunStatus } from '../training/types';

/** 'problem': the run cannot learn as set up. 'warning': it learns, worse than it could. */
export type Severity = 'problem' | 'warning';

type RunInput = ExperimentConfigInput['runs'][number];

/** A change to one run's settings; what is set replaces (or, for objects, merges over) the run's own. */
export interface RunPatch {
  readonly scaling?: InputScaling;
  /** Merged over the run's optimizer hyperparameters. */
  readonly hyperparameters?: Readonly<Record<string, number | null>>;
  /** Merged over the run's model options. */
  readonly model?: NonNullable<RunInput['model']>;
  readonly earlyStopping?: RunInput['earlyStopping'];
}

export interface TryThis {
  /** What the fix does, the same for every run it fits: "Raise the learning rate". */
  readonly action: string;
  /** This run's value, where runs differ: "to 0.1". */
  readonly target?: string;
  /** A button's text: the action with this run's target, e.g. "Raise the learning rate to 0.1". */
  readonly label: string;
  readonly patch: RunPatch;
}

export interface Notice {
  /** The detector's name (one notice per detector and run). */
  readonly id: string;
  readonly severity: Severity;
  /** One line: what is wrong. */
  readonly title: string;
  /** What was seen, with the numbers. */
  readonly seen: string;
  /** Why it likely happens. */
  readonly why: string;
  /** What to try, as a change to this run's settings. */
  readonly tryThis?: TryThis;
}

/** Everything a detector may read about one run: its settings and its records so far. */
export interface RunRecords {
  readonly runId: string;
  readonly label: string;
  readonly optimizer: KerasOptimizerName;
  /** The run's learning rate: a constant, or a schedule's initial value. */
  readonly learningRate: number;
  readonly scaling: InputScaling;
  /** The inputs are stored pixels (0–255) rather than features on their own scale. */
  readonly pixelInputs: boolean;
  readonly task: 'classification' | 'regression';
  /** Classes of a classifier (chance accuracy is 1 / classes); 0 for regression. */
  readonly classes: number;
  readonly hasDropout: boolean;
  readonly hasEarlyStopping: boolean;
  readonly l2: number;
  /** Per-batch loss, in step order: steps[i] ↔ losses[i]. */
  readonly steps: readonly number[];
  readonly losses: readonly number[];
  readonly epochs: readonly EpochRecord[];
  readonly probes: readonly ProbeSample[];
  /** Set once the run has ended. */
  readonly status?: RunStatus;
  readonly divergedAtStep?: number;
}

/** One detector: a pure function of a run's records; silent (undefined) on a healthy run. */
export type Detector = (run: RunRecords) => Notice | undefined;
