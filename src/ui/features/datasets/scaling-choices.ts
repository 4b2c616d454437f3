/**
 * The input scalings that mean something for a dataset, as data. Images are 0–255
 * pixels: min-max to [0, 1], standardised, or raw (the E2 pitfall). The synthetic sets
 * are float features generated near 0: min-max leaves them as they are (the engine's
 * minmax divides pixels only), so they are offered as they are, or standardised.
 */
import type { DatasetName } from '../../../engine/experiment/config';
import type { Scaling } from '../config/form-model';
import { DATASETS } from './dataset-info';

type InputKind = 'pixels' | 'features';

export interface ScalingChoice {
  readonly value: Scaling;
  readonly label: string;
}

const CHOICES: Readonly<Record<InputKind, readonly ScalingChoice[]>> = {
  pixels: [
    { value: 'minmax', label: 'min-max: pixels to [0, 1]' },
    { value: 'standardize', label: 'standardise per channel' },
    { value: 'none', label: 'none: raw 0–255 pixels (the E2 pitfall)' },
  ],
  features: [
    { value: 'none', label: 'none: the generated values as they are' },
    { value: 'standardize', label: 'standardise per feature' },
  ],
};

/** Moving to a set of this kind: the scaling that does what the other kind's did. */
const EQUIVALENT: Readonly<Record<InputKind, Partial<Record<Scaling, Scaling>>>> = {
  pixels: { none: 'minmax' },
  features: { minmax: 'none' },
};

const kindOf = (dataset: DatasetName): InputKind => (DATASETS[dataset].synthetic ? 'features' : 'pixels');

/**
 * The scalings to offer for `dataset`. A `current` value the set has no choice for (a
 * link or a saved comparison with spiral and minmax) is kept in the list, so the form
 * never shows one thing and holds another.
 */
export function scalingChoices(dataset: DatasetName, current?: Scaling): readonly ScalingChoice[] {
  const choices = CHOICES[kindOf(dataset)];
  if (current === undefined || choices.some((c) => c.value === current)) return choices;
  return [...choices, CHOICES.pixels.find((c) => c.value === current)!];
}

/**
 * The scaling to keep when the dataset changes from `from` to `to`: the same one within a
 * kind; across kinds minmax and none swap (a synthetic set's none is pixels' minmax: each
 * leaves the inputs in a small range), and standardisation stays.
 */
export function scalingForDataset(change: { from: DatasetName; to: DatasetName; scaling: Scaling }): Scaling {
  const kind = kindOf(change.to);
  if (kindOf(change.from) === kind) return change.scaling;
  const mapped = EQUIVALENT[kind][change.scaling] ?? change.scaling;
  return CHOICES[kind].some((c) => c.value === mapped) ? mapped : CHOICES[kind][0]!.value;
}
