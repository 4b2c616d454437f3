// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ComparisonView } from '../../../client/types';
import { makeGallery } from '../../../persistence/test-fixtures';
import { runView } from '../../dev/fixtures';
import { VaeGallery } from './vae-gallery';

// jsdom draws nothing: the canvases get no 2D context (the browser test looks at pixels).
beforeEach(() => void vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function comparison(overrides: Partial<ComparisonView> = {}): ComparisonView {
  return {
    id: 'c1',
    name: 'vae test',
    config: { name: 'vae test', dataset: { name: 'fashion-mnist' }, architecture: 'vae', training: { epochs: 2, batchSize: 8 }, runs: [] },
    status: 'running',
    runs: [
      runView('sgd', { label: 'SGD', result: { test: { loss: 40 } } }),
      runView('adam', { label: 'Adam', result: { test: { loss: 25 } } }),
      runView('rmsprop', { label: 'RMSprop', steps: 3 }),
    ],
    startedAt: '2025-01-01T00:00:00Z',
    ...overrides,
  };
}

const galleries = { sgd: makeGallery('sgd', 2), adam: makeGallery('adam', 2) };

describe('VaeGallery', () => {
  it('offers the runs that have a gallery, starts on the best one, and shows its three grids', () => {
    render(createElement(VaeGallery, { comparison: comparison({ galleries }) }));
    const picker = screen.getByLabelText('Run') as HTMLSelectElement;
    expect([...picker.options].map((option) => option.textContent)).toEqual(['SGD', 'Adam']);
    expect(picker.value).toBe('adam');
    expect(screen.getByRole('img', { name: /^Reconstructions by Adam after epoch 2 \(step 8\): 3 test images above/ })).toBeTruthy();
    expect(screen.getByRole('img', { name: /^Latent walk of Adam after epoch 2 \(step 8\): 2 latent dimensions, each swept from -3 to 3/ })).toBeTruthy();
    expect(screen.getByRole('img', { name: /^Random samples of Adam after epoch 2 \(step 8\): 4 images/ })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^Download .* as PNG$/ })).toHaveLength(3);
  });

  it('shows another run’s gallery when picked', () => {
    render(createElement(VaeGallery, { comparison: comparison({ galleries }) }));
    fireEvent.change(screen.getByLabelText('Run'), { target: { value: 'sgd' } });
    expect(screen.getByRole('img', { name: /^Random samples of SGD after epoch 2/ })).toBeTruthy();
    expect(screen.queryByRole('img', { name: /of Adam/ })).toBeNull();
  });

  it('says when images will come for a VAE without any yet, and stays away from other comparisons', () => {
    const { unmount } = render(createElement(VaeGallery, { comparison: comparison() }));
    expect(screen.getByRole('region', { name: 'Generated images' }).textContent).toMatch(/appear here as each epoch ends/);
    unmount();
    const classifier = comparison();
    render(createElement(VaeGallery, { comparison: { ...classifier, config: { ...classifier.config, architecture: 'fcnn' } } }));
    expect(screen.queryByRole('region', { name: 'Generated images' })).toBeNull();
  });
});
