import type { ComparisonProgress, ProgressPhase } from './types';

/** What the tracker reads of a run: the runner's RunState has it. */
export interface TrackedRun {
  readonly spec: { readonly id: string };
  readonly batchSize: number;
  readonly isRunning: boolean;
  readonly status: string;
  /** onRunEnd was called: a run reported before the end has had its test already. */
  readonly reported: boolean;
  readonly epochsCompleted: number;
}

export interface ProgressTrackerOptions {
  /** Milliseconds, the runner's clock. */
  readonly clock: () => number;
  /** The comparison's elapsed seconds (a resumed comparison's count on from its checkpoint's). */
  readonly elapsed: () => number;
  readonly epochs: number;
  readonly ticksPerEpoch: number;
  /** 0-based: the first epoch this session trains (after a checkpoint's epochs). */
  readonly startEpoch: number;
  /** Samples one validation (or test) of one run reads; 0 without that set. */
  readonly validationCount: number;
  readonly testCount: number;
  readonly runs: readonly TrackedRun[];
  readonly emit?: (progress: ComparisonProgress) => void;
}

const PHASES: readonly ProgressPhase[] = ['training', 'evaluating', 'snapshot', 'checkpointing', 'paused'];

type Position = Pick<ComparisonProgress, 'epoch' | 'epochs' | 'tick' | 'ticksPerEpoch' | 'elapsedSeconds'>;

/** A report at `position` in training with nothing measured or counted but what `values` says (fakes and tests). */
export function progressAt(position: Position, values: Partial<ComparisonProgress> = {}): ComparisonProgress {
  return {
    ...position,
    phase: 'training',
    phaseSeconds: { training: 0, evaluating: 0, snapshot: 0, checkpointing: 0, paused: 0 },
    ticksTrained: 0,
    samplesTrained: 0,
    samplesEvaluated: 0,
    evaluatedSeconds: 0,
    samplesToEvaluate: 0,
    epochEndsDone: 0,
    epochEndsLeft: 0,
    runs: [],
    ...values,
  };
}

/**
 * The runner's account of where it stands, for progress bars that move per batch and
 * an estimate that knows evaluation is still to come: wall time per phase, work done in
 * each, and the evaluation left. It measures and counts; estimating is the reader's
 * business (the UI's progress model), so the numbers stay raw and cheap to send.
 */
export class ProgressTracker {
  private phase: ProgressPhase = 'training';
  private phaseStarted: number;
  private readonly seconds: Record<ProgressPhase, number> = { training: 0, evaluating: 0, snapshot: 0, checkpointing: 0, paused: 0 };
  private epoch = 0;
  private tick = 0;
  private ticksTrained = 0;
  private firstTickSeconds: number | undefined;
  private samplesTrained = 0;
  private samplesEvaluated = 0;
  private evaluatedSeconds = 0;
  private epochEndsDone = 0;
  private readonly runSamples: number[];
  /** Each run's samples and the training seconds at the last whole tick it trained in: steps within a tick would tell the runs apart by their order. */
  private readonly atTick: { samples: number; seconds: number }[];

  constructor(private readonly options: ProgressTrackerOptions) {
    this.phaseStarted = options.clock();
    this.epoch = options.startEpoch;
    this.runSamples = options.runs.map(() => 0);
    this.atTick = options.runs.map(() => ({ samples: 0, seconds: 0 }));
  }

  /** Starts a phase (a no-op in the one already running); its time counts from now. */
  enter(phase: ProgressPhase): void {
    if (phase === this.phase) return;
    const now = this.options.clock();
    this.seconds[this.phase] += (now - this.phaseStarted) / 1000;
    this.phase = phase;
    this.phaseStarted = now;
  }

  /**
   * Where training stands: `epoch` 0-based, `tick` the ticks done in it, fractional
   * within a tick (the share of its run steps taken).
   */
  at(epoch: number, tick: number): void {
    if (epoch === this.epoch) this.ticksTrained += Math.max(0, tick - this.tick);
    else this.ticksTrained += tick;
    this.epoch = epoch;
    this.tick = tick;
    if (!Number.isInteger(tick)) return;
    const seconds = this.secondsIn('training');
    if (this.firstTickSeconds === undefined && this.ticksTrained >= 1) this.firstTickSeconds = seconds;
    this.options.runs.forEach((run, i) => {
      if (run.isRunning) this.atTick[i] = { samples: this.runSamples[i]!, seconds };
    });
  }

