/**
 * Every detector on crafted record streams: it fires on the pattern it names, with the
 * numbers it saw, and stays silent on a healthy run and on near misses.
 */
import { describe, expect, it } from 'vitest';
import { detectorNames, detectors, diagnoseRun } from './index';
import { rateVerdict } from './learning-rate';
import type { RunRecords } from './types';
import { E1_FIRST_EPOCH, epoch, fallingLosses, healthyRun, layer, probe } from './test-support';

describe('a healthy run', () => {
  it.each(detectorNames)('%s stays silent', (name) => {
    expect(detectors[name](healthyRun())).toBeUndefined();
  });

  it('gets no notice at all, with or without probes', () => {
    expect(diagnoseRun(healthyRun())).toEqual([]);
    expect(diagnoseRun(healthyRun({ probes: [] }))).toEqual([]);
  });
});

describe('inputs not scaled', () => {
  const raw = probe(20, { input: { min: 0, max: 255, mean: 72.9, std: 90 } });

  it('fires on raw pixels, with their range, and offers min-max scaling', () => {
    const notice = detectors['inputs-not-scaled'](healthyRun({ scaling: 'none', probes: [raw] }))!;
    expect(notice.severity).toBe('problem');
    expect(notice.seen).toContain('from 0 to 255 (mean 72.9, std 90)');
    expect(notice.why).toContain('Input scaling is off');
    expect(notice.tryThis).toEqual({ action: 'Scale the inputs to [0, 1]', label: 'Scale the inputs to [0, 1]', patch: { scaling: 'minmax' } });
  });

  it('offers standardising for features that are not pixels', () => {
    const features = probe(20, { input: { min: -40, max: 55, mean: 3, std: 20 } });
    expect(detectors['inputs-not-scaled'](healthyRun({ pixelInputs: false, scaling: 'none', probes: [features] }))!.tryThis!.patch).toEqual({ scaling: 'standardize' });
  });

  it('stays silent on standardised inputs and on the synthetic sets’ range', () => {
    const standardised = probe(20, { input: { min: -0.81, max: 2.02, mean: 0, std: 1 } });
    expect(detectors['inputs-not-scaled'](healthyRun({ scaling: 'standardize', probes: [standardised] }))).toBeUndefined();
    const spiral = probe(20, { input: { min: -2.1, max: 2.3, mean: 0.1, std: 0.9 } });
    expect(detectors['inputs-not-scaled'](healthyRun({ pixelInputs: false, scaling: 'none', probes: [spiral] }))).toBeUndefined();
  });
});

describe('diverged', () => {
  it('fires at the first non-finite loss, with the step and the last finite value, and offers a smaller learning rate', () => {
    const { steps, losses } = fallingLosses(40);
    losses[30] = Number.NaN;
    const notice = detectors.diverged(healthyRun({ steps, losses, learningRate: 0.5 }))!;
    expect(notice.title).toBe('The run diverged');
    expect(notice.seen).toContain('at step 31');
    expect(notice.seen).toContain(`the last finite value was ${Number(losses[29]!.toPrecision(3))}`);
    expect(notice.tryThis).toEqual({ action: 'Lower the learning rate', target: 'to 0.05', label: 'Lower the learning rate to 0.05', patch: { hyperparameters: { learning_rate: 0.05 } } });
  });

  it('fires on a run the engine marked diverged, and offers clipping when the rate is already tiny', () => {
    const notice = detectors.diverged(healthyRun({ status: 'diverged', divergedAtStep: 7, steps: [], losses: [], learningRate: 1e-6 }))!;
    expect(notice.seen).toContain('at step 7');
    expect(notice.tryThis!.patch).toEqual({ hyperparameters: { clipnorm: 1 } });
  });

  it('fires on a loss that settled tenfold above its lowest level', () => {
    const steps = Array.from({ length: 40 }, (_, i) => i + 1);
    const losses = steps.map((s) => (s === 1 ? 2.8 : s < 13 ? 0.3 : 4 + 0.5 * Math.sin(s)));
    const notice = detectors.diverged(healthyRun({ steps, losses, learningRate: 100 }))!;
    expect(notice.title).toBe('The loss is exploding');
    expect(notice.seen).toMatch(/times its lowest level \(0\.3\)/);
  });

  it('fires on a loss that exploded once, even if it came back down', () => {
    const steps = Array.from({ length: 40 }, (_, i) => i + 1);
    const losses = steps.map((s) => (s === 5 ? 3.3e24 : s < 5 ? 2.3 : 20 + Math.sin(s)));
    const notice = detectors.diverged(healthyRun({ steps, losses, learningRate: 50 }))!;
    expect(notice.title).toBe('The loss exploded');
    expect(notice.seen).toContain('reached 3.3e24 at step 5, from 2.3 at the start');
    expect(notice.tryThis!.patch.hyperparameters).toEqual({ learning_rate: 5 });
  });

  it('stays silent on a noisy curve with spikes three times its level', () => {
    const { steps, losses } = fallingLosses(100);
    for (let i = 50; i < 100; i += 7) losses[i] = losses[i]! * 3;
    expect(detectors.diverged(healthyRun({ steps, losses }))).toBeUndefined();
  });
});

