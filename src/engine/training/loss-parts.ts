import type { EpochRecord, TestMetrics } from './types';

/**
 * The parts a generative model's loss is made of, by the metric names its `loss` reports
 * (summed over a batch's rows). Records carry them per image: the mean over the epoch's
 * training images, or over a validation or test set.
 */
export const LOSS_PARTS = ['reconstruction', 'kl'] as const;
export type LossPart = (typeof LOSS_PARTS)[number];

/** Per-image means of the loss parts present in `sums`; parts that are absent stay absent. */
export function lossParts(sums: Readonly<Record<string, number>>, count: number): Pick<TestMetrics, LossPart> {
  const parts: { -readonly [K in LossPart]?: number } = {};
  for (const part of LOSS_PARTS) if (sums[part] !== undefined) parts[part] = sums[part] / count;
  return parts;
}

/** The same parts as an epoch record's validation fields. */
export function validationParts(parts: Pick<TestMetrics, LossPart>): Pick<EpochRecord, 'valReconstruction' | 'valKl'> {
  return {
    ...(parts.reconstruction !== undefined ? { valReconstruction: parts.reconstruction } : {}),
    ...(parts.kl !== undefined ? { valKl: parts.kl } : {}),
  };
}
