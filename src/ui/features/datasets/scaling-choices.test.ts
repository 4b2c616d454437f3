import { describe, expect, it } from 'vitest';
import { scalingChoices, scalingForDataset } from './scaling-choices';

describe('scaling choices', () => {
  it('offers a synthetic set no pixel scalings: its values as they are, or standardised', () => {
    for (const dataset of ['spiral', 'prod'] as const) {
      const choices = scalingChoices(dataset, 'none');
      expect(choices.map((c) => c.value)).toEqual(['none', 'standardize']);
      expect(choices.map((c) => c.label).join(' ')).not.toMatch(/pixel|255/);
    }
  });

  it('offers images min-max, standardised and raw pixels', () => {
    expect(scalingChoices('fashion-mnist', 'minmax').map((c) => c.value)).toEqual(['minmax', 'standardize', 'none']);
    expect(scalingChoices('cifar-10').find((c) => c.value === 'none')!.label).toMatch(/raw 0–255 pixels/);
  });

  it('keeps a value the set has no choice for in the list, so the form shows what it holds', () => {
    expect(scalingChoices('spiral', 'minmax').map((c) => c.value)).toEqual(['none', 'standardize', 'minmax']);
  });

  it('moves to the equivalent scaling when the dataset changes kind, and keeps it within a kind', () => {
    expect(scalingForDataset({ from: 'fashion-mnist', to: 'spiral', scaling: 'minmax' })).toBe('none');
    expect(scalingForDataset({ from: 'spiral', to: 'fashion-mnist', scaling: 'none' })).toBe('minmax');
    expect(scalingForDataset({ from: 'spiral', to: 'cifar-10', scaling: 'standardize' })).toBe('standardize');
    expect(scalingForDataset({ from: 'fashion-mnist', to: 'cifar-10', scaling: 'none' })).toBe('none');
    expect(scalingForDataset({ from: 'spiral', to: 'prod', scaling: 'minmax' })).toBe('minmax');
  });
});