describe('accuracy at chance', () => {
  const atChance = { epochs: [epoch(1, { accuracy: 0.11, valAccuracy: 0.1 }), epoch(2, { accuracy: 0.102, valAccuracy: 0.1 })] };

  it('fires when a classifier guesses while its loss falls, and names unscaled inputs as the likely cause', () => {
    const notice = detectors['chance-accuracy'](healthyRun({ ...atChance, scaling: 'none', ...fallingLosses(100, 300, 190) }))!;
    expect(notice.seen).toContain('training 10%, validation 10%; guessing gives 10% with 10 classes');
    expect(notice.seen).toMatch(/went from 2\d\d to 19\d \(down \d+%\)/);
    expect(notice.why).toContain('raw 0–255 inputs');
    expect(notice.tryThis!.patch).toEqual({ scaling: 'minmax' });
  });

  it('with scaled inputs and healthy steps, names the causes both ways and offers no change to the rate', () => {
    const notice = detectors['chance-accuracy'](healthyRun({ ...atChance, learningRate: 0.1, ...fallingLosses(100, 2.6, 2.3) }))!;
    expect(notice.why).toContain('so large');
    expect(notice.why).toContain('so small');
    expect(notice.tryThis).toBeUndefined();
  });

  it('leaves the run to the notice that names its cause: steps too small, or a loss that blew up', () => {
    const crawling = [1, 20, 40].map((s) => probe(s, { layers: [layer('1_dense', { updateRatio: 6e-5 }), layer('2_dense', { updateRatio: 2e-4 })] }));
    const slow = healthyRun({ ...atChance, optimizer: 'adagrad', label: 'Adagrad', probes: crawling, ...fallingLosses(50, 2.5, 2.26) });
    expect(detectors['chance-accuracy'](slow)).toBeUndefined();
    expect(detectors.plateau(slow)!.tryThis!.patch).toEqual({ hyperparameters: { learning_rate: 0.01 } });
    const { steps, losses } = fallingLosses(40, 2.7, 2.3);
    losses[1] = 238;
    const blown = healthyRun({ ...atChance, learningRate: 10, optimizer: 'sgd', steps, losses });
    expect(detectors['chance-accuracy'](blown)).toBeUndefined();
    expect(detectors.diverged(blown)!.tryThis!.patch).toEqual({ hyperparameters: { learning_rate: 1 } });
  });

  it('stays silent when the loss stands still (a plateau), above chance, and for regression', () => {
    expect(detectors['chance-accuracy'](healthyRun({ ...atChance, ...fallingLosses(100, 2.66, 2.6) }))).toBeUndefined();
    expect(detectors['chance-accuracy'](healthyRun({ epochs: [epoch(1, { accuracy: 0.2, valAccuracy: 0.18 })] }))).toBeUndefined();
    expect(detectors['chance-accuracy'](healthyRun({ ...atChance, task: 'regression', classes: 0 }))).toBeUndefined();
  });
});

