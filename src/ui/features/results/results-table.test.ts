// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExperimentConfigInput } from '../../../engine/experiment/config';
import { presets } from '../../../engine/experiment/presets';
import { epochRecord, runView } from '../../dev/fixtures';
import { ResultsTable } from './results-table';
import { BEST_CRITERION_KEY } from './use-best-criterion';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

/** Adam validates better, SGD tests better: the two criteria disagree. */
const disagreeing = () => [
  { ...runView('sgd', { label: 'SGD', result: { test: { loss: 0.5, accuracy: 0.9 } } }), epochs: [epochRecord('sgd', 1, { valAccuracy: 0.8 })] },
  { ...runView('adam', { label: 'Adam', result: { test: { loss: 0.3, accuracy: 0.88 }, trainSeconds: 75 } }), epochs: [epochRecord('adam', 1, { valAccuracy: 0.85 })] },
];

const bestLabel = () => screen.getAllByRole('row').filter((row) => within(row).queryByText('★ best')).map((row) => within(row).getByRole('rowheader').firstChild?.nextSibling?.textContent);

describe('ResultsTable', () => {
  it('marks the best run by validation accuracy by default, says so in the header, and the diverged one', () => {
    const runs = [...disagreeing(), runView('lr10', { label: 'SGD lr 10', epochs: 1, result: { status: 'diverged', divergedAtStep: 12 } })];
    render(createElement(ResultsTable, { runs }));
    const table = screen.getByRole('table');
    expect(bestLabel()).toEqual(['Adam']);
    expect(within(table).getByRole('columnheader', { name: '★ Final val. accuracy' })).toBeTruthy();
    expect(within(table).getByRole('row', { name: /Adam/ }).textContent).toContain('1 min 15 s');
    const diverged = within(table).getByRole('row', { name: /SGD lr 10/ });
    expect(within(diverged).getByText('⚠ diverged at step 12')).toBeTruthy();
    expect(screen.getAllByText('★ best')).toHaveLength(1);
    expect(screen.getByText(/Best run \(★\) by validation accuracy \(last epoch\)/)).toBeTruthy();
  });

  it('switches the criterion from the select, and keeps the choice for the next table (a reload)', () => {
    render(createElement(ResultsTable, { runs: disagreeing() }));
    fireEvent.change(screen.getByLabelText('Best by'), { target: { value: 'test-accuracy' } });
    expect(bestLabel()).toEqual(['SGD']);
    expect(screen.getByRole('columnheader', { name: '★ Test accuracy' })).toBeTruthy();
    expect(screen.queryByRole('columnheader', { name: /★ Final val/ })).toBeNull();
    expect(localStorage.getItem(BEST_CRITERION_KEY)).toBe('test-accuracy');
    cleanup();
    render(createElement(ResultsTable, { runs: disagreeing() }));
    expect((screen.getByLabelText('Best by') as HTMLSelectElement).value).toBe('test-accuracy');
    expect(bestLabel()).toEqual(['SGD']);
  });

  it('by test accuracy while runs train: no best yet, and says when there will be', () => {
    localStorage.setItem(BEST_CRITERION_KEY, 'test-accuracy');
    render(createElement(ResultsTable, { runs: [runView('a', { epochs: 2 }), runView('b', { epochs: 2 })] }));
    expect(screen.queryByText('★ best')).toBeNull();
    expect(screen.getByText(/Best by test accuracy: known once a run has finished/)).toBeTruthy();
  });

  it('for a VAE, offers losses only and falls back from a stored accuracy choice', () => {
    localStorage.setItem(BEST_CRITERION_KEY, 'test-accuracy');
    const vae = (id: string, valLoss: number) => ({ ...runView(id), epochs: [epochRecord(id, 1, { accuracy: undefined, valAccuracy: undefined, valLoss })] });
    render(createElement(ResultsTable, { runs: [vae('a', 30), vae('b', 25)], config: presets['e1-vae1']!.config }));
    const select = screen.getByLabelText('Best by') as HTMLSelectElement;
    expect(select.value).toBe('val-loss');
    expect([...select.options].map((o) => o.value)).toEqual(['val-loss', 'test-loss', 'train-loss']);
    expect(screen.queryByRole('columnheader', { name: /accuracy/ })).toBeNull();
    expect(bestLabel()).toEqual(['b']);
  });

  it('shows a stopped run’s test and validation figures with the weights each comes from', () => {
    const stopped = {
      ...runView('sgd', { label: 'SGD', result: { status: 'stopped', test: { loss: 2, accuracy: 0.227, weights: { step: 140, epoch: 3, epochEnd: false } } } }),
      epochs: [epochRecord('sgd', 1), epochRecord('sgd', 2, { valAccuracy: 0.129, steps: 120 })],
    };
    render(createElement(ResultsTable, { runs: [stopped] }));
    const row = screen.getByRole('row', { name: /SGD/ });
    expect(within(row).getByText('validation: end of epoch 2 (step 120)').parentElement?.textContent).toContain('12.90%');
    expect(within(row).getByText('test: at stop, epoch 3, step 140').parentElement?.textContent).toContain('22.70%');
  });

  it('for an E1 preset, sets the published figure beside each run, the difference, and the setup of each', () => {
    const config: ExperimentConfigInput = { ...presets['e1-fcnn']!.config, dataset: { name: 'fashion-mnist', validation: 'test', subset: 2000, testSubset: 500 }, training: { epochs: 2, batchSize: 200 } };
    const runs = [runView('sgd', { label: 'sgd', epochs: 2, result: { test: { loss: 1, accuracy: 0.7 } } }), runView('adamax', { label: 'adamax', epochs: 2 })];
    render(createElement(ResultsTable, { runs, config }));
    expect(screen.getByRole('columnheader', { name: 'Published E1' })).toBeTruthy();
    const sgd = screen.getByRole('row', { name: /^sgd/ });
    expect(within(sgd).getByText('84.64%')).toBeTruthy();
    expect(within(sgd).getByText('−14.64 pts')).toBeTruthy();
    const adamax = screen.getByRole('row', { name: /^adamax/ });
    expect(within(adamax).getByText('★ published best')).toBeTruthy();
    expect(screen.getByText(/Published \(E1, FCNN\): 50 epochs on 60,000 images/)).toBeTruthy();
    expect(screen.getByText('Yours: 2 epochs on 2,000 images, batch 200, tested on 500.')).toBeTruthy();
  });

  it('for E2’s unscaled dropout preset, shows the published chance accuracy and what the source says of it', () => {
    const runs = [runView('adam', { label: 'adam', epochs: 1, result: { test: { loss: 2.3, accuracy: 0.1 } } })];
    render(createElement(ResultsTable, { runs, config: presets['e2-dropout-unscaled']!.config }));
    const row = screen.getByRole('row', { name: /^adam/ });
    expect(within(row).getByText('accuracy stays at 0.10 (chance)').parentElement?.textContent).toMatch(/^10\.00%/);
    expect(within(row).getByText('±0.00 pts')).toBeTruthy();
    expect(screen.getByText(/Published \(E2, MLP with dropout, inputs not scaled\): 200 epochs on 50,000 images, batch 128/)).toBeTruthy();
  });

  it('drops the accuracy and published columns for regression', () => {
    const run = { ...runView('r', { label: 'Adam', epochs: 0 }), epochs: [] };
    render(createElement(ResultsTable, { runs: [run] }));
    expect(screen.queryByRole('columnheader', { name: /accuracy|Published/ })).toBeNull();
    expect(screen.getByText(/No results yet/)).toBeTruthy();
  });
});