  /** One run took one training step. */
  stepped(runIndex: number): void {
    const run = this.options.runs[runIndex]!;
    this.samplesTrained += run.batchSize;
    this.runSamples[runIndex]! += run.batchSize;
  }

  /** An evaluation of `samples` is over: what the evaluating phase cost so far is theirs. */
  evaluated(samples: number): void {
    this.samplesEvaluated += samples;
    this.evaluatedSeconds = this.secondsIn('evaluating');
  }

  /** An epoch's end is over: validation, snapshot and checkpoint. */
  epochEnded(): void {
    this.epochEndsDone += 1;
  }

  report(): void {
    this.options.emit?.(this.snapshot());
  }

  snapshot(): ComparisonProgress {
    const { epochs, ticksPerEpoch, runs } = this.options;
    const phaseSeconds = Object.fromEntries(PHASES.map((p) => [p, this.secondsIn(p)])) as Record<ProgressPhase, number>;
    const anyRunning = runs.some((r) => r.isRunning);
    return {
      epoch: this.epoch + 1,
      epochs,
      tick: this.tick,
      ticksPerEpoch,
      elapsedSeconds: this.options.elapsed(),
      phase: this.phase,
      phaseSeconds,
      ticksTrained: this.ticksTrained,
      ...(this.firstTickSeconds !== undefined ? { firstTickSeconds: this.firstTickSeconds } : {}),
      samplesTrained: this.samplesTrained,
      samplesEvaluated: this.samplesEvaluated,
      evaluatedSeconds: this.evaluatedSeconds,
      samplesToEvaluate: this.evaluationLeft(),
      epochEndsDone: this.epochEndsDone,
      epochEndsLeft: anyRunning ? Math.max(0, epochs - this.options.startEpoch - this.epochEndsDone) : 0,
      runs: runs.map((run, i) => ({ runId: run.spec.id, ...this.atTick[i]! })),
    };
  }

  private secondsIn(phase: ProgressPhase): number {
    const open = phase === this.phase ? (this.options.clock() - this.phaseStarted) / 1000 : 0;
    return this.seconds[phase] + open;
  }

  /**
   * A run still training is validated at each epoch end it has not finished (its
   * `epochsCompleted` counts up once its validation is done) and tested at the end; a run
   * that stopped is tested once, when it is reported, unless it diverged.
   */
  private evaluationLeft(): number {
    const { validationCount, testCount, epochs } = this.options;
    return this.options.runs.reduce((sum, run) => {
      const validations = run.isRunning ? validationCount * (epochs - run.epochsCompleted) : 0;
      const test = !run.reported && run.status !== 'diverged' && run.status !== 'cancelled' ? testCount : 0;
      return sum + validations + test;
    }, 0);
  }
}

/**
 * How often the runner waits for the backend between read-backs, so that progress moves
 * about every `everySeconds` and no more: after every step while steps are slow (or not
 * timed yet), every so many steps once they are fast, never for steps of milliseconds
 * (the read-backs come first). Waiting drains the backend's queue, which costs little
 * next to a step that long.
 */
export class StepPacer {
  private steps = 0;
  private since: number;
  private secondsPerStep: number | undefined;

  constructor(
    private readonly clock: () => number,
    // A wait drains the backend's queue (WebGL fences everything issued before the read),
    // and the backend idles while the next step is built: on SwiftShader a wait after each
    // half-second SCNN step cost 42% of the lab's rate, one a second still 20%. Every 3 s
    // keeps a bar moving at a glance for a few per cent.
    private readonly everySeconds = 3,
  ) {
    this.since = clock();
  }

  /** After a step: whether to wait for the backend now. */
  stepped(): boolean {
    this.steps += 1;
    return this.secondsPerStep === undefined || this.steps * this.secondsPerStep >= this.everySeconds;
  }

  /** The backend has caught up with the steps since the last time (a wait or a read-back): they took this long. */
  caughtUp(): void {
    const now = this.clock();
    if (this.steps > 0) this.secondsPerStep = (now - this.since) / 1000 / this.steps;
    this.steps = 0;
    this.since = now;
  }

  /** Starts timing afresh after work that was not steps (an epoch's end). */
  restart(): void {
    this.steps = 0;
    this.since = this.clock();
  }
}
