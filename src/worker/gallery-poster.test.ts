import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../engine/data/types';
import { architectures } from '../engine/models/architectures';
import type { TrainableModel } from '../engine/models/types';
import type { ModelsSnapshot, RunStatus } from '../engine/training/types';
import { runGallerySchema } from '../protocol/gallery';
import type { FromWorker } from '../protocol/messages';
import { createGalleryPoster, GALLERY_TIME_SHARE } from './gallery-poster';


const source: Dataset = {
  name: 'pictures',
  task: 'classification',
  count: 12,
  inputShape: [8, 8, 1],
  inputs: Uint8Array.from({ length: 12 * 64 }, (_, i) => (i * 7) % 256),
  targets: new Uint8Array(12),
  classNames: ['a', 'b'],
};

/** A clock that stands still unless told: each post may take `postMs` of it. */
function setup(postMs = 0) {
  const posted: { message: FromWorker; transfer: Transferable[] }[] = [];
  const log: string[] = [];
  const clock = { ms: 0 };
  const poster = createGalleryPoster({
    comparisonId: 'c1',
    post: (message, transfer = []) => {
      log.push(`post ${message.type}`);
      posted.push({ message, transfer });
      clock.ms += postMs;
    },
    source,
    seed: 1,
    flush: () => log.push('flush'),
    now: () => clock.ms,
  });
  return { posted, log, poster, clock };
}

let vae: TrainableModel;
beforeAll(async () => {
  await tf.setBackend('cpu');
  vae = architectures.vae({ inputShape: [8, 8, 1], filters: [4, 8], kernelSize: 3, latentDim: 2, seed: 1 });
});
afterAll(() => vae.dispose());
const snapshot = (runs: { runId: string; step: number; status?: RunStatus; model?: TrainableModel }[], epoch = 1): ModelsSnapshot => ({
  epoch,
  final: false,
  runs: runs.map(({ runId, step, status = 'running', model }) => ({ runId, step, status, epochsCompleted: epoch, model: model ?? vae })),
});

describe('the gallery poster', () => {
  it('posts each run’s gallery after the records before it, its pixel buffers transferred', async () => {
    const { posted, log, poster } = setup();
    await poster(snapshot([{ runId: 'a', step: 5 }, { runId: 'b', step: 5 }]));
    expect(log).toEqual(['flush', 'post gallery', 'flush', 'post gallery']);
    const [first] = posted;
    if (first?.message.type !== 'gallery') throw new Error('expected a gallery');
    const { gallery } = first.message;
    expect(runGallerySchema.safeParse(gallery).success).toBe(true);
    expect(gallery).toMatchObject({ runId: 'a', epoch: 1, step: 5, imageShape: [8, 8, 1] });
    expect(first.transfer).toEqual([gallery.reconstructions.pixels.buffer, gallery.latentWalk.pixels.buffer, gallery.samples.pixels.buffer]);
  });

  it('skips runs whose weights it has shown already, diverged runs, and models that are not VAEs', async () => {
    const { posted, poster } = setup();
    const classifier = architectures.dense({ inputShape: [2], numClasses: 2, seed: 1, hiddenUnits: [3] });
    await poster(snapshot([{ runId: 'a', step: 5 }]));
    await poster(snapshot([{ runId: 'a', step: 5 }, { runId: 'b', step: 9, status: 'diverged' }, { runId: 'c', step: 9, model: classifier }], 2));
    await poster(snapshot([{ runId: 'a', step: 10 }], 2));
    expect(posted.map(({ message }) => (message.type === 'gallery' ? `${message.gallery.runId}@${message.gallery.step}` : message.type))).toEqual(['a@5', 'a@10']);
    classifier.dispose();
  });

  it('keeps galleries within their share of the time: past it, epoch-end galleries wait, the final one does not', async () => {
    // Each gallery takes 100 ms; training between snapshots takes `trainMs`.
    const { posted, poster, clock } = setup(100);
    const shown = () => posted.map(({ message }) => (message.type === 'gallery' ? message.gallery.step : -1));
    const trainFor = (ms: number) => (clock.ms += ms);
    trainFor(4000);
    await poster(snapshot([{ runId: 'a', step: 1 }], 1));
    // 100 ms of galleries in 4.2 s: within the share, so the next epoch's shows.
    trainFor(100);
    expect(100 / 4200).toBeLessThan(GALLERY_TIME_SHARE);
    await poster(snapshot([{ runId: 'a', step: 2 }], 2));
    // Now 200 ms in 4.4 s, over the share: this epoch's waits...
    trainFor(100);
    expect(200 / 4400).toBeGreaterThan(GALLERY_TIME_SHARE);
    await poster(snapshot([{ runId: 'a', step: 3 }], 3));
    // ...until enough training has passed (200 ms in 7.4 s),
    trainFor(3000);
    await poster(snapshot([{ runId: 'a', step: 4 }], 4));
    // and the final gallery always shows.
    await poster({ ...snapshot([{ runId: 'a', step: 5 }], 5), final: true });
    expect(shown()).toEqual([1, 2, 4, 5]);
  });
});
