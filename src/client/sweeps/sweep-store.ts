/**
 * The sweeps' store, beside the lab's: it turns a sweep into a queue of lock-step
 * groups and trains them one after another as ordinary comparisons of the lab store
 * (each saved, checkpointed and resumable like any other), saving the sweep after every
 * change: which comparison trains which group, and each finished group's outcomes. A
 * reload marks a running sweep interrupted; resuming it keeps the finished groups, goes
 * on with the interrupted group from its checkpoint (or trains it again without one),
 * then the rest. Work is done strictly in order, one step at a time.
 */
export type { SweepActions, SweepState, SweepStore, SweepStoreDeps, SweepView } from './sweep-types';
import type { ComparisonStatus, ComparisonSummary } from '../../persistence/types';
import { resumableEpoch } from '../comparison-view';
import type { ComparisonView } from '../types';
import { parseSweep, type SweepPlan } from '../../engine/sweeps/sweep-config';
import { rateFromOutcomes, rateKey, shareWallTime } from '../../engine/sweeps/estimate';
import type { StoredSweep } from '../../persistence/sweep-types';
import { summaryOf } from '../../persistence/sweep-repository';
import { createObservableState, createSerialQueue } from '../observable-state';
import { startCalibration } from './calibrate';
import type { SweepActions, SweepState, SweepStore, SweepStoreDeps, SweepView } from './sweep-types';
import { groupOfTrial, groupsOf, newStoredSweep, nextGroup, outcomesOf, withGroup } from './sweep-record';

interface Running {
  sweep: StoredSweep;
  readonly plan: SweepPlan;
  groupIndex: number;
  comparisonId: string;
  stopRequested: boolean;
  /** When the group training now was asked to start (deps.clock). */
  groupStarted: number;
}

