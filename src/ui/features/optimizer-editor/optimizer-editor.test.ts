// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { labTree } from '../../dev/render-lab';
import { QUICK_DEMO_SYNTHETIC } from '../presets/quick-demo';
import { ComparisonRunList } from './run-list';

afterEach(cleanup);

const config = {
  ...QUICK_DEMO_SYNTHETIC,
  runs: [
    { label: 'SGD', optimizer: { name: 'sgd' } },
    { label: 'Adam', optimizer: { name: 'adam' } },
  ],
};

const openFold = async (container: HTMLElement, text: RegExp) => {
  const summary = within(container).getByText(text);
  await act(async () => {
    const details = summary.closest('details')!;
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
  });
};

describe('optimizer editor', () => {
  it('shows only the fields each optimizer uses, with Keras stock values', () => {
    render(labTree(createElement(ComparisonRunList), { config }));
    const sgd = screen.getByRole('group', { name: /Run 1: SGD/ });
    expect((within(sgd).getByLabelText('learning_rate') as HTMLInputElement).value).toBe('0.01');
    expect(within(sgd).getByLabelText('momentum')).toBeTruthy();
    expect(within(sgd).getByLabelText('nesterov')).toBeTruthy();
    expect(within(sgd).queryByLabelText('beta_1')).toBeNull();
    expect(within(sgd).queryByLabelText('epsilon')).toBeNull();

    const adam = screen.getByRole('group', { name: /Run 2: Adam/ });
    expect((within(adam).getByLabelText('learning_rate') as HTMLInputElement).value).toBe('0.001');
    expect((within(adam).getByLabelText('epsilon') as HTMLInputElement).value).toBe('1e-7');
    expect(within(adam).getByLabelText('amsgrad')).toBeTruthy();
    expect(within(adam).queryByLabelText('momentum')).toBeNull();
  });

  it('folds the advanced fields (weight decay, clipping) until asked', async () => {
    render(labTree(createElement(ComparisonRunList), { config }));
    const adam = screen.getByRole('group', { name: /Run 2: Adam/ });
    expect(within(adam).queryByLabelText('clipnorm')).toBeNull();
    await openFold(adam, /Advanced: weight_decay/);
    expect(within(adam).getByLabelText('clipnorm')).toBeTruthy();
    expect(within(adam).getByLabelText('global_clipnorm')).toBeTruthy();
  });

  it('shows the update rule on request, as a formula and in words', async () => {
    render(labTree(createElement(ComparisonRunList), { config }));
    const adam = screen.getByRole('group', { name: /Run 2: Adam/ });
    expect(within(adam).queryByLabelText('Adam update rule as equations')).toBeNull();
    await openFold(adam, /Update rule of Adam/);
    expect(within(adam).getByLabelText('Adam update rule as equations').textContent).toContain('m ← β₁·m + (1 − β₁)·g');
    expect(within(adam).getByText(/moving averages of the gradient/)).toBeTruthy();
  });

  it('switches to another optimizer’s fields and defaults, and adds the same optimizer twice', () => {
    render(labTree(createElement(ComparisonRunList), { config }));
    const sgd = screen.getByRole('group', { name: /Run 1: SGD/ });
    fireEvent.change(within(sgd).getByLabelText('Optimizer'), { target: { value: 'rmsprop' } });
    const rmsprop = screen.getByRole('group', { name: /Run 1: RMSprop/ });
    expect((within(rmsprop).getByLabelText('rho') as HTMLInputElement).value).toBe('0.9');
    expect(within(rmsprop).queryByLabelText('nesterov')).toBeNull();

    fireEvent.change(screen.getByLabelText('Add optimizer'), { target: { value: 'adam' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add run' }));
    expect(screen.getByRole('group', { name: /Run 3: Adam 2/ })).toBeTruthy();
  });
});
