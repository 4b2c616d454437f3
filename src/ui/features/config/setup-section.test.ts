// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { labTree } from '../../dev/render-lab';
import { QUICK_DEMO_SYNTHETIC } from '../presets/quick-demo';
import { ConfigPanel } from './config-panel';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('the setup’s sections', () => {
  it('fold to their heading and open again, but never stay folded over a problem', () => {
    render(labTree(createElement(ConfigPanel), { config: QUICK_DEMO_SYNTHETIC }));
    const model = screen.getByRole('button', { name: 'Model section' });
    expect(model.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(model);
    expect(model.getAttribute('aria-expanded')).toBe('false');
    expect(model.closest('.setup-section')?.hasAttribute('data-folded')).toBe(true);
    fireEvent.click(model);
    expect(model.getAttribute('aria-expanded')).toBe('true');

    const training = screen.getByRole('button', { name: 'Training section' });
    fireEvent.click(training);
    expect(training.getAttribute('aria-expanded')).toBe('false');
    // A problem in it opens it (a loaded setup can bring one): the problem list's buttons focus its fields.
    fireEvent.change(screen.getByLabelText('Epochs'), { target: { value: '0' } });
    expect(training.getAttribute('aria-expanded')).toBe('true');
    expect(training.closest('.setup-section')?.hasAttribute('data-folded')).toBe(false);
  });
});
