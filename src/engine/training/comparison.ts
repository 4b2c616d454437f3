import * as tf from '@tensorflow/tfjs';
import { hashSeed } from '../../lib/rng';
import { ConfigError } from '../../lib/errors';
import { Batcher } from '../data/batcher';
import { computeChannelStats } from '../data/split';
import type { ChannelStats, Dataset, InputScaling } from '../data/types';
import { confusionMatrix } from '../metrics/classification';
import type { TrainableModel } from '../models/types';
import { ComparisonController } from './controller';
import { updateMonitor } from './early-stopping';
import { evaluateModel } from './evaluate';
import { lossParts, validationParts } from './loss-parts';
import { isProbeStep, type ProbeSample } from './probe-types';
import { inputStatsOf, RunProbe, type ProbeOptions } from './probes';
import { ProgressTracker, StepPacer } from './progress-tracker';
import { RunState } from './run-state';
import { targetOutcome } from './stop-rule';
import type {
  BatchRecord,
  ComparisonCallbacks,
  ComparisonCheckpoint,
  ComparisonSpec,
  EpochRecord,
  RunResult,
  ModelsSnapshot,
  RunSpec,
  TestMetrics,
} from './types';

export interface ComparisonData {
  readonly train: Dataset;
  readonly validation?: Dataset;
  readonly test?: Dataset;
}

/** What the runner asks of a model factory: one model per run, all from the same seed. */
export interface ModelRequest<ModelOptions> {
  readonly architecture: string;
  readonly options: ModelOptions;
  readonly inputShape: readonly number[];
  readonly numClasses: number;
  readonly task: Dataset['task'];
  readonly seed: number;
  readonly modelId: string;
}

export interface ComparisonOptions<OptimizerConfig, ModelOptions> {
  readonly spec: ComparisonSpec<OptimizerConfig, ModelOptions>;
  readonly data: ComparisonData;
  readonly buildModel: (request: ModelRequest<ModelOptions>) => TrainableModel;
  readonly createOptimizer: (config: OptimizerConfig) => tf.Optimizer;
  readonly callbacks?: ComparisonCallbacks;
  readonly signal?: AbortSignal;
  readonly controller?: ComparisonController;
  /** Hand the trained models to the caller (who then disposes them) instead of freeing them. */
  readonly keepModels?: boolean;
  /** Continue from a checkpoint taken by `callbacks.onCheckpoint` with the same spec. */
  readonly resumeFrom?: ComparisonCheckpoint;
  /** Milliseconds; injectable so tests can make time deterministic. */
  readonly clock?: () => number;
  /**
   * Measure every run every `probes.every` steps (see probes.ts); the samples arrive
   * through `callbacks.onProbes` with the batch losses. Off when absent.
   */
  readonly probes?: ProbeOptions;
  /** How often epoch ends are checkpointed; every epoch when absent. */
  readonly checkpointSpacing?: CheckpointSpacing;
}

/**
 * Checkpoints at epoch ends, but no sooner than `minSeconds` after the last one (or the
 * start), nor sooner than its cost allows within `maxShare` of the time. Why: a
 * checkpoint reads every weight and optimizer slot back from the backend (about a second
 * for FCNN on SwiftShader), so on epochs of seconds, one per epoch is a fifth of the
 * training; on epochs of minutes it is every epoch anyway. A resume starts from the last
 * checkpoint and trains the epochs after it again.
 */
export interface CheckpointSpacing {
  readonly minSeconds: number;
  readonly maxShare: number;
}

/** Whether an epoch end at `nowMs` is due a checkpoint, given the last one's end and cost. */
export function checkpointDue(spacing: CheckpointSpacing | undefined, nowMs: number, last: { readonly endMs: number; readonly costMs: number }): boolean {
  if (!spacing) return true;
  return nowMs - last.endMs >= Math.max(spacing.minSeconds * 1000, last.costMs / spacing.maxShare);
}

