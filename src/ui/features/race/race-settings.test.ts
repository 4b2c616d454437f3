import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { RaceStepper } from '../../../engine/race/stepper';
import { SURFACE_NAMES, surfaces } from '../../../engine/surfaces';
import { catalog } from '../../catalog/catalog-data';
import { LINEUPS } from './lineups';
import { defaultRaceSettings, nearestSpeed, raceSetup, SPEEDS, surfaceDefaults } from './race-settings';

const specs = catalog.optimizerSpecs;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the race settings', () => {
  it('give the worker a setup with one entry per racer, named by its key', () => {
    const settings = defaultRaceSettings(specs);
    const { setup, errors } = raceSetup(catalog, settings);
    expect(errors).toEqual({});
    expect(setup!.surface).toBe('elongated-bowl');
    expect(setup!.entries.map((entry) => entry.id)).toEqual(settings.runs.map((run) => run.key));
    expect(setup!.entries[1]!.optimizer).toEqual({ name: 'sgd', hyperparameters: { learning_rate: 0.1, momentum: 0.9 } });
  });

  it('give no setup while a field is wrong, with the problem at the editor’s path for that field', () => {
    const settings = defaultRaceSettings(specs);
    const runs = settings.runs.map((run, i) => (i === 1 ? { ...run, values: { ...run.values, momentum: '1.5' } } : i === 2 ? { ...run, values: { ...run.values, learning_rate: 'fast' } } : run));
    const { setup, errors } = raceSetup(catalog, { ...settings, runs });
    expect(setup).toBeUndefined();
    expect(errors['runs[1].optimizer.hyperparameters.momentum']).toMatch(/≤ 1/);
    expect(errors['runs[2].optimizer.hyperparameters.learning_rate']).toMatch(/Enter a number/);
  });

  it('snap a speed from a link to the nearest choice of the control', () => {
    expect(nearestSpeed(60)).toBe(50);
    expect(nearestSpeed(150)).toBe(200);
    expect(nearestSpeed(1e6)).toBe(SPEEDS.at(-1));
  });

  it('switch to the picked surface from whole settings, keeping only their presentation', () => {
    const bowl = { ...defaultRaceSettings(specs), projector: true, controls: false, playing: true, speed: 1000 };
    const beale = surfaceDefaults(specs, 'beale', bowl);
    expect(beale.surface).toBe('beale');
    expect(beale.start).toEqual(surfaces.beale.start);
    expect(beale.runs.map((run) => run.optimizer)).toEqual(LINEUPS.beale.entries.map((entry) => entry.optimizer.name));
    expect(beale.runs[0]!.values.learning_rate).toBe(String(LINEUPS.beale.entries[0]!.optimizer.hyperparameters!.learning_rate));
    expect({ speed: beale.speed, playing: beale.playing, projector: beale.projector, controls: beale.controls }).toEqual({ speed: LINEUPS.beale.speed, playing: false, projector: true, controls: false });
  });

  it.each(SURFACE_NAMES)('suggest optimizers for %s that all run 2,000 steps there without diverging', (surface) => {
    const { setup } = raceSetup(catalog, surfaceDefaults(specs, surface, { projector: false, controls: true }));
    const stepper = new RaceStepper(setup!);
    for (let i = 0; i < 2000; i++) stepper.step();
    const diverged = stepper.snapshot().filter((state) => state.diverged);
    stepper.dispose();
    expect(diverged.map((state) => state.id)).toEqual([]);
  });
});
