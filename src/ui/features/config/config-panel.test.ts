// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeStore } from '../../dev/fake-store';
import { labTree } from '../../dev/render-lab';
import { QUICK_DEMO_SYNTHETIC } from '../presets/quick-demo';
import { ConfigPanel } from './config-panel';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const describedText = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('ConfigPanel', () => {
  it('shows each field’s problem beside it, lists them all, and holds Start until they are fixed', () => {
    render(labTree(createElement(ConfigPanel), { config: QUICK_DEMO_SYNTHETIC }));
    const start = screen.getByRole('button', { name: 'Start comparison' });
    expect(start).toHaveProperty('disabled', false);

    const epochs = screen.getByLabelText('Epochs');
    fireEvent.change(epochs, { target: { value: '0' } });
    expect(epochs.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(epochs)).toContain('Must be > 0.');

    const adam = screen.getByRole('group', { name: /Run 3: Adam/ });
    const beta1 = within(adam).getByLabelText('beta_1');
    fireEvent.change(beta1, { target: { value: 'abc' } });
    expect(describedText(beta1)).toContain('Enter a number');

    expect(start).toHaveProperty('disabled', true);
    const summary = screen.getByText(/2 problems to fix/).parentElement!;
    expect(within(summary).getByRole('button', { name: 'Epochs' })).toBeTruthy();
    expect(within(summary).getByRole('button', { name: 'Run 3 (Adam): beta_1' })).toBeTruthy();

    fireEvent.change(epochs, { target: { value: '5' } });
    fireEvent.change(beta1, { target: { value: '0.95' } });
    expect(start).toHaveProperty('disabled', false);
    expect(screen.queryByText(/problems? to fix/)).toBeNull();
  });

  it('checks ranges from the optimizer’s FieldSpec', () => {
    render(labTree(createElement(ConfigPanel), { config: QUICK_DEMO_SYNTHETIC }));
    const rmsprop = screen.getByRole('group', { name: /Run 2: RMSprop/ });
    const rho = within(rmsprop).getByLabelText('rho');
    fireEvent.change(rho, { target: { value: '1.5' } });
    expect(describedText(rho)).toContain('Must be ≥ 0 and ≤ 1.');
  });

  it('starts the comparison with the assembled config and writes the setup into the URL', async () => {
    const store = createFakeStore();
    render(labTree(createElement(ConfigPanel), { store, config: QUICK_DEMO_SYNTHETIC }));
    fireEvent.change(screen.getByLabelText('Epochs'), { target: { value: '7' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Start comparison' }));
    });
    const current = store.getState().current!;
    expect(current.config.training.epochs).toBe(7);
    expect(current.runs.map((run) => run.label)).toEqual(['SGD', 'RMSprop', 'Adam']);
    expect(window.location.hash).toMatch(/^#config=/);
    expect(screen.getByRole('button', { name: 'A comparison is running' })).toHaveProperty('disabled', true);
  });

  it('offers batch size 1 and the full set', () => {
    render(labTree(createElement(ConfigPanel), { config: QUICK_DEMO_SYNTHETIC }));
    const batches = screen.getByLabelText('Batches');
    fireEvent.change(batches, { target: { value: 'full' } });
    expect(screen.queryByLabelText('Batch size')).toBeNull();
    fireEvent.change(batches, { target: { value: 'stochastic' } });
    expect(screen.getByRole('button', { name: 'Start comparison' })).toHaveProperty('disabled', false);
  });
});