export interface ComparisonResult {
  readonly runs: readonly RunResult[];
  readonly elapsedSeconds: number;
  /** Only with `keepModels`: run id → trained model, owned by the caller now. */
  readonly models?: ReadonlyMap<string, TrainableModel>;
}

/** Runs that share a batch size and scaling share batch tensors: the same bytes, once. */
interface BatchGroup {
  readonly key: string;
  readonly batcher: Batcher;
  readonly runs: RunState[];
  order: Uint32Array;
  stepsDone: number;
}

let comparisonCounter = 0;

/**
 * Trains every run of a comparison side by side. Fairness is built in, not hoped for:
 * all runs start from one set of initial weights, see the same samples in the same order
 * (and the same dropout noise at each step), and advance in lock-step, one batch for all,
 * so their curves grow together. Runs with other batch sizes advance in proportion, so
 * every run finishes each epoch at the same moment.
 */
export async function runComparison<OptimizerConfig, ModelOptions>(
  options: ComparisonOptions<OptimizerConfig, ModelOptions>,
): Promise<ComparisonResult> {
  const { spec, data, callbacks = {}, signal } = options;
  const controller = options.controller ?? new ComparisonController();
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const resumeFrom = options.resumeFrom;
  const elapsed = () => (resumeFrom?.elapsedSeconds ?? 0) + (clock() - started) / 1000;
  validateSpecAgainstData(spec, data.train);

  const stats = spec.runs.some((r) => (r.scaling ?? spec.scaling) === 'standardize')
    ? computeChannelStats(data.train)
    : undefined;
  const runs = buildRuns(options, clock);
  if (resumeFrom) restoreRuns(runs, resumeFrom);
  const groups = groupRuns(runs, data.train, spec.seed, stats);
  const ticksPerEpoch = Math.max(...groups.map((g) => g.batcher.batchesPerEpoch));
  const tracker = new ProgressTracker({
    clock,
    elapsed,
    epochs: spec.epochs,
    ticksPerEpoch,
    startEpoch: resumeFrom?.epochsCompleted ?? 0,
    validationCount: data.validation?.count ?? 0,
    testCount: data.test?.count ?? 0,
    runs,
    emit: callbacks.onProgress?.bind(callbacks),
  });
  const runIndex = new Map(runs.map((run, i) => [run, i]));
  // Only progress needs the waits: without a listener the backend's queue runs free.
  const pacer = callbacks.onProgress ? new StepPacer(clock) : undefined;
  const tested = async (run: RunState, test: Dataset): Promise<TestMetrics> => {
    tracker.enter('evaluating');
    tracker.report();
    const metrics = await testRun(run, test, spec.evalBatchSize, stats);
    tracker.evaluated(test.count);
    return metrics;
  };
  /** Phases of an epoch's end (and the comparison's) but validation, which endEpoch reports. */
  const during = async (phase: 'snapshot' | 'checkpointing', work: () => Promise<void>): Promise<void> => {
    tracker.enter(phase);
    tracker.report();
    await work();
  };

  // The start stands for a checkpoint of no cost: the first is due minSeconds in.
  let lastCheckpoint = { endMs: started, costMs: 0 };
  const reportedResults = new Map<RunState, RunResult>();
  const report = (run: RunState, test?: TestMetrics): RunResult => {
    const result = resultOf(run, test);
    run.reported = true;
    reportedResults.set(run, result);
    callbacks.onRunEnd?.(result);
    return result;
  };

  try {
    for (let epoch = resumeFrom?.epochsCompleted ?? 0; epoch < spec.epochs && runs.some((r) => r.isRunning); epoch++) {
      groups.forEach((g) => {
        g.order = g.batcher.epochOrder(epoch);
        g.stepsDone = 0;
      });
      for (let tick = 0; tick < ticksPerEpoch; tick++) {
        tracker.enter('training');
        // Progress per run step, not per read-back: a tick of seven big models takes seconds.
        const stepsInTick = groups.reduce((n, g) => n + stepsDue(g, tick, ticksPerEpoch) * g.runs.filter((r) => r.isRunning).length, 0);
        let taken = 0;
        const afterStep = async (run: RunState): Promise<void> => {
          taken += 1;
          if (pacer?.stepped()) {
            await run.settle();
            pacer.caughtUp();
          }
          tracker.stepped(runIndex.get(run)!);
          tracker.at(epoch, tick + taken / stepsInTick);
          tracker.report();
        };
        for (const group of groups) await advanceGroup(group, { tick, ticksPerEpoch, seed: spec.seed, epoch, probeEvery: options.probes?.every, afterStep });
        const atEnd = tick === ticksPerEpoch - 1;
        if ((tick + 1) % spec.lossReadEvery === 0 || atEnd) {
          const { records, probes } = await readBackAll(runs, epoch);
          pacer?.caughtUp();
          if (records.length > 0) callbacks.onBatches?.(records);
          if (probes.length > 0) callbacks.onProbes?.(probes);
          // A diverged run is over at once; the others go on without it.
          runs.filter((r) => r.status === 'diverged' && !r.reported).forEach((r) => report(r));
          // A run stopped by the user ends now, tested on the weights it has.
          for (const run of runs.filter((r) => r.isRunning && controller.isStopRequested(r.spec.id))) {
            run.status = 'stopped';
            report(run, data.test ? await tested(run, data.test) : undefined);
          }
          // So does a run at its loss target or past its time limit.
          for (const run of runs.filter((r) => r.applyReadBackRule(epoch + 1, lossesOf(records, r.spec.id)))) {
            report(run, data.test ? await tested(run, data.test) : undefined);
          }
          tracker.enter('training');
          tracker.at(epoch, tick + 1);
          tracker.report();
          if (controller.isPaused) {
            tracker.enter('paused');
            tracker.report();
          }
          await controller.waitWhilePaused(signal);
          tracker.enter('training');
          if (signal?.aborted || !runs.some((r) => r.isRunning)) break;
        }
      }
      if (signal?.aborted) break;
      await endEpoch(runs, epoch, spec, data, stats, callbacks, elapsed, tracker);
      if (callbacks.onModels) await during('snapshot', async () => callbacks.onModels?.(snapshotOf(runs, epoch + 1, false)));
      if (callbacks.onCheckpoint && checkpointDue(options.checkpointSpacing, clock(), lastCheckpoint)) {
        const onCheckpoint = callbacks.onCheckpoint;
        await during('checkpointing', async () => {
          const began = clock();
          const checkpoint: ComparisonCheckpoint = {
            version: 1,
            epochsCompleted: epoch + 1,
            elapsedSeconds: elapsed(),
            runs: await Promise.all(runs.map((run) => run.checkpoint())),
          };
          await onCheckpoint(checkpoint);
          const endMs = clock();
          lastCheckpoint = { endMs, costMs: endMs - began };
        });
      }
      tracker.epochEnded();
      pacer?.restart();
      const memory = tf.memory();
      callbacks.onMemory?.({ epoch: epoch + 1, numTensors: memory.numTensors, numBytes: memory.numBytes });
    }

    const results: RunResult[] = [];
    for (const run of runs) {
      if (run.isRunning) run.status = signal?.aborted ? 'cancelled' : 'completed';
      if (run.reported) {
        results.push(reportedResults.get(run) ?? resultOf(run));
        continue;
      }
      const testable = data.test && run.status !== 'diverged' && run.status !== 'cancelled';
      results.push(report(run, testable ? await tested(run, data.test!) : undefined));
    }
    if (!signal?.aborted && callbacks.onModels) {
      await during('snapshot', async () => callbacks.onModels?.(snapshotOf(runs, Math.max(0, ...runs.map((r) => r.epochsCompleted)), true)));
    }
    return {
      runs: results,
      elapsedSeconds: elapsed(),
      models: options.keepModels ? new Map(runs.map((r) => [r.spec.id, r.model])) : undefined,
    };
  } finally {
    runs.forEach((run) => run.dispose({ keepModel: options.keepModels === true }));
  }
}

