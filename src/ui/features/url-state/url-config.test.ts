import { describe, expect, it } from 'vitest';
import { catalog } from '../../catalog/catalog-data';
import { QUICK_DEMO } from '../presets/quick-demo';
import { configToHash, readConfigHash } from './url-config';

const validate = (config: unknown) => void catalog.parseExperiment(config);

describe('config in the URL', () => {
  it('round-trips a config, non-ASCII text included', () => {
    const config = { ...QUICK_DEMO, name: 'Größe – 試験' };
    const hash = configToHash(config);
    expect(hash).toMatch(/^#config=[A-Za-z0-9_-]+$/);
    expect(readConfigHash(hash, validate)).toEqual({ kind: 'ok', config });
  });

  it('says nothing when the URL has no config', () => {
    expect(readConfigHash('', validate)).toEqual({ kind: 'none' });
    expect(readConfigHash('#other=1', validate)).toEqual({ kind: 'none' });
  });

  it('explains a damaged link', () => {
    const read = readConfigHash('#config=%%%not-base64', validate);
    expect(read.kind).toBe('error');
    expect(read.kind === 'error' && read.message).toMatch(/damaged/);
  });

  it('explains an invalid config with the engine’s where, expected and found', () => {
    const bad = { ...QUICK_DEMO, training: { ...QUICK_DEMO.training, epochs: -2 } };
    const read = readConfigHash(configToHash(bad), validate);
    expect(read.kind === 'error' && read.message).toMatch(/training\.epochs: expected > 0, found -2/);
  });
});