/** Recent sweeps read at start-up for their measured rates. */
const RATE_SWEEPS = 8;
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const defaultId = (): string => globalThis.crypto?.randomUUID?.() ?? `sweep-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export function createSweepStore(deps: SweepStoreDeps): SweepStore {
  const { repository, lab } = deps;
  const now = (): string => (deps.now?.() ?? new Date()).toISOString();
  const createId = deps.createId ?? defaultId;
  const clock = deps.clock ?? (() => performance.now());
  const store = createObservableState<SweepState>({ sweeps: [], rates: {}, calibrating: false });
  const { setState } = store;
  let running: Running | undefined;
  const notify = (kind: 'error' | 'info', text: string): void => setState((s) => ({ ...s, notice: { kind, text } }));
  const queue = createSerialQueue((error) => notify('error', messageOf(error)));
  const { enqueue } = queue;

  const refreshList = async (): Promise<void> => {
    try {
      const sweeps = await repository.list();
      setState((s) => ({ ...s, sweeps }));
    } catch (error) {
      notify('error', `Could not read the saved sweeps: ${messageOf(error)}`);
    }
  };

  const learnRate = (sweep: StoredSweep, plan: SweepPlan): void => {
    const rate = rateFromOutcomes(Object.values(sweep.outcomes), `the trials of “${sweep.name}” on ${sweep.backend?.name ?? 'this backend'}`);
    if (rate) setState((s) => ({ ...s, rates: { ...s.rates, [rateKey(plan.base, sweep.backend?.name)]: rate } }));
  };

  /** Saves the record and shows it (if on screen); the summary list follows. */
  const commit = async (sweep: StoredSweep, plan: SweepPlan): Promise<void> => {
    await repository.save(sweep);
    const summary = summaryOf(sweep);
    setState((s) => ({
      ...s,
      current: s.current?.sweep.id === sweep.id ? { sweep, plan } : s.current,
      sweeps: s.sweeps.some((x) => x.id === sweep.id) ? s.sweeps.map((x) => (x.id === sweep.id ? summary : x)) : [summary, ...s.sweeps],
    }));
  };

  const end = async (run: Running, status: ComparisonStatus, error?: string): Promise<void> => {
    const { error: _previous, ...rest } = run.sweep;
    run.sweep = { ...rest, status, ...(error ? { error } : {}) };
    running = undefined;
    setState((s) => ({ ...s, runningId: undefined }));
    await commit(run.sweep, run.plan);
  };

  /** Whether the lab's history says this comparison can go on from a checkpoint. */
  const resumable = (comparisonId: string): boolean => {
    const summary: ComparisonSummary | undefined = lab.getState().history.find((h) => h.id === comparisonId);
    return summary !== undefined && resumableEpoch(summary) !== undefined;
  };

  /** Trains group `index`: its comparison goes on from a checkpoint if it has one, else starts. */
  const startGroup = async (run: Running, index: number): Promise<void> => {
    const group = groupsOf(run.sweep, run.plan)[index]!;
    const previous = run.sweep.groups[index]!.comparisonId;
    run.groupStarted = clock();
    let comparisonId: string | undefined;
    if (previous && resumable(previous)) {
      await lab.actions.resumeComparison(previous);
      const current = lab.getState().current;
      if (current?.id === previous && current.status === 'running') comparisonId = previous;
    }
    if (!comparisonId) {
      const before = lab.getState().current;
      const id = await lab.actions.start(group.config);
      const busy = before !== undefined && id === before.id && (before.status === 'running' || before.status === 'paused');
      if (!id || busy) return end(run, 'failed', 'The group could not start: another comparison was running (or it could not be saved). Resume the sweep when it is over.');
      comparisonId = id;
    }
    run.groupIndex = index;
    run.comparisonId = comparisonId;
    run.sweep = withGroup({ ...run.sweep, status: 'running' }, index, { status: 'running', comparisonId });
    await commit(run.sweep, run.plan);
  };

  /**
   * The group's wall time, from asking the lab to start it to its end: setup, evaluation
   * and saving included. A group resumed from a checkpoint also took the time its
   * comparison had reached before (its epochs' elapsed seconds carry it on).
   */
  const groupWallSeconds = (run: Running, view: ComparisonView, ended: number): number => {
    const before = Math.max(0, ...view.runs.flatMap((r) => r.epochs.map((e) => e.elapsedSeconds)));
    return Math.max((ended - run.groupStarted) / 1000, before);
  };
  const onGroupEnd = async (run: Running, view: ComparisonView, ended: number): Promise<void> => {
    if (view.status !== 'completed') {
      const stopped = view.status === 'cancelled';
      const why = stopped ? undefined : `Group ${run.groupIndex + 1} failed: ${view.error?.message ?? 'unknown error'}`;
      return end(run, stopped ? 'cancelled' : 'failed', why);
    }
    const group = groupsOf(run.sweep, run.plan)[run.groupIndex]!;
    const outcomes = { ...run.sweep.outcomes, ...shareWallTime(outcomesOf(view, group.config), groupWallSeconds(run, view, ended)) };
    run.sweep = withGroup({ ...run.sweep, outcomes }, run.groupIndex, { status: 'done', comparisonId: run.comparisonId });
    learnRate(run.sweep, run.plan);
    const next = nextGroup(run.sweep);
    if (next === undefined) return end(run, 'completed');
    if (run.stopRequested) return end(run, 'cancelled');
    await commit(run.sweep, run.plan);
    await startGroup(run, next);
  };

  const unsubscribe = lab.onComparisonEnd((view) => {
    const run = running;
    if (!run || view.id !== run.comparisonId) return;
    const ended = clock();
    void enqueue(() => onGroupEnd(run, view, ended));
  });

  const ready = enqueue(async () => {
    await lab.ready;
    try {
      await repository.markInterrupted();
    } catch (error) {
      notify('error', `Could not mark the interrupted sweeps: ${messageOf(error)}`);
    }
    await refreshList();
    // Rates measured by recent sweeps make the first estimate a measured one.
    for (const summary of store.getState().sweeps.filter((s) => s.finishedCount > 0).slice(0, RATE_SWEEPS)) {
      const sweep = await repository.get(summary.id).catch(() => undefined);
      if (sweep) learnRate(sweep, parseSweep(sweep.config));
    }
  });

  const load = async (id: string): Promise<SweepView | undefined> => {
    if (running?.sweep.id === id) return { sweep: running.sweep, plan: running.plan };
    try {
      const sweep = await repository.get(id);
      if (!sweep) notify('error', 'That sweep is no longer saved in this browser.');
      return sweep ? { sweep, plan: parseSweep(sweep.config) } : undefined;
    } catch (error) {
      notify('error', `Could not open the sweep: ${messageOf(error)}`);
      return undefined;
    }
  };

  /** Why a sweep cannot start now, if it cannot. */
  const busy = (): string | undefined => {
    if (running) return 'A sweep is already running: stop it before starting another.';
    const labCurrent = lab.getState().current;
    if (labCurrent && (labCurrent.status === 'running' || labCurrent.status === 'paused')) {
      return 'A comparison is running: stop it (or wait for it) before starting the sweep.';
    }
    return undefined;
  };

  const begin = async (view: SweepView): Promise<void> => {
    const refusal = busy();
    if (refusal) return notify('error', refusal);
    const next = nextGroup(view.sweep);
    if (next === undefined) return notify('info', `“${view.sweep.name}” is complete: every group has trained.`);
    const run: Running = { sweep: view.sweep, plan: view.plan, groupIndex: next, comparisonId: '', stopRequested: false, groupStarted: clock() };
    running = run;
    setState((s) => ({ ...s, runningId: view.sweep.id, current: view, notice: undefined }));
    await startGroup(run, next);
  };

  const actions: SweepActions = {
    async start(config) {
      await ready;
      let plan: SweepPlan;
      try {
        plan = parseSweep(config);
      } catch (error) {
        notify('error', `The sweep is not valid: ${messageOf(error)}`);
        return '';
      }
      const sweep = newStoredSweep({ id: createId(), plan, config, now: now(), backend: lab.getState().backend });
      let started = '';
      await enqueue(async () => {
        const refusal = busy();
        if (refusal) return notify('error', refusal);
        await repository.save(sweep);
        started = sweep.id;
        await begin({ sweep, plan });
      });
      return started;
    },
    async open(id) {
      await enqueue(async () => {
        const view = await load(id);
        if (view) setState((s) => ({ ...s, current: view }));
      });
    },
    async resume(id) {
      await ready;
      await enqueue(async () => {
        const view = await load(id);
        if (view) await begin(view);
      });
    },
    stop() {
      const run = running;
      if (!run) return;
      run.stopRequested = true;
      if (lab.getState().current?.id === run.comparisonId) lab.actions.cancel();
    },
    async delete(id) {
      await enqueue(async () => {
        if (running?.sweep.id === id) return notify('error', 'This sweep is running: stop it before deleting it.');
        try {
          await repository.delete(id);
        } catch (error) {
          return notify('error', `Could not delete the sweep: ${messageOf(error)}`);
        }
        setState((s) => ({ ...s, current: s.current?.sweep.id === id ? undefined : s.current }));
        await refreshList();
      });
    },
    async calibrate(config) {
      if (!deps.connection) return notify('info', 'No training worker here to calibrate with.');
      if (store.getState().calibrating) return;
      let plan: SweepPlan;
      try {
        plan = parseSweep(config);
      } catch (error) {
        return notify('error', `The sweep is not valid: ${messageOf(error)}`);
      }
      setState((s) => ({ ...s, calibrating: true }));
      const datasets = lab.getState().datasets[plan.basePlan.dataset.name];
      const answer = await startCalibration(deps.connection, plan, datasets.status === 'ready' ? datasets.summary.trainCount : undefined);
      setState((s) => {
        const rates = 'rate' in answer ? { ...s.rates, [rateKey(plan.base, answer.backend)]: answer.rate } : s.rates;
        return { ...s, calibrating: false, rates, notice: 'error' in answer ? { kind: 'error', text: `Calibration failed: ${answer.error}` } : s.notice };
      });
    },
    async openTrial(trialId) {
      const view = store.getState().current;
      const index = view ? groupOfTrial(view.sweep, view.plan, trialId) : undefined;
      const comparisonId = index === undefined ? undefined : view!.sweep.groups[index]!.comparisonId;
      if (!comparisonId) {
        notify('info', 'That trial has not started yet: its charts appear once its group trains.');
        return false;
      }
      await lab.actions.open(comparisonId);
      return true;
    },
    dismissNotice() {
      setState((s) => (s.notice ? { ...s, notice: undefined } : s));
    },
  };

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    actions,
    ready,
    settled: queue.settled,
    dispose() {
      unsubscribe();
      store.clear();
    },
  };
}
