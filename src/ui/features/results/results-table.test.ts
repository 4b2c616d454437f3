// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { runView } from '../../dev/fixtures';
import { ResultsTable } from './results-table';

afterEach(cleanup);

describe('ResultsTable', () => {
  it('marks the best run and the diverged one', () => {
    const runs = [
      runView('sgd', { label: 'SGD', epochs: 3, result: { test: { loss: 0.5, accuracy: 0.81 } } }),
      runView('adam', { label: 'Adam', epochs: 3, result: { test: { loss: 0.3, accuracy: 0.88 }, trainSeconds: 75 } }),
      runView('lr10', { label: 'SGD lr 10', epochs: 1, result: { status: 'diverged', divergedAtStep: 12 } }),
    ];
    render(createElement(ResultsTable, { runs }));
    const table = screen.getByRole('table');
    const best = within(table).getByRole('row', { name: /Adam/ });
    expect(within(best).getByText('★ best')).toBeTruthy();
    expect(within(best).getByText('88.00%')).toBeTruthy();
    expect(within(best).getByText('1 min 15 s')).toBeTruthy();
    const diverged = within(table).getByRole('row', { name: /SGD lr 10/ });
    expect(within(diverged).getByText('⚠ diverged at step 12')).toBeTruthy();
    expect(within(diverged).queryByText('★ best')).toBeNull();
    expect(screen.getAllByText('★ best')).toHaveLength(1);
    expect(screen.getByText(/judged on test accuracy/)).toBeTruthy();
  });

  it('drops the accuracy columns for regression', () => {
    const run = { ...runView('r', { label: 'Adam', epochs: 0 }), epochs: [] };
    render(createElement(ResultsTable, { runs: [run] }));
    expect(screen.queryByRole('columnheader', { name: /accuracy/ })).toBeNull();
    expect(screen.getByText(/No results yet/)).toBeTruthy();
  });
});