function restoreRuns(runs: RunState[], checkpoint: ComparisonCheckpoint): void {
  const saved = new Map(checkpoint.runs.map((r) => [r.runId, r]));
  const ids = runs.map((r) => r.spec.id);
  if (checkpoint.runs.length !== runs.length || ids.some((id) => !saved.has(id))) {
    throw new ConfigError('bad-checkpoint', `a checkpoint of the runs ${ids.join(', ')}`, `one of ${[...saved.keys()].join(', ')}`, 'resumeFrom');
  }
  runs.forEach((run) => run.restore(saved.get(run.spec.id)!));
}

function validateSpecAgainstData(spec: ComparisonSpec<unknown, unknown>, train: Dataset): void {
  if (spec.runs.length === 0) throw new ConfigError('no-runs', 'at least one run', 'none', 'runs');
  const ids = new Set(spec.runs.map((r) => r.id));
  if (ids.size !== spec.runs.length) {
    throw new ConfigError('duplicate-run-id', 'a unique id per run', spec.runs.map((r) => r.id).join(', '), 'runs');
  }
  spec.runs.forEach((run, i) => {
    const size = run.batchSize ?? spec.batchSize;
    if (size !== 'full' && (size < 1 || size > train.count)) {
      throw new ConfigError('bad-batch-size', `a batch size from 1 to ${train.count} (the training set) or 'full'`, String(size), `runs[${i}].batchSize`);
    }
  });
}

