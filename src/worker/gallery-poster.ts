import type { Dataset } from '../engine/data/types';
import { VaeModel } from '../engine/models/vae';
import { createVaeGalleryMaker } from '../engine/models/vae-gallery';
import type { ModelsSnapshot } from '../engine/training/types';
import { GALLERY_VERSION, galleryBuffers, type RunGallery } from '../protocol/gallery';
import { PROTOCOL_VERSION } from '../protocol/messages';
import type { PostToClient } from './record-throttle';

export interface GalleryPosterOptions {
  readonly comparisonId: string;
  readonly post: PostToClient;
  /** The held-out images whose reconstructions the galleries show (the test set). */
  readonly source: Dataset;
  /** Seeds the sample vectors: the comparison's seed, so a rerun shows the same samples. */
  readonly seed: number;
  /** Sends the records waiting in the throttle, so a gallery never arrives before its epoch. */
  readonly flush: () => void;
  /** Milliseconds, for the time budget; performance.now by default. */
  readonly now?: () => number;
}

/**
 * Galleries may take this share of the comparison's time. Decoding one costs about what
 * a few dozen training steps do (VAE2 on SwiftShader: seconds), so on short epochs a
 * gallery after each would slow training by more than the 5% the lab allows itself;
 * past the budget, galleries wait for a later epoch, and the last one is always shown.
 */
export const GALLERY_TIME_SHARE = 0.03;

/**
 * The engine's `onModels` for a VAE comparison: decodes each run's gallery and posts it
 * as a 'gallery' message, its pixel buffers transferred. A run whose step count has not
 * changed since its last gallery (it ended earlier) is skipped, as is a diverged run
 * (its weights are not numbers); so is every run of an epoch-end snapshot when the
 * galleries so far have taken more than GALLERY_TIME_SHARE of the time since the start.
 */
export function createGalleryPoster(options: GalleryPosterOptions): (snapshot: ModelsSnapshot) => Promise<void> {
  const { comparisonId, post, flush } = options;
  const maker = createVaeGalleryMaker({ source: options.source, seed: options.seed });
  const shownStep = new Map<string, number>();
  const now = options.now ?? (() => performance.now());
  const started = now();
  let spent = 0;
  return async (snapshot) => {
    if (!snapshot.final && spent > GALLERY_TIME_SHARE * (now() - started)) return;
    const began = now();
    for (const run of snapshot.runs) {
      if (!(run.model instanceof VaeModel) || run.status === 'diverged' || run.step === 0 || shownStep.get(run.runId) === run.step) continue;
      shownStep.set(run.runId, run.step);
      const images = await maker.decode(run.model);
      const gallery: RunGallery = { version: GALLERY_VERSION, runId: run.runId, epoch: run.epochsCompleted, step: run.step, ...images };
      flush();
      post({ v: PROTOCOL_VERSION, type: 'gallery', comparisonId, gallery }, galleryBuffers(gallery));
    }
    spent += now() - began;
  };
}
