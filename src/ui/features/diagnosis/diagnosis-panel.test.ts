// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComparisonView } from '../../../client/types';
import type { ExperimentConfigInput } from '../../../engine/experiment/config';
import { probe } from '../../../engine/diagnosis/test-support';
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
    const unscaled = screen.getByRole('region', { name: 'Diagnosis of Not scaled' });
    const notice = within(unscaled).getByRole('article', { name: 'The inputs are not scaled' });
    expect(notice.textContent).toContain('from 0 to 255 (mean 72.9, std 90)');
    expect(notice.textContent).toContain('Why:');
    expect(within(notice).getByRole('button', { name: 'Try this: Scale the inputs to [0, 1]' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Diagnosis of Scaled' })).toBeNull();
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
