/**
 * An in-memory lab for tests and the dev preview (`?fake-store`): the same
 * `{ getState, subscribe, actions }` as the client's store, with made-up curves that
 * grow tick by tick. `advance()` moves it on by hand; `autoplay` uses a timer.
 */
import { canBeResumed } from '../../client/comparison-view';
import type { ComparisonView, DatasetState, LabActions, LabState, RunView } from '../../client/types';
import type { DatasetName, ExperimentConfigInput } from '../../engine/experiment/config';
import type { RunResult } from '../../engine/training/types';
import type { BackendReport } from '../../protocol/messages';
import type { ComparisonSummary } from '../../persistence/types';
import type { LabStore } from '../app/lab-store-context';
import { progressAt } from './fixtures';
import { fakeEpoch, fakeLoss, fakePlan, fakeResult, type FakePlan } from './fake-training';

export interface FakeStoreOptions {
  readonly autoplay?: boolean;
  readonly tickMs?: number;
  readonly backend?: BackendReport;
}

export interface FakeLabStore extends LabStore {
  /** Moves training (and dataset downloads) on by this many lock-step ticks. */
  advance(ticks?: number): void;
  dispose(): void;
}

const FAKE_BACKEND: BackendReport = { name: 'webgl', float32: true, reason: 'WebGL 2 with OffscreenCanvas in the worker (fake store)', inWorker: true };
const absent: DatasetState = { status: 'absent' };
const CLASS_NAMES: Readonly<Record<DatasetName, readonly string[]>> = {
  'fashion-mnist': ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
  'cifar-10': ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'],
  spiral: ['arm 0', 'arm 1'],
  prod: [],
};

function summaryOf(view: ComparisonView): ComparisonSummary {
  return {
    id: view.id,
    name: view.name,
    createdAt: view.startedAt,
    updatedAt: new Date().toISOString(),
    status: view.status,
    dataset: view.config.dataset.name,
    architecture: view.config.architecture,
    runCount: view.runs.length,
    epochsDone: Math.max(0, ...view.runs.map((run) => run.epochs.length)),
  };
}