describe('too slow (a plateau from the start)', () => {
  const flat = { ...fallingLosses(60, 2.66, 2.6), optimizer: 'adadelta' as const, label: 'Adadelta' };
  const tinySteps = [1, 20, 40, 60].map((s) => probe(s, { layers: [layer('1_dense', { updateRatio: 2e-5 }), layer('2_dense', { updateRatio: 1.8e-5 })] }));

  it('fires when the loss barely falls and the weights barely move, and offers the rate that works', () => {
    const notice = detectors.plateau(healthyRun({ ...flat, probes: tinySteps }))!;
    expect(notice.seen).toContain('in 60 steps the loss went from');
    expect(notice.seen).toContain('by 1.8e-5 of their size');
    expect(notice.tryThis).toEqual({ action: 'Raise the learning rate', target: 'to 1', label: 'Raise the learning rate to 1', patch: { hyperparameters: { learning_rate: 1 } } });
  });

  it('offers Adagrad 0.01, and others ten times their rate', () => {
    expect(detectors.plateau(healthyRun({ ...flat, optimizer: 'adagrad', probes: tinySteps }))!.tryThis!.patch.hyperparameters).toEqual({ learning_rate: 0.01 });
    expect(detectors.plateau(healthyRun({ ...flat, optimizer: 'rmsprop', learningRate: 1e-4, probes: tinySteps }))!.tryThis!.patch.hyperparameters).toEqual({ learning_rate: 0.001 });
  });

  it('speaks after E1’s first epoch of 10 steps: SGD, Adagrad and Adadelta are told to raise the rate, Adam nothing', () => {
    expect(detectors.plateau(E1_FIRST_EPOCH.sgd)!.tryThis!.label).toBe('Raise the learning rate to 0.1');
    expect(detectors.plateau(E1_FIRST_EPOCH.adagrad)!.tryThis!.label).toBe('Raise the learning rate to 0.01');
    expect(detectors.plateau(E1_FIRST_EPOCH.adadelta)!.tryThis!.label).toBe('Raise the learning rate to 1');
    expect(detectors.plateau(E1_FIRST_EPOCH.adadelta)!.seen).toContain('accuracy after epoch 1: training 8.2%, validation 8.2%');
    expect(diagnoseRun(E1_FIRST_EPOCH.adam)).toEqual([]);
  });

  it('reads the layers that hold most of the weight: small fast layers do not hide large crawling ones, nor the reverse', () => {
    const ratios = (first: number, rest: number) => [probe(1, { layers: [layer('1_dense', { updateRatio: first, weightNorm: 28 }), layer('2_dense', { updateRatio: first, weightNorm: 25 }), layer('3_dense', { updateRatio: rest, weightNorm: 13 }), layer('4_dense', { updateRatio: rest, weightNorm: 4 })] })];
    expect(detectors.plateau({ ...E1_FIRST_EPOCH.sgd, probes: ratios(3.6e-4, 5e-2) })).toBeDefined();
    expect(detectors.plateau({ ...E1_FIRST_EPOCH.sgd, probes: ratios(5e-3, 1e-5) })).toBeUndefined();
  });

  it('stays silent when the weights move at a healthy rate, when the loss falls, and on fewer than six losses', () => {
    expect(detectors.plateau(healthyRun({ ...flat }))).toBeUndefined();
    expect(detectors.plateau(healthyRun({ probes: tinySteps }))).toBeUndefined();
    expect(detectors.plateau({ ...E1_FIRST_EPOCH.adadelta, steps: [1, 2, 3, 4, 5], losses: E1_FIRST_EPOCH.adadelta.losses.slice(0, 5) })).toBeUndefined();
  });

  it('without probes, fires only on a loss that all but stands still for 50 steps', () => {
    expect(detectors.plateau(healthyRun({ ...flat, ...fallingLosses(60, 2.9, 2.6), probes: [] }))).toBeUndefined();
    expect(detectors.plateau(healthyRun({ ...fallingLosses(60, 2.62, 2.6), probes: [] }))).toBeDefined();
    expect(detectors.plateau(healthyRun({ ...fallingLosses(40, 2.62, 2.6), probes: [] }))).toBeUndefined();
  });
});

