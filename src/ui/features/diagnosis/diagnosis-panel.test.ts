// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComparisonView } from '../../../client/types';
import type { ExperimentConfigInput } from '../../../engine/experiment/config';
import { E1_FIRST_EPOCH, probe } from '../../../engine/diagnosis/test-support';
import { runView } from '../../dev/fixtures';
import { labTree } from '../../dev/render-lab';
import { ConfigPanel } from '../config/config-panel';
import { DiagnosisPanel } from './diagnosis-panel';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const config: ExperimentConfigInput = {
  name: 'e2 tiny',
  dataset: { name: 'fashion-mnist', subset: 256 },
  architecture: 'mlp',
  model: { hiddenUnits: [32] },
  training: { epochs: 1, batchSize: 32, scaling: 'minmax' },
  runs: [
    { id: 'unscaled', label: 'Not scaled', optimizer: { name: 'adam' }, scaling: 'none' },
    { id: 'scaled', label: 'Scaled', optimizer: { name: 'adam' } },
  ],
};

function comparison(): ComparisonView {
  const raw = { input: { min: 0, max: 255, mean: 72.9, std: 90 } };
  return {
    id: 'c1',
    name: 'e2 tiny',
    config,
    status: 'running',
    startedAt: '2025-01-01T00:00:00Z',
    runs: [
      { ...runView('unscaled', { label: 'Not scaled', steps: 8 }), probes: [probe(1, { ...raw, runId: 'unscaled' })] },
      { ...runView('scaled', { label: 'Scaled', steps: 8 }), probes: [probe(1, { runId: 'scaled' })] },
    ],
  };
}

describe('DiagnosisPanel', () => {
  it('shows a run’s notice with what was seen, why, and a fix; the healthy run gets none', () => {
    render(labTree(createElement(DiagnosisPanel, { comparison: comparison() }), { config }));
    const notice = screen.getByRole('article', { name: 'The inputs are not scaled' });
    expect(notice.textContent).toContain('Run: Not scaled');
    expect(notice.textContent).not.toContain('Scaled,');
    expect(notice.textContent).toContain('from 0 to 255 (mean 72.9, std 90)');
    expect(notice.textContent).toContain('Why:');
    expect(within(notice).getByRole('button', { name: 'Try this: Scale the inputs to [0, 1]' })).toBeTruthy();
    expect(screen.getAllByRole('article')).toHaveLength(1);
    expect(screen.getByText('1 of 2 runs has something worth a look.')).toBeTruthy();
  });

  it('says so when nothing looks wrong', () => {
    const healthy = { ...comparison(), runs: [comparison().runs[1]!] };
    render(labTree(createElement(DiagnosisPanel, { comparison: healthy }), { config }));
    expect(screen.getByText(/Nothing looks wrong so far/)).toBeTruthy();
  });

  it('“Try this” loads the setup with the fix applied to that run into the form, as a new comparison', () => {
    render(labTree([createElement(ConfigPanel, { key: 'form' }), createElement(DiagnosisPanel, { key: 'diagnosis', comparison: comparison() })], { config }));
    fireEvent.click(screen.getByRole('button', { name: 'Try this: Scale the inputs to [0, 1]' }));
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('e2 tiny: scale the inputs to [0, 1]');
    const fixed = screen.getByRole('group', { name: 'Run 1: Not scaled (fixed)' });
    expect((within(fixed).getByLabelText('Input scaling') as HTMLSelectElement).value).toBe('minmax');
    // The other run is as it was: nothing of its own set (its overrides stay folded).
    const other = screen.getByRole('group', { name: 'Run 2: Scaled' });
    expect(within(other).getByText('This run only: batch size, scaling, regularisation')).toBeTruthy();
    expect(screen.getByText(/Press Start comparison to run it/)).toBeTruthy();
  });
});

/** E1 on a 2,000-image subset after its first epoch, as measured: three crawling optimizers and Adam. */
const E1_RUNS = [
  ['sgd', 'SGD'],
  ['adagrad', 'Adagrad'],
  ['adadelta', 'Adadelta'],
  ['adam', 'Adam'],
] as const;

const e1Config: ExperimentConfigInput = {
  name: 'e1 subset',
  dataset: { name: 'fashion-mnist', subset: 2000, validation: 'test' },
  architecture: 'fcnn',
  training: { epochs: 1, batchSize: 200, scaling: 'minmax', seed: 1 },
  runs: E1_RUNS.map(([id, label]) => ({ id, label, optimizer: { name: id } })),
};

function e1Comparison(): ComparisonView {
  const runs = E1_RUNS.map(([id, label]) => {
    const { steps, losses, epochs, probes } = E1_FIRST_EPOCH[id];
    return { ...runView(id, { label }), steps, losses, epochs, probes };
  });
  return { id: 'c2', name: 'e1 subset', config: e1Config, status: 'running', startedAt: '2025-01-01T00:00:00Z', runs };
}

describe('DiagnosisPanel on E1’s first epoch', () => {
  it('shows the one finding the three crawling runs share once, naming them and each run’s numbers', () => {
    render(labTree(createElement(DiagnosisPanel, { comparison: e1Comparison() }), { config: e1Config }));
    expect(screen.getAllByRole('article')).toHaveLength(1);
    const notice = screen.getByRole('article', { name: 'Too slow: the learning rate is too small for this optimizer' });
    expect(notice.textContent).toContain('3 runs: SGD, Adagrad, Adadelta');
    expect(notice.textContent).toMatch(/SGD: At learning rate 0\.01, in 10 steps/);
    expect(notice.textContent).toMatch(/Adadelta: At learning rate 0\.001, in 10 steps/);
    expect(notice.textContent).not.toContain('Adam:');
    expect(screen.getByText('3 of 4 runs have something worth a look.')).toBeTruthy();
  });

  it('“Try this” raises the learning rate of every run the finding names, each to its own value, and no other', () => {
    render(labTree([createElement(ConfigPanel, { key: 'form' }), createElement(DiagnosisPanel, { key: 'diagnosis', comparison: e1Comparison() })], { config: e1Config }));
    fireEvent.click(screen.getByRole('button', { name: 'Try this: Raise the learning rate: SGD to 0.1, Adagrad to 0.01, Adadelta to 1' }));
    const rateOf = (group: string) => (within(screen.getByRole('group', { name: group })).getByLabelText('learning_rate') as HTMLInputElement).value;
    expect(rateOf('Run 1: SGD (fixed)')).toBe('0.1');
    expect(rateOf('Run 2: Adagrad (fixed)')).toBe('0.01');
    expect(rateOf('Run 3: Adadelta (fixed)')).toBe('1');
    expect(rateOf('Run 4: Adam')).toBe('0.001');
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('e1 subset: raise the learning rate');
    expect(screen.getByText(/^Loaded “e1 subset: raise the learning rate” into the setup/).textContent).toContain('SGD, Adagrad, Adadelta with “raise the learning rate: SGD to 0.1, Adagrad to 0.01, Adadelta to 1”');
  });
});
