import { activation } from './activation';
import { batchNorm } from './batch-norm';
import { conv2d } from './conv2d';
import { conv2dTranspose } from './conv2d-transpose';
import { dropout } from './dropout';
import { dense } from './dense';
import { flatten, reshape } from './flatten';
import { maxPool2d } from './max-pool2d';
import type { LayerKind, LayerKindName, SpecOf } from './types';

/** Layer kinds by name: the spec's `kind` picks the implementation. */
export const layerKinds: { readonly [K in LayerKindName]: LayerKind<SpecOf<K>> } = {
  dense,
  conv2d,
  conv2dTranspose,
  maxPool2d,
  flatten,
  reshape,
  dropout,
  batchNorm,
  activation,
};

export const layerKindNames = Object.keys(layerKinds) as LayerKindName[];

export { BATCH_NORM_DEFAULTS } from './batch-norm';
export { dropoutSeed } from './dropout';
export type * from './types';