describe('one run, one direction', () => {
  const directions = (run: RunRecords) =>
    new Set(
      diagnoseRun(run).flatMap((n) => {
        const rate = n.tryThis?.patch.hyperparameters?.learning_rate;
        return typeof rate === 'number' ? [rate > run.learningRate ? 'raise' : 'lower'] : [];
      }),
    );

  it('a loss that exploded wins over steps that look small: Adam at 1 is told to lower its rate, never to raise it', () => {
    expect(rateVerdict(E1_FIRST_EPOCH.adamAt1)).toEqual({ direction: 'lower', because: 'blowup' });
    expect([...directions(E1_FIRST_EPOCH.adamAt1)]).toEqual(['lower']);
    expect(diagnoseRun(E1_FIRST_EPOCH.adamAt1).map((n) => n.id)).toEqual(['diverged']);
  });

  it('dead units with scaled inputs say lower, and vanishing gradients follow that verdict', () => {
    const dead = [20, 40].map((s) => probe(s, { layers: [layer('1_dense', { deadShare: 0.99, gradNorm: 1e-6, updateRatio: 1e-6 }), layer('2_dense', { gradNorm: 0.3, updateRatio: 1e-6 })] }));
    const run = healthyRun({ ...fallingLosses(60, 2.4, 2.3), learningRate: 10, optimizer: 'sgd', probes: dead });
    expect(diagnoseRun(run).map((n) => n.id)).toEqual(['dead-relu', 'gradient-norms']);
    expect([...directions(run)]).toEqual(['lower']);
  });

  it('vanishing gradients on a run that crawls offer no change of rate, and the crawl is told to raise it', () => {
    const crawl = [1, 20].map((s) => probe(s, { layers: [layer('1_dense', { gradNorm: 1e-5, updateRatio: 1e-5 }), layer('2_dense', { gradNorm: 1, updateRatio: 1e-5 })] }));
    const run = healthyRun({ ...fallingLosses(30, 2.4, 2.3), optimizer: 'adadelta', probes: crawl });
    expect(detectors['gradient-norms'](run)!.tryThis).toBeUndefined();
    expect([...directions(run)]).toEqual(['raise']);
  });

  it.each(Object.entries(E1_FIRST_EPOCH))('E1’s first epoch, %s: at most one direction', (_, run) => {
    expect(directions(run).size).toBeLessThanOrEqual(1);
  });
});

describe('overfitting', () => {
  const curve = [0.9, 0.6, 0.45, 0.47, 0.52, 0.58].map((valLoss, i) => epoch(i + 1, { loss: 0.8 - i * 0.1, valLoss }));

  it('fires with the epoch it began, and offers early stopping first', () => {
    const notice = detectors.overfitting(healthyRun({ epochs: curve }))!;
    expect(notice.title).toBe('Overfitting since epoch 4');
    expect(notice.seen).toContain('lowest at epoch 3 (0.45) and has risen to 0.58 by epoch 6 (up 29%)');
    expect(notice.seen).toContain('training loss fell from 0.6 to 0.3');
    expect(notice.tryThis!.patch.earlyStopping).toEqual({ monitor: 'val_loss', patience: 3, minDelta: 0, restoreBestWeights: true });
  });

  it('offers dropout when early stopping is on already, then L2', () => {
    expect(detectors.overfitting(healthyRun({ epochs: curve, hasEarlyStopping: true }))!.tryThis!.patch).toEqual({ model: { dropout: 0.3 } });
    expect(detectors.overfitting(healthyRun({ epochs: curve, hasEarlyStopping: true, hasDropout: true }))!.tryThis!.patch).toEqual({ model: { l2: 0.001 } });
  });

  it('stays silent one epoch after the minimum, on a small rise, and when the training loss rises too', () => {
    expect(detectors.overfitting(healthyRun({ epochs: curve.slice(0, 4) }))).toBeUndefined();
    const small = curve.map((e, i) => (i > 2 ? { ...e, valLoss: 0.46 } : e));
    expect(detectors.overfitting(healthyRun({ epochs: small }))).toBeUndefined();
    const bothRise = curve.map((e, i) => (i > 2 ? { ...e, loss: 1 } : e));
    expect(detectors.overfitting(healthyRun({ epochs: bothRise }))).toBeUndefined();
  });

  it('stays silent on a classifier at chance: that one is broken, not overfitting', () => {
    const guessing = curve.map((e) => ({ ...e, accuracy: 0.1, valAccuracy: 0.09 }));
    expect(detectors.overfitting(healthyRun({ epochs: guessing }))).toBeUndefined();
  });
});

