/** Every preset the lab offers: the quick demos, then the reference experiments (engine). */
import type { DatasetName, ExperimentConfigInput } from '../../../engine/experiment/config';
import { presets } from '../../../engine/experiment/presets';
import { QUICK_DEMO, QUICK_DEMO_SYNTHETIC } from './quick-demo';

export interface PresetEntry {
  readonly key: string;
  readonly group: string;
  readonly title: string;
  readonly config: ExperimentConfigInput;
}

const GROUPS: Readonly<Record<string, string>> = {
  e1: 'E1: seven optimizers per architecture',
  e2: 'E2: CIFAR-10 MLP, scaling and regularisation',
  e5: 'E5: gradient descent variants and overfitting',
};

/**
 * Presets that want a dataset the tab may not have: when `needs` is not loaded (ready in
 * the store: downloaded, from the cache or from files), the picker loads `fallback`
 * instead and says why. E2 reproduced runs on CIFAR-10 when it is there, else on
 * Fashion-MNIST, whose download is five times smaller.
 */
const FALLBACKS: Readonly<Record<string, { readonly needs: DatasetName; readonly fallback: string; readonly note: string }>> = {
  'e2-reproduced': {
    needs: 'cifar-10',
    fallback: 'e2-reproduced-fashion-mnist',
    note: 'CIFAR-10 is not loaded in this tab, so this runs on Fashion-MNIST, where the unscaled inputs fail the same way. To run it on CIFAR-10, load CIFAR-10 (pick it as the dataset), then load this preset again.',
  },
};

const FALLBACK_ONLY = new Set(Object.values(FALLBACKS).map((f) => f.fallback));

export const PRESETS: readonly PresetEntry[] = [
  { key: 'quick-demo', group: 'Quick demo', title: 'Quick demo: Fashion-MNIST, SGD vs RMSprop vs Adam (under a minute on a GPU)', config: QUICK_DEMO },
  {
    key: 'quick-demo-synthetic',
    group: 'Quick demo',
    title: 'Quick demo, synthetic: spiral, SGD vs RMSprop vs Adam (no download, CPU friendly)',
    config: QUICK_DEMO_SYNTHETIC,
  },
  ...Object.entries(presets)
    .filter(([key]) => !FALLBACK_ONLY.has(key))
    .map(([key, preset]) => ({
      key,
      group: GROUPS[key.slice(0, 2)] ?? 'Reference experiments',
      title: key in FALLBACKS ? preset.title.replace(/ on [\w-]+:/, ':') : preset.title,
      config: preset.config,
    })),
];

/** What the form shows on a first visit (no link, nothing typed): works with no download. */
export const DEFAULT_PRESET_KEY = 'quick-demo-synthetic';

export function presetByKey(key: string): PresetEntry | undefined {
  return PRESETS.find((preset) => preset.key === key);
}

/** The config a preset loads given the datasets this tab has, and why it is not the preset's own, if it is not. */
export function presetConfig(preset: PresetEntry, isReady: (name: DatasetName) => boolean): { config: ExperimentConfigInput; note?: string } {
  const fallback = FALLBACKS[preset.key];
  if (!fallback || isReady(fallback.needs)) return { config: preset.config };
  return { config: presets[fallback.fallback]!.config, note: fallback.note };
}

export function defaultConfig(): ExperimentConfigInput {
  return presetByKey(DEFAULT_PRESET_KEY)!.config;
}

/** Presets grouped for <optgroup>s, in order. */
export function presetGroups(): { group: string; presets: PresetEntry[] }[] {
  const groups: { group: string; presets: PresetEntry[] }[] = [];
  for (const preset of PRESETS) {
    const last = groups.at(-1);
    if (last?.group === preset.group) last.presets.push(preset);
    else groups.push({ group: preset.group, presets: [preset] });
  }
  return groups;
}