function buildRuns<OptimizerConfig, ModelOptions>(
  options: ComparisonOptions<OptimizerConfig, ModelOptions>,
  clock: () => number,
): RunState[] {
  const { spec, data } = options;
  const comparisonId = `cmp${++comparisonCounter}`;
  const runs: RunState[] = [];
  try {
    spec.runs.forEach((runSpec: RunSpec<OptimizerConfig, ModelOptions>, index) => {
      const model = options.buildModel({
        architecture: spec.architecture,
        options: { ...spec.model, ...runSpec.model } as ModelOptions,
        inputShape: data.train.inputShape,
        numClasses: data.train.classNames.length,
        task: data.train.task,
        seed: spec.seed,
        modelId: `${comparisonId}-${index}`,
      });
      copyWeightsFromFirstOfSameShape(runs, model);
      const size = runSpec.batchSize ?? spec.batchSize;
      const optimizer = options.createOptimizer(runSpec.optimizer);
      runs.push(
        new RunState(
          runSpec as RunSpec<unknown, unknown>,
          model,
          optimizer,
          size === 'full' ? data.train.count : size,
          runSpec.scaling ?? spec.scaling,
          clock,
          options.probes ? new RunProbe(runSpec.id, model, optimizer) : undefined,
          (runSpec.stopRule === undefined ? spec.stopRule : runSpec.stopRule) ?? undefined,
        ),
      );
    });
  } catch (error) {
    runs.forEach((run) => run.dispose({ keepModel: false }));
    throw error;
  }
  return runs;
}

/**
 * The seed already makes equal architectures start equal; copying the weights of the
 * first run with the same variable shapes makes it a guarantee rather than a property of
 * every initialiser. Runs of another shape (a VAE2 beside a VAE1, per-run model options)
 * start from the first run of their own shape.
 */
function copyWeightsFromFirstOfSameShape(built: readonly RunState[], target: TrainableModel): void {
  const to = target.allVariables;
  const source = built.find(({ model }) => {
    const from = model.allVariables;
    return from.length === to.length && from.every((v, i) => tf.util.arraysEqual(v.shape, to[i]!.shape));
  });
  if (source) to.forEach((v, i) => v.assign(source.model.allVariables[i]!));
}

