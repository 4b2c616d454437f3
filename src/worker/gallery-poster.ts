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
}

/**
 * The engine's `onModels` for a VAE comparison: decodes each run's gallery and posts it
 * as a 'gallery' message, its pixel buffers transferred. A run whose step count has not
 * changed since its last gallery (it ended earlier) is skipped, as is a diverged run
 * (its weights are not numbers).
 */
export function createGalleryPoster(options: GalleryPosterOptions): (snapshot: ModelsSnapshot) => Promise<void> {
  const { comparisonId, post, flush } = options;
  const maker = createVaeGalleryMaker({ source: options.source, seed: options.seed });
  const shownStep = new Map<string, number>();
  return async (snapshot) => {
    for (const run of snapshot.runs) {
      if (!(run.model instanceof VaeModel) || run.status === 'diverged' || run.step === 0 || shownStep.get(run.runId) === run.step) continue;
      shownStep.set(run.runId, run.step);
      const images = await maker.decode(run.model);
      const gallery: RunGallery = { version: GALLERY_VERSION, runId: run.runId, epoch: run.epochsCompleted, step: run.step, ...images };
      flush();
      post({ v: PROTOCOL_VERSION, type: 'gallery', comparisonId, gallery }, galleryBuffers(gallery));
    }
  };
}
