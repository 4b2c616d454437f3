/**
 * The diagnosis panel shows a finding once, with the runs it applies to: notices from
 * the same detector with the same title and the same kind of fix form one group. What
 * was seen stays per run (the numbers differ), and the group's "Try this" applies each
 * run's own fix (SGD to 0.1, Adadelta to 1) in one new setup.
 */
import { detectorNames, type Notice, type RunFix, type Severity } from '../../../engine/diagnosis';
import type { RunDiagnosis } from './diagnosis-model';

export interface GroupedRun {
  readonly runId: string;
  readonly label: string;
  readonly runIndex: number;
  readonly notice: Notice;
}

export interface NoticeGroup {
  readonly key: string;
  readonly severity: Severity;
  readonly title: string;
  /** The runs it applies to, in the comparison's order. */
  readonly runs: readonly GroupedRun[];
  /** The distinct explanations (one, unless a detector words them per run). */
  readonly why: readonly string[];
  readonly tryThis?: { readonly label: string; readonly fixes: readonly RunFix[] };
}

const keyOf = (notice: Notice): string => JSON.stringify([notice.id, notice.title, notice.tryThis?.action ?? null]);

/** "Raise the learning rate to 1", or "Raise the learning rate: SGD to 0.1, Adadelta to 1" where targets differ. */
function buttonLabel(runs: readonly GroupedRun[]): string {
  const fixes = runs.map((r) => r.notice.tryThis!);
  if (fixes.every((f) => f.label === fixes[0]!.label)) return fixes[0]!.label;
  return `${fixes[0]!.action}: ${runs.map((r) => `${r.label} ${r.notice.tryThis!.target ?? ''}`.trim()).join(', ')}`;
}

const order = (notice: Notice): number => {
  const index = detectorNames.indexOf(notice.id as (typeof detectorNames)[number]);
  return index === -1 ? detectorNames.length : index;
};

/** Every run's notices as groups: in the detectors' order (causes before symptoms), then by first run. */
export function groupNotices(runs: readonly RunDiagnosis[]): NoticeGroup[] {
  const groups = new Map<string, GroupedRun[]>();
  for (const run of runs) {
    for (const notice of run.notices) {
      const key = keyOf(notice);
      groups.set(key, [...(groups.get(key) ?? []), { runId: run.runId, label: run.label, runIndex: run.runIndex, notice }]);
    }
  }
  return [...groups.entries()]
    .map(([key, members]): NoticeGroup => {
      const first = members[0]!.notice;
      return {
        key,
        severity: first.severity,
        title: first.title,
        runs: members,
        why: [...new Set(members.map((m) => m.notice.why))],
        ...(first.tryThis ? { tryThis: { label: buttonLabel(members), fixes: members.map((m) => ({ runId: m.runId, fix: m.notice.tryThis! })) } } : {}),
      };
    })
    .sort((a, b) => order(a.runs[0]!.notice) - order(b.runs[0]!.notice) || a.runs[0]!.runIndex - b.runs[0]!.runIndex);
}

/** "SGD, Adagrad, Adadelta": the runs a group applies to, for a sentence. */
export const runNames = (group: NoticeGroup): string => group.runs.map((r) => r.label).join(', ');
