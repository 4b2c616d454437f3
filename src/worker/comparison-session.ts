import type { TrainTestSplit } from '../engine/data/types';
import type { ExperimentPlan } from '../engine/experiment/config';
import { runExperiment } from '../engine/experiment/run-experiment';
import type { CheckpointSpacing } from '../engine/training/comparison';
import { DEFAULT_PROBE_EVERY } from '../engine/training/probes';
import type { ComparisonCheckpoint } from '../engine/training/types';
import { checkpointBuffers } from '../protocol/checkpoint-schema';
import { PROTOCOL_VERSION } from '../protocol/messages';
import { createGalleryPoster } from './gallery-poster';
import { createRecordThrottle, type PostToClient } from './record-throttle';
import { YieldingController } from './yield-to-event-loop';

/**
 * The lab's checkpoints: every epoch once epochs take 30 s or more (and a checkpoint
 * under 2% of one); on shorter epochs, every 30 s or so, so a resume retrains about that.
 */
export const LAB_CHECKPOINT_SPACING: CheckpointSpacing = { minSeconds: 30, maxShare: 0.02 };

export interface ComparisonSessionOptions {
  readonly comparisonId: string;
  readonly plan: ExperimentPlan;
  readonly post: PostToClient;
  readonly throttleMs?: number;
  /** Continue from this checkpoint (from a 'start' message's `resume`). */
  readonly resumeFrom?: ComparisonCheckpoint;
  /** Every epoch when absent. */
  readonly checkpointSpacing?: CheckpointSpacing;
}

/**
 * One running comparison: the engine's runExperiment with its records throttled to
 * the page, and the page's pause / resume / stop-run / cancel mapped onto the engine's
 * ComparisonController and an AbortSignal. Pending records are always flushed before
 * a 'run-end', a 'checkpoint' and 'done', so the page never sees a result or a
 * checkpoint before the epochs that led to it.
 */
export class ComparisonSession {
  readonly comparisonId: string;
  private readonly controller = new YieldingController();
  private readonly abort = new AbortController();

  constructor(private readonly options: ComparisonSessionOptions) {
    this.comparisonId = options.comparisonId;
  }

  pause(): void {
    this.controller.pause();
  }

  resume(): void {
    this.controller.resume();
  }

  stopRun(runId: string): void {
    this.controller.stopRun(runId);
  }

  cancel(): void {
    this.abort.abort();
  }

  /**
   * Trains on `split`. Controls sent before (while the data loads) already apply.
   * Resolves after 'done' is posted; rejects (after flushing) if the engine throws.
   */
  async run(split: TrainTestSplit): Promise<void> {
    const { comparisonId, plan, post } = this.options;
    const throttle = createRecordThrottle({
      comparisonId,
      runIds: plan.spec.runs.map((r) => r.id),
      post,
      intervalMs: this.options.throttleMs,
    });
    const resumeFrom = this.options.resumeFrom;
    // A VAE's galleries: after every epoch, the test set's first images reconstructed, its latent walk and samples.
    const onModels =
      plan.spec.architecture === 'vae' ? createGalleryPoster({ comparisonId, post, source: split.test, seed: plan.spec.seed, flush: () => throttle.flush() }) : undefined;
    try {
      const result = await runExperiment({
        plan,
        split,
        signal: this.abort.signal,
        controller: this.controller,
        resumeFrom,
        // Always on: cheap at this spacing (bench:engine), and the diagnosis reads them.
        probes: { every: DEFAULT_PROBE_EVERY },
        checkpointSpacing: this.options.checkpointSpacing,
        callbacks: {
          onBatches: (records) => throttle.addBatches(records),
          onProbes: (samples) => throttle.addProbes(samples),
          onEpoch: (record) => throttle.addEpoch(record),
          onProgress: (progress) => throttle.setProgress(progress),
          ...(onModels ? { onModels } : {}),
          onRunEnd: (result) => {
            throttle.flush();
            // A regression run's test predictions: handed over, not copied.
            const predictions = result.test?.predictions?.buffer;
            post({ v: PROTOCOL_VERSION, type: 'run-end', comparisonId, result }, predictions instanceof ArrayBuffer ? [predictions] : undefined);
          },
          onCheckpoint: (checkpoint) => {
            throttle.flush();
            // The engine is done with these arrays: hand their buffers over, no copy.
            post({ v: PROTOCOL_VERSION, type: 'checkpoint', comparisonId, checkpoint }, checkpointBuffers(checkpoint));
          },
        },
      });
      throttle.flush();
      post({ v: PROTOCOL_VERSION, type: 'done', comparisonId, elapsedSeconds: result.elapsedSeconds });
    } finally {
      throttle.flush();
      throttle.dispose();
    }
  }
}
