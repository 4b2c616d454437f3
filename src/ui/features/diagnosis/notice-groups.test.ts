import { describe, expect, it } from 'vitest';
import { diagnoseRun } from '../../../engine/diagnosis';
import { E1_FIRST_EPOCH } from '../../../engine/diagnosis/test-support';
import type { RunDiagnosis } from './diagnosis-model';
import { groupNotices, runNames } from './notice-groups';

const LABELS = { sgd: 'SGD', adagrad: 'Adagrad', adadelta: 'Adadelta', adam: 'Adam', adamAt1: 'Adam at 1' } as const;

/** E1's first epoch, diagnosed: each run with its own notices, in the comparison's order. */
const diagnosed = (names: readonly (keyof typeof E1_FIRST_EPOCH)[]): RunDiagnosis[] =>
  names.map((name, runIndex) => ({ runId: E1_FIRST_EPOCH[name].runId, label: LABELS[name], runIndex, notices: diagnoseRun(E1_FIRST_EPOCH[name]) }));

describe('groupNotices', () => {
  it('shows a finding shared by several runs once, naming the runs, with each run’s own numbers and fix', () => {
    const groups = groupNotices(diagnosed(['sgd', 'adagrad', 'adadelta', 'adam']));
    expect(groups).toHaveLength(1);
    const [slow] = groups;
    expect(runNames(slow!)).toBe('SGD, Adagrad, Adadelta');
    expect(slow!.why).toHaveLength(1);
    expect(slow!.runs.map((r) => r.notice.seen)).toEqual(expect.arrayContaining([expect.stringContaining('At learning rate 0.01,'), expect.stringContaining('At learning rate 0.001,')]));
    expect(slow!.tryThis!.label).toBe('Raise the learning rate: SGD to 0.1, Adagrad to 0.01, Adadelta to 1');
    expect(slow!.tryThis!.fixes.map((f) => [f.runId, f.fix.patch.hyperparameters?.learning_rate])).toEqual([
      ['sgd', 0.1],
      ['adagrad', 0.01],
      ['adadelta', 1],
    ]);
  });

  it('keeps findings of different detectors, or with different fixes, apart, causes first', () => {
    const groups = groupNotices(diagnosed(['adamAt1', 'sgd', 'adadelta']));
    expect(groups.map((g) => [g.title, runNames(g)])).toEqual([
      ['The loss exploded', 'Adam at 1'],
      ['Too slow: the learning rate is too small for this optimizer', 'SGD, Adadelta'],
    ]);
  });

  it('uses the fix’s own label when every run gets the same one, and groups nothing when no run has a notice', () => {
    const twice: RunDiagnosis[] = [0, 1].map((runIndex) => ({ runId: `a${runIndex}`, label: `Adadelta ${runIndex}`, runIndex, notices: diagnoseRun(E1_FIRST_EPOCH.adadelta) }));
    expect(groupNotices(twice)[0]!.tryThis!.label).toBe('Raise the learning rate to 1');
    expect(groupNotices(diagnosed(['adam']))).toEqual([]);
  });
});
