// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement, Fragment } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LabState } from '../../../client/types';
import type { ComparisonSummary } from '../../../persistence/types';
import { useLabState, type LabStore } from '../../app/lab-store-context';
import { createFakeStore } from '../../dev/fake-store';
import { labTree } from '../../dev/render-lab';
import { QUICK_DEMO_SYNTHETIC } from '../presets/quick-demo';
import { ProgressPanel } from '../progress/progress-panel';
import { HistoryPanel } from './history-panel';

afterEach(cleanup);

function summary(id: string, name: string, status: ComparisonSummary['status'], resumableFromEpoch?: number): ComparisonSummary {
  return {
    id,
    name,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    status,
    dataset: 'spiral',
    architecture: 'dense',
    runCount: 3,
    epochsDone: resumableFromEpoch ?? 0,
    ...(resumableFromEpoch !== undefined ? { resumableFromEpoch } : {}),
  };
}

/** The comparison on screen, as the comparison area shows it. */
function CurrentProgress() {
  const comparison = useLabState((s) => s.current);
  return comparison ? createElement(ProgressPanel, { comparison }) : null;
}

describe('resume and restart', () => {
  it('offers Resume from the epoch after the checkpoint, and Restart, for a comparison a reload interrupted', () => {
    const fake = createFakeStore();
    const state: LabState = {
      ...fake.getState(),
      history: [
        summary('a', 'Adam vs SGD', 'interrupted', 2),
        summary('b', 'Too early', 'interrupted'),
        summary('c', 'Stopped', 'cancelled', 4),
        summary('d', 'Finished', 'completed'),
      ],
    };
    const resumeComparison = vi.fn(async () => undefined);
    const restartComparison = vi.fn(async () => undefined);
    const store: LabStore = { getState: () => state, subscribe: fake.subscribe, actions: { ...fake.actions, resumeComparison, restartComparison } };
    render(labTree(createElement(HistoryPanel), { store }));

    const resume = screen.getByRole('button', { name: 'Resume Adam vs SGD from epoch 3' });
    expect(resume.textContent).toBe('Resume from epoch 3');
    fireEvent.click(resume);
    expect(resumeComparison).toHaveBeenCalledWith('a');
    fireEvent.click(screen.getByRole('button', { name: 'Restart Adam vs SGD' }));
    expect(restartComparison).toHaveBeenCalledWith('a');

    // No checkpoint yet: only Restart. Stopped with a checkpoint: both. Finished: neither.
    expect(screen.queryByRole('button', { name: /^Resume Too early/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Restart Too early' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Resume Stopped from epoch 5' })).toBeTruthy();
    const finished = screen.getByText('Finished').closest('li')!;
    expect(within(finished).queryByRole('button', { name: /Resume|Restart/ })).toBeNull();
  });

  it('shows Resume in the controls of a stopped comparison with a checkpoint, once, and resumes it', async () => {
    const store = createFakeStore();
    const config = { ...QUICK_DEMO_SYNTHETIC, name: 'Quick demo', training: { ...QUICK_DEMO_SYNTHETIC.training, epochs: 5 } };
    render(labTree(createElement(Fragment, null, createElement(CurrentProgress), createElement(HistoryPanel)), { store }));
    await act(async () => {
      await store.actions.start(config);
    });
    const controls = screen.getByRole('group', { name: 'Training controls' });
    expect(within(controls).queryByRole('button', { name: /Resume .* from epoch/ })).toBeNull();

    act(() => {
      // Train until the first checkpoint, then stop all.
      for (let i = 0; i < 10_000 && store.getState().current!.resumableFromEpoch === undefined; i++) store.advance(1);
      store.actions.cancel();
    });
    const done = store.getState().current!.resumableFromEpoch!;
    expect(done).toBeGreaterThanOrEqual(1);
    // The history item of the comparison on screen leaves the buttons to the controls.
    const resume = screen.getAllByRole('button', { name: `Resume Quick demo from epoch ${done + 1}` });
    expect(resume).toHaveLength(1);
    expect(within(controls).getByRole('button', { name: 'Restart from the beginning' })).toBeTruthy();

    act(() => fireEvent.click(resume[0]!));
    await act(async () => undefined);
    expect(store.getState().current!.status).toBe('running');
    expect(within(controls).queryByRole('button', { name: /Resume .* from epoch/ })).toBeNull();
  });
});