export function createFakeStore(options: FakeStoreOptions = {}): FakeLabStore {
  let state: LabState = {
    backend: options.backend ?? FAKE_BACKEND,
    datasets: { 'fashion-mnist': absent, 'cifar-10': absent, spiral: absent, prod: absent },
    history: [],
  };
  const listeners = new Set<() => void>();
  const saved = new Map<string, ComparisonView>();
  const downloads = new Map<DatasetName, number>();
  let plan: FakePlan | undefined;
  let tick = 0;
  let counter = 0;
  let timer: ReturnType<typeof setInterval> | undefined;

  const set = (next: LabState) => {
    state = next;
    listeners.forEach((listener) => listener());
  };
  const setCurrent = (view: ComparisonView) => {
    saved.set(view.id, view);
    const summary = summaryOf(view);
    const history = state.history.some((s) => s.id === view.id) ? state.history.map((s) => (s.id === view.id ? summary : s)) : [summary, ...state.history];
    set({ ...state, current: view, history });
  };
  const finishRun = (run: RunView, index: number, status: RunResult['status']): RunView => ({ ...run, result: fakeResult(plan!, run, index, status) });
  const settle = (view: ComparisonView, status: ComparisonView['status']): ComparisonView => {
    const done = view.runs.every((run) => run.result);
    return done && (status === 'running' || status === 'paused') ? { ...view, status: 'completed' } : { ...view, status };
  };

  const step = () => {
    const view = state.current;
    if (!view || view.status !== 'running' || !plan) return;
    tick += 1;
    const epoch = Math.floor((tick - 1) / plan.ticksPerEpoch) + 1;
    const tickInEpoch = tick - (epoch - 1) * plan.ticksPerEpoch;
    const elapsedSeconds = tick * 0.05;
    const epochEnds = tickInEpoch === plan.ticksPerEpoch;
    const runs = view.runs.map((run, i) => {
      if (run.result) return run;
      const loss = fakeLoss(plan!, i, tick);
      let next: RunView = { ...run, steps: [...run.steps, tick], losses: [...run.losses, loss] };
      if (!Number.isFinite(loss)) return finishRun(next, i, 'diverged');
      if (epochEnds) next = { ...next, epochs: [...next.epochs, fakeEpoch(plan!, next, i, epoch, elapsedSeconds)] };
      if (epochEnds && epoch === plan!.epochs) next = finishRun(next, i, 'completed');
      return next;
    });
    const progress = progressAt(
      { epoch, epochs: plan.epochs, tick: tickInEpoch, ticksPerEpoch: plan.ticksPerEpoch, elapsedSeconds },
      { ticksTrained: tick, samplesTrained: tick * 32 * runs.length, phaseSeconds: { training: elapsedSeconds, evaluating: 0, snapshot: 0, checkpointing: 0, paused: 0 } },
    );
    const next = settle({ ...view, runs, progress, ...(epochEnds ? { resumableFromEpoch: epoch } : {}) }, 'running');
    // Like the real store: a checkpoint after every epoch, dropped once the comparison is finished.
    const { resumableFromEpoch: _checkpoint, ...finished } = next;
    setCurrent(next.status === 'completed' ? finished : next);
  };

  const stepDownloads = () => {
    for (const [name, done] of downloads) {
      const total = name === 'cifar-10' ? 170_498_071 : 30_878_645;
      const loaded = Math.min(total, done + total / 20);
      const datasets = { ...state.datasets };
      if (loaded >= total) {
        downloads.delete(name);
        datasets[name] = {
          status: 'ready',
          summary: { name, trainCount: 60_000, testCount: 10_000, inputShape: [28, 28, 1], classNames: CLASS_NAMES[name], origin: 'network' },
        };
      } else {
        downloads.set(name, loaded);
        datasets[name] = { status: 'loading', progress: { file: `${name}.gz`, loadedBytes: Math.round(loaded), totalBytes: total } };
      }
      set({ ...state, datasets });
    }
  };

  const actions: LabActions = {
    loadDataset(name) {
      if (name === 'spiral' || name === 'prod' || state.datasets[name].status === 'ready') return;
      downloads.set(name, 0);
      set({ ...state, datasets: { ...state.datasets, [name]: { status: 'loading' } } });
    },
    async start(config: ExperimentConfigInput) {
      counter += 1;
      const id = `fake-${counter}`;
      plan = fakePlan(config);
      tick = 0;
      const runs: RunView[] = config.runs.map((run, i) => ({
        id: run.id ?? `run-${i + 1}`,
        label: run.label ?? String((run.optimizer as { name?: string }).name ?? `run ${i + 1}`),
        steps: [],
        losses: [],
        epochs: [],
      }));
      setCurrent({ id, name: config.name ?? 'experiment', config, status: 'running', runs, backend: state.backend, startedAt: new Date().toISOString() });
      return id;
    },
    pause() {
      if (state.current?.status === 'running') setCurrent({ ...state.current, status: 'paused' });
    },
    resume() {
      if (state.current?.status === 'paused') setCurrent({ ...state.current, status: 'running' });
    },
    stopRun(runId) {
      const view = state.current;
      if (!view || !plan) return;
      const runs = view.runs.map((run, i) => (run.id === runId && !run.result ? finishRun(run, i, 'stopped') : run));
      setCurrent(settle({ ...view, runs }, view.status));
    },
    cancel() {
      const view = state.current;
      if (!view || !plan) return;
      setCurrent({ ...view, status: 'cancelled', runs: view.runs.map((run, i) => (run.result ? run : finishRun(run, i, 'cancelled'))) });
    },
    async resumeComparison(id) {
      const view = saved.get(id);
      const from = view?.resumableFromEpoch;
      if (!view || from === undefined || !canBeResumed(view.status)) {
        set({ ...state, notice: { kind: 'info', text: `${view?.name ?? id} has no checkpoint yet: restart instead.` } });
        return;
      }
      plan = fakePlan(view.config);
      tick = from * plan.ticksPerEpoch;
      const runs = view.runs.map((run) => {
        const kept = run.steps.filter((s) => s <= tick).length;
        const ended = run.result && (run.result.status === 'diverged' || run.result.status === 'stopped');
        const { result, ...rest } = run;
        const trimmed: RunView = { ...rest, steps: run.steps.slice(0, kept), losses: run.losses.slice(0, kept), epochs: run.epochs.filter((e) => e.epoch <= from) };
        return ended ? { ...trimmed, result } : trimmed;
      });
      const { error: _error, ...rest } = view;
      setCurrent({ ...rest, status: 'running', runs });
    },
    async restartComparison(id) {
      const view = saved.get(id);
      if (view) await actions.start(view.config);
    },
    async open(id) {
      const view = saved.get(id);
      if (view) set({ ...state, current: view });
      else set({ ...state, notice: { kind: 'error', text: `Comparison ${id} is not stored.` } });
    },
    async delete(id) {
      saved.delete(id);
      set({ ...state, history: state.history.filter((s) => s.id !== id), current: state.current?.id === id ? undefined : state.current });
    },
    async exportJson(id) {
      return JSON.stringify({ format: 'optimizer-lab-fake', version: 1, comparison: saved.get(id) });
    },
    async importJson(text) {
      try {
        const parsed = JSON.parse(text) as { format?: unknown; comparison?: ComparisonView };
        if (parsed.format !== 'optimizer-lab-fake' || !parsed.comparison?.id) throw new Error(`expected an exported comparison, found ${JSON.stringify(parsed.format ?? null)} as its format`);
        const view = { ...parsed.comparison, id: `${parsed.comparison.id}-imported-${++counter}` };
        setCurrent(view);
        set({ ...state, notice: { kind: 'info', text: `Imported "${view.name}".` } });
        return { kind: 'imported' };
      } catch (error) {
        set({ ...state, notice: { kind: 'error', text: `Import rejected, nothing was changed: ${error instanceof Error ? error.message : String(error)}` } });
        return { kind: 'failed' };
      }
    },
    dismissNotice() {
      if (state.notice) set({ ...state, notice: undefined });
    },
  };

  const advance = (ticks = 1) => {
    for (let i = 0; i < ticks; i++) {
      step();
      stepDownloads();
    }
  };
  if (options.autoplay) timer = setInterval(() => advance(1), options.tickMs ?? 60);

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    actions,
    advance,
    dispose() {
      if (timer) clearInterval(timer);
      listeners.clear();
    },
  };
}