function snapshotOf(runs: readonly RunState[], epoch: number, final: boolean): ModelsSnapshot {
  return {
    epoch,
    final,
    runs: runs.map((run) => ({ runId: run.spec.id, status: run.status, step: run.step, epochsCompleted: run.epochsCompleted, model: run.model })),
  };
}

function groupRuns(runs: RunState[], train: Dataset, seed: number, stats: ChannelStats | undefined): BatchGroup[] {
  const groups = new Map<string, BatchGroup>();
  for (const run of runs) {
    const key = `${run.batchSize}|${run.scaling}`;
    let group = groups.get(key);
    if (!group) {
      const batcher = new Batcher({
        dataset: train,
        batchSize: run.batchSize,
        seed: hashSeed(seed, 'batches'),
        scaling: run.scaling as InputScaling,
        stats,
      });
      group = { key, batcher, runs: [], order: new Uint32Array(0), stepsDone: 0 };
      groups.set(key, group);
    }
    group.runs.push(run);
  }
  return [...groups.values()];
}

interface TickPlan {
  readonly tick: number;
  readonly ticksPerEpoch: number;
  readonly seed: number;
  /** 0-based. */
  readonly epoch: number;
  /** Probe runs whose next step is a probe step (see isProbeStep); undefined: no probes. */
  readonly probeEvery?: number;
  readonly afterStep?: (run: RunState) => Promise<void>;
}

/** The steps the group's batcher owes at this tick: its batches spread evenly over the ticks. */
function stepsDue(group: BatchGroup, tick: number, ticksPerEpoch: number): number {
  return Math.floor(((tick + 1) * group.batcher.batchesPerEpoch) / ticksPerEpoch) - Math.floor((tick * group.batcher.batchesPerEpoch) / ticksPerEpoch);
}

/** Takes this group's share of steps for the tick: one batch, stepped by each of its runs. */
async function advanceGroup(group: BatchGroup, plan: TickPlan): Promise<void> {
  const { tick, ticksPerEpoch, seed, epoch, probeEvery, afterStep } = plan;
  const target = Math.floor(((tick + 1) * group.batcher.batchesPerEpoch) / ticksPerEpoch);
  while (group.stepsDone < target) {
    const active = group.runs.filter((r) => r.isRunning);
    if (active.length === 0) return;
    const batch = group.batcher.batch(group.order, group.stepsDone);
    const probing = probeEvery === undefined ? [] : active.filter((r) => isProbeStep(r.step + 1, probeEvery));
    // The batch's statistics once for the group: its runs saw the same inputs.
    const inputStats = probing.length > 0 ? inputStatsOf(batch.x) : undefined;
    try {
      // Same noise for every run of the group at this step (dropout masks, VAE sampling).
      const noiseSeed = hashSeed(seed, 'noise', group.key, active[0]!.step);
      for (const run of active) {
        run.trainStep(batch, { training: true, noiseSeed }, inputStats && probing.includes(run) ? { inputStats, epoch: epoch + 1 } : undefined);
        await afterStep?.(run);
      }
    } finally {
      batch.x.dispose();
      batch.y.dispose();
      inputStats?.dispose();
    }
    group.stepsDone += 1;
  }
}

async function readBackAll(runs: RunState[], epoch: number): Promise<{ records: BatchRecord[]; probes: ProbeSample[] }> {
  const perRun = await Promise.all(runs.map((run) => run.readBack()));
  return {
    records: perRun.flatMap(({ losses }, i) => losses.map((v) => ({ runId: runs[i]!.spec.id, epoch: epoch + 1, step: v.step, loss: v.loss }))),
    probes: perRun.flatMap(({ probes }) => probes),
  };
}

function lossesOf(records: readonly BatchRecord[], runId: string): number[] {
  return records.filter((r) => r.runId === runId).map((r) => r.loss);
}

