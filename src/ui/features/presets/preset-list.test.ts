import { describe, expect, it } from 'vitest';
import { catalog } from '../../catalog/catalog-data';
import { configToForm } from '../config/form-model';
import { formToConfig } from '../config/form-to-config';
import { PRESETS, defaultConfig, presetGroups } from './preset-list';

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

  it('starts on a set that needs no download', () => {
    expect(['spiral', 'prod']).toContain(defaultConfig().dataset.name);
  });
});
