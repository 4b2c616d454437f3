/** Every preset the lab offers: the quick demos, then the reference experiments (engine). */
import type { ExperimentConfigInput } from '../../../engine/experiment/config';
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

export const PRESETS: readonly PresetEntry[] = [
  { key: 'quick-demo', group: 'Quick demo', title: 'Quick demo: Fashion-MNIST, SGD vs RMSprop vs Adam (under a minute on a GPU)', config: QUICK_DEMO },
  {
    key: 'quick-demo-synthetic',
    group: 'Quick demo',
    title: 'Quick demo, synthetic: spiral, SGD vs RMSprop vs Adam (no download, CPU friendly)',
    config: QUICK_DEMO_SYNTHETIC,
  },
  ...Object.entries(presets).map(([key, preset]) => ({
    key,
    group: GROUPS[key.slice(0, 2)] ?? 'Reference experiments',
    title: preset.title,
    config: preset.config,
  })),
];

/** What the form shows on a first visit (no link, nothing typed): works with no download. */
export const DEFAULT_PRESET_KEY = 'quick-demo-synthetic';

export function presetByKey(key: string): PresetEntry | undefined {
  return PRESETS.find((preset) => preset.key === key);
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