async function endEpoch(
  runs: RunState[],
  epoch: number,
  spec: ComparisonSpec<unknown, unknown>,
  data: ComparisonData,
  stats: ChannelStats | undefined,
  callbacks: ComparisonCallbacks,
  elapsed: () => number,
  tracker: ProgressTracker,
): Promise<void> {
  // Runs that diverged or were stopped mid-epoch end at their last whole epoch.
  for (const run of runs.filter((r) => r.isRunning)) {
    const tally = run.takeEpochTally();
    if (tally.steps === 0) continue;
    if (data.validation) {
      tracker.enter('evaluating');
      tracker.report();
    }
    const validation = data.validation
      ? await evaluateModel(run.model, data.validation, { batchSize: spec.evalBatchSize, scaling: run.scaling, stats })
      : undefined;
    if (validation) tracker.evaluated(data.validation!.count);
    run.epochsCompleted = epoch + 1;
    // The model's task, not the dataset's: a VAE on Fashion-MNIST has no accuracy.
    const classification = run.model.task === 'classification';
    const record: EpochRecord = {
      runId: run.spec.id,
      epoch: epoch + 1,
      steps: run.step,
      loss: tally.lossSum / tally.steps,
      accuracy: classification ? (tally.metricSums.correct ?? 0) / tally.samples : undefined,
      valLoss: validation?.loss,
      valAccuracy: validation?.accuracy,
      ...lossParts(tally.metricSums, tally.samples),
      ...(validation ? validationParts(lossParts(validation.metrics, 1)) : {}),
      trainSeconds: tally.seconds,
      elapsedSeconds: elapsed(),
    };
    await callbacks.onEpoch?.(record);
    const es = run.spec.earlyStopping === undefined ? spec.earlyStopping : run.spec.earlyStopping;
    if (es && run.isRunning) {
      const monitored = {
        val_loss: record.valLoss ?? record.loss,
        val_accuracy: record.valAccuracy ?? record.accuracy ?? Number.NaN,
        loss: record.loss,
      }[es.monitor];
      const { state, improved, stop } = updateMonitor(run.monitor, monitored, epoch + 1, es);
      run.monitor = state;
      if (improved && es.restoreBestWeights) run.rememberBestWeights(epoch + 1);
      if (stop) {
        if (es.restoreBestWeights) run.restoreBestWeights();
        run.status = 'stopped-early';
      }
    }
    run.applyEpochRule(epoch + 1, record);
  }
}

async function testRun(
  run: RunState,
  test: Dataset,
  batchSize: number,
  stats: ChannelStats | undefined,
): Promise<TestMetrics> {
  const weights = run.weightsNow;
  const evaluation = await evaluateModel(run.model, test, {
    batchSize,
    scaling: run.scaling,
    stats,
    // The evaluator decides by the model's task what a prediction is (none for a VAE).
    withPredictions: true,
  });
  return {
    weights,
    loss: evaluation.loss,
    accuracy: evaluation.accuracy,
    confusion: evaluation.predictions
      ? confusionMatrix(test.targets, evaluation.predictions, test.classNames.length)
      : undefined,
    ...lossParts(evaluation.metrics, 1),
    ...(evaluation.outputs ? { predictions: evaluation.outputs } : {}),
  };
}

function resultOf(run: RunState, test?: TestMetrics): RunResult {
  return {
    runId: run.spec.id,
    label: run.spec.label,
    status: run.status,
    divergedAtStep: run.divergedAtStep,
    epochsCompleted: run.epochsCompleted,
    bestEpoch: run.monitor.bestEpoch,
    test,
    trainSeconds: run.totalSeconds,
    ...stopRuleResult(run),
  };
}

function stopRuleResult(run: RunState): Pick<RunResult, 'target' | 'stoppedBy'> {
  const target = targetOutcome(run.stopRule, run.stopRuleState, run);
  const { stoppedBy } = run.stopRuleState;
  return { ...(target ? { target } : {}), ...(stoppedBy ? { stoppedBy } : {}) };
}
