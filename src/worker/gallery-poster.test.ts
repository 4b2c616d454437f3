import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../engine/data/types';
import { architectures } from '../engine/models/architectures';
import type { TrainableModel } from '../engine/models/types';
import type { ModelsSnapshot, RunStatus } from '../engine/training/types';
import { runGallerySchema } from '../protocol/gallery';
import type { FromWorker } from '../protocol/messages';
import { createGalleryPoster } from './gallery-poster';


const source: Dataset = {
  name: 'pictures',
  task: 'classification',
  count: 12,
  inputShape: [8, 8, 1],
  inputs: Uint8Array.from({ length: 12 * 64 }, (_, i) => (i * 7) % 256),
  targets: new Uint8Array(12),
  classNames: ['a', 'b'],
};

function setup() {
  const posted: { message: FromWorker; transfer: Transferable[] }[] = [];
  const log: string[] = [];
  const poster = createGalleryPoster({
    comparisonId: 'c1',
    post: (message, transfer = []) => {
      log.push(`post ${message.type}`);
      posted.push({ message, transfer });
    },
    source,
    seed: 1,
    flush: () => log.push('flush'),
  });
  return { posted, log, poster };
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
});
