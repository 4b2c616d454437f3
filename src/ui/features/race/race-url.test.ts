import { describe, expect, it } from 'vitest';
import { catalog } from '../../catalog/catalog-data';
import { defaultRaceSettings, surfaceDefaults } from './race-settings';
import { linkToSettings, raceToHash, readRaceHash, settingsToLink, type RaceLink } from './race-url';

const specs = catalog.optimizerSpecs;
const read = (hash: string) => readRaceHash(hash, catalog.resolveOptimizerConfig);
const encode = (document: unknown) => `#race=${btoa(JSON.stringify(document)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;

describe('the race in the URL', () => {
  it('round-trips a race: surface, start, optimizers with hyperparameters and arrows, speed, presentation', () => {
    const base = surfaceDefaults(specs, 'rosenbrock', { projector: true, controls: false });
    const [first, second] = base.runs;
    const settings = {
      ...base,
      start: { x: -1.25, y: 2.75 },
      runs: [{ ...first!, label: 'Plain SGD – “slow”' }, { ...second!, values: { ...second!.values, momentum: '0.95' } }],
      arrows: { [first!.key]: { gradient: true, momentum: false } },
      speed: 500,
      playing: true,
    };
    const link = settingsToLink(specs, settings);
    const hash = raceToHash(link);
    expect(hash).toMatch(/^#race=[A-Za-z0-9_-]+$/);
    const back = read(hash);
    expect(back).toEqual({ kind: 'ok', link });
    const restored = linkToSettings(specs, (back as { link: RaceLink }).link);
    expect(settingsToLink(specs, restored)).toEqual(link);
    expect(restored).toMatchObject({ surface: 'rosenbrock', start: { x: -1.25, y: 2.75 }, speed: 500, playing: true, projector: true, controls: false });
    expect(restored.runs.map((run) => run.label)).toEqual(['Plain SGD – “slow”', 'Momentum']);
    expect(restored.runs[1]!.values.momentum).toBe('0.95');
    expect(Object.values(restored.arrows)).toEqual([{ gradient: true, momentum: false }]);
  });

  it('keeps only what differs from Keras’s defaults, and leaves presentation flags out when they are off', () => {
    const link = settingsToLink(specs, defaultRaceSettings(specs));
    expect(link.optimizers[0]).toEqual({ label: 'SGD', optimizer: { name: 'sgd', hyperparameters: { learning_rate: 0.48 } } });
    expect(Object.keys(link)).toEqual(['v', 'surface', 'start', 'optimizers', 'speed']);
  });

  it('opens the default race for #race alone, and is silent about other hashes', () => {
    expect(read('#race')).toEqual({ kind: 'default' });
    expect(read('#race=')).toEqual({ kind: 'default' });
    expect(read('#config=abc')).toEqual({ kind: 'none' });
    expect(read('')).toEqual({ kind: 'none' });
  });

  it('explains a damaged link', () => {
    const damaged = read('#race=%%%');
    expect(damaged.kind === 'error' && damaged.message).toMatch(/damaged/);
  });

  it('names the field of an invalid race: its shape, then the engine’s verdict on an optimizer', () => {
    const good = settingsToLink(specs, defaultRaceSettings(specs));
    const surface = read(encode({ ...good, surface: 'moon' }));
    expect(surface.kind === 'error' && surface.message).toMatch(/^The link’s race is not valid: surface: /);
    const extra = read(encode({ ...good, colour: 'red' }));
    expect(extra.kind === 'error' && extra.message).toMatch(/not valid/);
    const rho = read(encode({ ...good, optimizers: [{ optimizer: { name: 'rmsprop', hyperparameters: { rho: 3 } } }] }));
    expect(rho.kind === 'error' && rho.message).toMatch(/optimizers\[0\]\.optimizer\.hyperparameters\.rho: expected .*found 3/);
    const many = read(encode({ ...good, optimizers: Array.from({ length: 9 }, () => good.optimizers[0]) }));
    expect(many.kind === 'error' && many.message).toMatch(/optimizers/);
  });
});
