import { describe, expect, it } from 'vitest';
import { catalog } from '../../catalog/catalog-data';
import { configToForm } from '../config/form-model';
import { formToConfig } from '../config/form-to-config';
import { PRESETS, defaultConfig, presetByKey, presetConfig, presetGroups } from './preset-list';

describe('presets', () => {
  it('offers the quick demos, E1 for each architecture, the E2 variants and E5', () => {
    const keys = PRESETS.map((p) => p.key);
    expect(keys.slice(0, 2)).toEqual(['quick-demo', 'quick-demo-synthetic']);
    for (const key of ['e1-fcnn', 'e1-scnn', 'e1-bcnn', 'e1-mcnn', 'e2-l2-unscaled', 'e2-dropout-scaled', 'e5-part-one', 'e5-part-two']) {
      expect(keys).toContain(key);
    }
    expect(presetGroups().map((g) => g.group)[0]).toBe('Quick demo');
  });

  it.each(PRESETS.map((p) => [p.key, p] as const))('%s is a valid config', (_key, preset) => {
    expect(() => catalog.parseExperiment(preset.config)).not.toThrow();
  });

  it.each(PRESETS.map((p) => [p.key, p] as const))('%s survives the form unchanged', (_key, preset) => {
    const { config, errors } = formToConfig(catalog.optimizerSpecs, configToForm(catalog.optimizerSpecs, preset.config));
    expect(errors).toEqual({});
    expect(config).toEqual(preset.config);
  });

  it('offers E2 reproduced once: on CIFAR-10 when it is loaded, else on Fashion-MNIST, saying why', () => {
    expect(PRESETS.filter((p) => p.key.startsWith('e2-reproduced')).map((p) => p.key)).toEqual(['e2-reproduced']);
    const preset = presetByKey('e2-reproduced')!;
    expect(presetConfig(preset, (name) => name === 'cifar-10')).toEqual({ config: preset.config });
    expect(preset.config.dataset.name).toBe('cifar-10');
    const fallback = presetConfig(preset, () => false);
    expect(fallback.config.dataset.name).toBe('fashion-mnist');
    expect(fallback.note).toMatch(/CIFAR-10 is not loaded/);
    const { config, errors } = formToConfig(catalog.optimizerSpecs, configToForm(catalog.optimizerSpecs, fallback.config));
    expect(errors).toEqual({});
    expect(config).toEqual(fallback.config);
  });

  it('starts on a set that needs no download', () => {
    expect(['spiral', 'prod']).toContain(defaultConfig().dataset.name);
  });
});
