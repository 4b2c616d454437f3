import { createRng } from '../../src/lib/rng';
import type { Dataset } from '../../src/engine/data/types';

/** Random uint8 images with random labels: for shapes, leaks and fairness, not learning. */
export function randomImageDataset(options: { count: number; shape: [number, number, number]; seed?: number; classes?: number }): Dataset {
  const { count, shape, seed = 7, classes = 10 } = options;
  const rng = createRng(seed);
  const size = shape[0] * shape[1] * shape[2];
  const inputs = new Uint8Array(count * size);
  for (let i = 0; i < inputs.length; i++) inputs[i] = rng.int(256);
  const targets = new Uint8Array(count);
  for (let i = 0; i < count; i++) targets[i] = rng.int(classes);
  return {
    name: 'random-images',
    task: 'classification',
    count,
    inputShape: shape,
    inputs,
    targets,
    classNames: Array.from({ length: classes }, (_, i) => `class ${i}`),
  };
}
