import { describe, expect, it } from 'vitest';
import { thrownConfigError as configError } from '../../../tests/helpers/expect-lab-error';
import { expandValues, formatNumber, rangeValues } from './values';

describe('linear ranges', () => {
  it('spaces values evenly with both ends exact and no floating-point noise', () => {
    expect(rangeValues({ kind: 'linear', from: 0, to: 1, count: 11 })).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });

  it('runs downwards when the range is reversed', () => {
    expect(rangeValues({ kind: 'linear', from: 0.5, to: 0, count: 3 })).toEqual([0.5, 0.25, 0]);
  });

  it('gives `from` alone for count 1', () => {
    expect(rangeValues({ kind: 'linear', from: 0.3, to: 9, count: 1 })).toEqual([0.3]);
  });
});

describe('log ranges', () => {
  it('spaces values evenly in log10, as E4’s 48 learning rates from 1e-6 to 100', () => {
    const values = rangeValues({ kind: 'log', from: 1e-6, to: 100, count: 48 });
    expect(values).toHaveLength(48);
    expect(values[0]).toBe(1e-6);
    expect(values[47]).toBe(100);
    const steps = values.slice(1).map((v, i) => Math.log10(v / values[i]!));
    for (const step of steps) expect(step).toBeCloseTo(8 / 47, 9);
  });

  it('hits whole decades exactly when the count falls on them', () => {
    expect(rangeValues({ kind: 'log', from: 1e-4, to: 1, count: 5 })).toEqual([1e-4, 1e-3, 1e-2, 0.1, 1]);
  });

  it('runs downwards when reversed', () => {
    expect(rangeValues({ kind: 'log', from: 100, to: 1, count: 3 })).toEqual([100, 10, 1]);
  });

  it.each([
    ['a zero end', { from: 0, to: 1, count: 3 }, 'values.from', /> 0/],
    ['a negative end', { from: 1e-3, to: -1, count: 3 }, 'values.to', /> 0/],
    ['equal ends with more than one value', { from: 0.1, to: 0.1, count: 4 }, 'values', /count 1/],
    ['a count of 0', { from: 1e-3, to: 1, count: 0 }, 'values.count', /from 1 to 500/],
    ['a fractional count', { from: 1e-3, to: 1, count: 2.5 }, 'values.count', /whole number/],
  ])('refuses %s with a ConfigError naming the field', (_what, range, where, expected) => {
    const error = configError(() => rangeValues({ kind: 'log', ...range }));
    expect(error.where).toBe(where);
    expect(error.expected).toMatch(expected);
  });

  it('accepts equal ends with count 1', () => {
    expect(rangeValues({ kind: 'log', from: 0.1, to: 0.1, count: 1 })).toEqual([0.1]);
  });
});

describe('lists', () => {
  it('keep the values and their order', () => {
    expect(expandValues({ kind: 'list', values: ['relu', 'tanh', 'sigmoid'] })).toEqual(['relu', 'tanh', 'sigmoid']);
  });

  it('refuse a value given twice, naming it', () => {
    const error = configError(() => expandValues({ kind: 'list', values: [0.1, 0.01, 0.1] }, 'grid[1].values'));
    expect(error.where).toBe('grid[1].values[2]');
    expect(error.found).toBe('0.1 twice');
  });

  it('refuse an empty list and non-finite numbers', () => {
    expect(configError(() => expandValues({ kind: 'list', values: [] })).found).toBe('an empty list');
    expect(configError(() => expandValues({ kind: 'list', values: [1, Number.NaN] })).where).toBe('values[1]');
  });

  it('tell optimizers with the same name but other settings apart', () => {
    const values = expandValues({ kind: 'list', values: [{ name: 'sgd', label: 'SGD' }, { name: 'sgd', label: 'Momentum', hyperparameters: { momentum: 0.9 } }] });
    expect(values).toHaveLength(2);
  });
});

describe('formatNumber', () => {
  it('writes sweep values short: exponents for the small and large, 4 significant digits', () => {
    expect([1e-6, 1.3894954943e-5, 0.001, 0.5179474679, 7.196856730011, 100, 250000].map(formatNumber)).toEqual(['1e-6', '1.389e-5', '0.001', '0.5179', '7.197', '100', '2.5e5']);
  });
});