describe('dead ReLU units', () => {
  const dying = (share: number, step: number) => probe(step, { layers: [layer('1_dense', { deadShare: 0.3 }), layer('2_dense', { deadShare: share }), layer('3_dense')] });

  it('fires when most of a layer’s units were silent at the latest two probes, naming the layer', () => {
    const notice = detectors['dead-relu'](healthyRun({ learningRate: 0.1, probes: [probe(1), dying(0.97, 20), dying(0.99, 40)] }))!;
    expect(notice.seen).toBe('Units that gave 0 for every sample of the latest batches: 2_dense 99%.');
    expect(notice.tryThis!.patch).toEqual({ hyperparameters: { learning_rate: 0.01 } });
  });

  it('stays silent on one bad probe and on half-silent layers', () => {
    expect(detectors['dead-relu'](healthyRun({ probes: [probe(1), probe(20), dying(0.99, 40)] }))).toBeUndefined();
    expect(detectors['dead-relu'](healthyRun({ probes: [dying(0.55, 20), dying(0.6, 40)] }))).toBeUndefined();
  });
});

describe('gradient norms', () => {
  const withGradients = (...norms: number[]) => [probe(1), probe(20, { layers: norms.map((gradNorm, i) => layer(`${i + 1}_dense`, { gradNorm })) })];

  it('fires on exploding gradients, with the norms by layer', () => {
    const notice = detectors['gradient-norms'](healthyRun({ probes: withGradients(520, 640, 790) }))!;
    expect(notice.title).toBe('Exploding gradients');
    expect(notice.seen).toContain('1_dense 520, 2_dense 640, 3_dense 790');
    expect(notice.tryThis!.patch).toEqual({ hyperparameters: { clipnorm: 1 } });
  });

  it('fires on vanishing gradients, naming the layers that get almost none', () => {
    const notice = detectors['gradient-norms'](healthyRun({ probes: withGradients(0, 2e-7, 0.015, 0.12) }))!;
    expect(notice.title).toBe('Vanishing gradients');
    expect(notice.seen).toContain('1_dense, 2_dense get less than 0.001 of the gradient 4_dense gets');
  });

  it('stays silent on norms of one order of magnitude, and on the first step alone', () => {
    expect(detectors['gradient-norms'](healthyRun({ probes: withGradients(0.27, 0.26, 0.9, 1.4) }))).toBeUndefined();
    expect(detectors['gradient-norms'](healthyRun({ probes: [probe(1, { layers: [layer('1_dense', { gradNorm: 1500 })] })] }))).toBeUndefined();
  });
});

describe('diagnoseRun', () => {
  it('gives the cause before its symptoms', () => {
    const raw = { input: { min: 0, max: 255, mean: 73, std: 92 } };
    const run = healthyRun({
      scaling: 'none',
      ...fallingLosses(100, 300, 190),
      epochs: [epoch(1, { accuracy: 0.1, valAccuracy: 0.1 })],
      probes: [probe(1, raw), probe(20, { ...raw, layers: [layer('1_dense', { gradNorm: 700 })] })],
    });
    expect(diagnoseRun(run).map((n) => n.id)).toEqual(['inputs-not-scaled', 'chance-accuracy', 'gradient-norms']);
  });
});
