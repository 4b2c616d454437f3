import { describe, expect, it } from 'vitest';
import { curveLines, curveRows, filterGroups, DASHES } from './curves-model';
import { heatmapOf } from './heatmap-model';
import { diverged, gridPlan, notReached, outcome, reached } from './sweep-fixtures';
import { trialRows } from './trials-model';
import { logTicks } from './valley-chart';
import { valleyOf } from './valley-model';

const plan = gridPlan();
const { trials, params } = plan;
// t001–t003: SGD at 1e-4, 0.01, 1; t004–t006: Adam at the same rates.
const outcomes = { t001: notReached(0.6), t002: reached(5), t003: diverged(), t004: reached(3), t005: reached(4) };

describe('the valley chart', () => {
  const valley = valleyOf({ trials, params, outcomes, objective: 'time-to-target', kind: 'grid' })!;

  it('puts the learning rate on a log x axis and draws one line per optimizer', () => {
    expect(valley.xParam).toBe('learning_rate');
    expect(valley.logX).toBe(true);
    expect(valley.series.map((s) => s.name)).toEqual(['SGD', 'Adam']);
  });

  it('leaves a gap, never a zero, where a trial did not reach the target or diverged, and marks it', () => {
    expect(valley.series[0]!.points.map((p) => [p.x, p.y, p.verdict])).toEqual([
      [1e-4, null, 'not-reached'],
      [0.01, 5, 'value'],
      [1, null, 'diverged'],
    ]);
    expect(valley.markers.map((m) => [m.trialId, m.verdict])).toEqual([
      ['t001', 'not-reached'],
      ['t003', 'diverged'],
    ]);
  });

  it('draws nothing yet for a trial that has not trained', () => {
    expect(valley.series[1]!.points.map((p) => p.trialId)).toEqual(['t004', 't005']);
  });
});

describe('the heatmap', () => {
  const map = heatmapOf({ trials, params, outcomes, objective: 'time-to-target' });

  it('lays the grid out: optimizers down, learning rates across', () => {
    expect(map.rows).toEqual(['SGD', 'Adam']);
    expect(map.columns).toEqual(['1e-4', '0.01', '1']);
    expect(map.cells.map((c) => [c.trialId, c.row, c.column])).toEqual([
      ['t001', 0, 0],
      ['t002', 0, 1],
      ['t003', 0, 2],
      ['t004', 1, 0],
      ['t005', 1, 1],
      ['t006', 1, 2],
    ]);
  });

  it('marks exactly one best cell: the shortest time to target', () => {
    expect(map.cells.filter((c) => c.best).map((c) => c.trialId)).toEqual(['t004']);
    expect(map.best?.goodness).toBe(1);
    expect(map.cells.find((c) => c.trialId === 't002')?.goodness).toBe(0);
  });

  it('gives cells without a value no colour, only their reason', () => {
    expect(map.cells.filter((c) => c.goodness === undefined).map((c) => [c.trialId, c.verdict])).toEqual([
      ['t001', 'not-reached'],
      ['t003', 'diverged'],
      ['t006', 'pending'],
    ]);
  });

  it('ranks by the largest value when the metric is an accuracy', () => {
    const byAccuracy = heatmapOf({ trials, params, outcomes: { t001: outcome({ status: 'completed' }, [0.9]), t002: outcome({ status: 'completed' }, [0.2]) }, objective: 'accuracy' });
    expect(byAccuracy.best?.trialId).toBe('t002');
  });
});

describe('all curves', () => {
  it('colours by the first setting, dashes by the second, and labels by the varied values', () => {
    const lines = curveLines({ trials, params, outcomes, metric: 'loss', hidden: {}, kind: 'grid' });
    expect(lines.map((l) => l.label)).toEqual(['SGD, lr 1e-4', 'SGD, lr 0.01', 'SGD, lr 1', 'Adam, lr 1e-4', 'Adam, lr 0.01']);
    expect(new Set(lines.slice(0, 3).map((l) => l.color)).size).toBe(1);
    expect(lines[0]!.color).not.toBe(lines[3]!.color);
    expect(lines.map((l) => l.dash)).toEqual([DASHES[0], DASHES[1], DASHES[2], DASHES[0], DASHES[1]]);
  });

  it('hides the trials whose values are filtered out', () => {
    const groups = filterGroups(trials, params);
    expect(groups.map((g) => [g.param, g.values.map((v) => v.text)])).toEqual([
      ['optimizer', ['SGD', 'Adam']],
      ['learning_rate', ['1e-4', '0.01', '1']],
    ]);
    const sgd = groups[0]!.values[0]!.key;
    const lines = curveLines({ trials, params, outcomes, metric: 'loss', hidden: { optimizer: new Set([sgd]) }, kind: 'grid' });
    expect(lines.map((l) => l.trialId)).toEqual(['t004', 't005']);
  });

  it('leaves non-finite values out of the rows (a gap, not a zero)', () => {
    const lines = curveLines({ trials, params, outcomes, metric: 'loss', hidden: {}, kind: 'grid' });
    const rows = curveRows(lines, false);
    expect(rows[0]).not.toHaveProperty('c2');
    expect(rows[0]!.c0).toBe(1);
  });
});

describe('the trials table', () => {
  it('sorts best first: reached by time, then not reached, then diverged, then waiting', () => {
    const rows = trialRows({ trials, params, outcomes, objective: 'time-to-target', stopRule: plan.basePlan.spec.stopRule });
    expect(rows.map((r) => [r.id, r.rank, r.best])).toEqual([
      ['t004', 1, true],
      ['t005', 2, false],
      ['t002', 3, false],
      ['t001', undefined, false],
      ['t003', undefined, false],
      ['t006', undefined, false],
    ]);
    expect(rows.map((r) => r.result)).toEqual([
      '3.00 s (epoch 1, step 9)',
      '4.00 s (epoch 1, step 9)',
      '5.00 s (epoch 1, step 9)',
      'not reached (epochs used up, best 0.6)',
      'diverged at step 4',
      'waiting',
    ]);
    expect(rows[0]!.values).toEqual(['Adam', '1e-4']);
  });
});

describe('the valley chart’s log ticks', () => {
  it('are the decades inside the data, thinned to at most nine', () => {
    expect(logTicks([1e-6, 3e-4, 100])).toEqual([1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1, 1, 10, 100]);
    expect(logTicks([1e-6, 1e6]).length).toBeLessThanOrEqual(9);
  });

  it('are the swept values when the data spans less than two decades', () => {
    expect(logTicks([0.02, 0.05, 0.08])).toEqual([0.02, 0.05, 0.08]);
    expect(logTicks([0.0034, 0.2267])).toEqual([0.01, 0.1]);
  });
});
