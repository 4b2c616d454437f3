import type { DatasetName, ExperimentConfigInput } from '../engine/experiment/config';
import { PROTOCOL_VERSION, type ErrorPayload, type FromWorker } from '../protocol/messages';
import { unpackBatchLosses } from '../protocol/packed-losses';
import type { ProbeSample } from '../engine/training/probe-types';
import type { ComparisonCheckpoint } from '../engine/training/types';
import type { ComparisonRepository, StoredComparison } from '../persistence/types';
import {
  appendRecords,
  assignEpochs,
  canBeResumed,
  endedRuns,
  newComparisonView,
  pointsToRuns,
  rewoundToCheckpoint,
  storedFromView,
  viewFromStored,
  withRunResult,
  withStatus,
} from './comparison-view';
import { withGallery, withSavedGalleries } from './galleries';
import { createLibraryActions } from './library-actions';
import { appendProbes } from './probe-series';
import type { ComparisonView, DatasetState, LabActions, LabState } from './types';
import type { TrainingConnection } from './worker-client';

export interface LabStoreDeps {
  readonly repository: ComparisonRepository;
  readonly host: TrainingConnection;
  /** Backend preferences sent with 'init'; default WebGL, then the CPU. */
  readonly backends?: readonly string[];
  readonly now?: () => Date;
  readonly createId?: () => string;
}

export interface LabStore {
  getState(): LabState;
  subscribe(listener: () => void): () => void;
  readonly actions: LabActions;
  /** Start-up done: interrupted comparisons marked, history loaded. */
  readonly ready: Promise<void>;
  /** Resolves once every message received so far is handled (and saved). */
  settled(): Promise<void>;
  /** Called with the final view each time the live comparison ends (finished, stopped or failed), once it is saved. */
  onComparisonEnd(listener: (view: ComparisonView) => void): () => void;
  dispose(): void;
}

/** The running comparison: its view, and batch losses and probe samples shown but not yet saved. */
interface Live {
  readonly id: string;
  view: ComparisonView;
  unsaved: { runId: string; step: number; loss: number }[];
  unsavedProbes: ProbeSample[];
  cancelRequested: boolean;
}

const REAL_DATASETS: readonly DatasetName[] = ['fashion-mnist', 'cifar-10'];
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const defaultId = (): string =>
  globalThis.crypto?.randomUUID?.() ?? `cmp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * The run store React subscribes to (useSyncExternalStore). It turns the training
 * side's messages into immutable LabState, and it keeps the lab's promise that nothing
 * is lost: every finished epoch is written to the repository before the state shows
 * it, run results are saved as they come, and on start-up comparisons that were
 * running when the tab closed are marked interrupted. After every epoch the worker's
 * checkpoint is saved too, so an interrupted, stopped or failed comparison can be
 * resumed from its last finished epoch. Messages are handled strictly in order, one at
 * a time, so a save never overtakes the record before it.
 */
export function createLabStore(deps: LabStoreDeps): LabStore {
  const { repository, host } = deps;
  const now = (): string => (deps.now?.() ?? new Date()).toISOString();
  const nowMs = (): number => (deps.now?.() ?? new Date()).getTime();
  const createId = deps.createId ?? defaultId;
  const absent: DatasetState = { status: 'absent' };
  let state: LabState = {
    datasets: { 'fashion-mnist': absent, 'cifar-10': absent, prod: absent, spiral: absent },
    history: [],
  };
  const listeners = new Set<() => void>();
  const endListeners = new Set<(view: ComparisonView) => void>();
  const datasetRequests = new Map<string, DatasetName>();
  let live: Live | undefined;
  let requestCounter = 0;
  let chain: Promise<void> = Promise.resolve();
  /** Settles once the training side said which backend it uses (or that none starts). */
  let backendSettled!: () => void;
  const backendKnown = new Promise<void>((resolve) => (backendSettled = resolve));

  const setState = (update: (current: LabState) => LabState): void => {
    const next = update(state);
    if (next === state) return;
    state = next;
    listeners.forEach((listener) => listener());
  };
  const notify = (kind: 'error' | 'info', text: string): void => setState((s) => ({ ...s, notice: { kind, text } }));
  const setDataset = (name: DatasetName, dataset: DatasetState): void =>
    setState((s) => ({ ...s, datasets: { ...s.datasets, [name]: dataset } }));
  const enqueue = (task: () => Promise<void> | void): Promise<void> => {
    chain = chain.then(task).catch((error: unknown) => notify('error', messageOf(error)));
    return chain;
  };

  /** A comparison starts (or goes on) on screen: the notice of what came before it is stale. */
  const showLive = (view: ComparisonView): void => setState((s) => ({ ...s, current: view, notice: undefined }));

  /** Shows the live comparison if it is the one on screen. */
  const publish = (current: Live): void =>
    setState((s) => (s.current?.id === current.id && s.current !== current.view ? { ...s, current: current.view } : s));

  const save = async (what: string, write: () => Promise<unknown>): Promise<void> => {
    try {
      await write();
    } catch (error) {
      // The repository's errors say what to do (a full quota: delete old comparisons).
      notify('error', `Could not save ${what}: ${messageOf(error)}`);
    }
  };

  const refreshHistory = async (): Promise<void> => {
    try {
      const history = await repository.list();
      setState((s) => ({ ...s, history }));
    } catch (error) {
      notify('error', `Could not read the saved comparisons: ${messageOf(error)}`);
    }
  };

  const saveUnsaved = async (current: Live): Promise<void> => {
    if (current.unsaved.length === 0 && current.unsavedProbes.length === 0) return;
    const batches = assignEpochs(current.unsaved, current.view.runs);
    const probes = current.unsavedProbes;
    current.unsaved = [];
    current.unsavedProbes = [];
    await save('the batch losses', () => repository.appendRecords(current.id, { epochs: [], batches, probes }));
  };

  const finish = async (current: Live, status: 'completed' | 'cancelled' | 'failed', error?: ErrorPayload): Promise<void> => {
    await saveUnsaved(current);
    await save('the comparison’s status', () => repository.setStatus(current.id, status, error?.message));
    current.view = withStatus(current.view, status, error);
    const clock = current.view.wallClock;
    // Start to end as a person timed it: the final evaluation (after the last progress) included.
    if (clock) current.view = { ...current.view, wallClock: { ...clock, seconds: clock.before + (nowMs() - clock.since) / 1000 } };
    if (status === 'completed' && current.view.resumableFromEpoch !== undefined) {
      // A finished comparison has nothing to resume: its checkpoint is only weight.
      await save('space (the finished comparison’s checkpoint)', () => repository.deleteCheckpoint(current.id));
      const { resumableFromEpoch: _epoch, ...view } = current.view;
      current.view = view;
    }
    publish(current);
    if (live === current) live = undefined;
    await refreshHistory();
    endListeners.forEach((listener) => listener(current.view));
  };

  const liveFor = (comparisonId: string | undefined): Live | undefined =>
    live !== undefined && live.id === comparisonId ? live : undefined;

  const handlers: { [T in FromWorker['type']]: (message: Extract<FromWorker, { type: T }>) => Promise<void> | void } = {
    ready: ({ backend }) => {
      setState((s) => ({ ...s, backend, backendError: undefined }));
      backendSettled();
    },
    'dataset-progress': ({ requestId, progress }) => {
      const name = datasetRequests.get(requestId);
      if (name) setDataset(name, { status: 'loading', progress });
    },
    'dataset-ready': ({ requestId, summary }) => {
      datasetRequests.delete(requestId);
      setDataset(summary.name, { status: 'ready', summary });
    },
    records: async ({ comparisonId, batches, epochs, progress, probes = [] }) => {
      const current = liveFor(comparisonId);
      if (!current) return;
      const points = pointsToRuns(unpackBatchLosses(batches.triples), current.view.runs);
      current.unsaved.push(...points);
      current.unsavedProbes.push(...probes);
      if (epochs.length > 0) {
        // The epoch is saved, with the batch losses and probe samples that led to it, before it is shown.
        const withEpochs = appendRecords(current.view, [], epochs);
        const toSave = assignEpochs(current.unsaved, withEpochs.runs);
        const probesToSave = current.unsavedProbes;
        current.unsaved = [];
        current.unsavedProbes = [];
        await save('the finished epochs', () => repository.appendRecords(current.id, { epochs, batches: toSave, probes: probesToSave }));
      }
      current.view = appendProbes(appendRecords(current.view, points, epochs, progress), probes);
      const clock = current.view.wallClock;
      if (progress && clock) current.view = { ...current.view, wallClock: { ...clock, progressAt: nowMs() } };
      publish(current);
    },
    'run-end': async ({ comparisonId, result }) => {
      const current = liveFor(comparisonId);
      if (!current) return;
      await save(`the result of ${result.label}`, () => repository.saveRunResult(current.id, result));
      current.view = withRunResult(current.view, result);
      publish(current);
    },
    checkpoint: async ({ comparisonId, checkpoint }) => {
      const current = liveFor(comparisonId);
      if (!current) return;
      // The epochs it covers are saved already: the worker sends their records first.
      try {
        await repository.saveCheckpoint(current.id, checkpoint);
      } catch (error) {
        notify('error', `Could not save the checkpoint after epoch ${checkpoint.epochsCompleted} (the records are saved): ${messageOf(error)}`);
        return;
      }
      current.view = { ...current.view, resumableFromEpoch: checkpoint.epochsCompleted };
      publish(current);
    },
    gallery: async ({ comparisonId, gallery }) => {
      const current = liveFor(comparisonId);
      if (!current) return;
      await save(`the images of ${gallery.runId}`, () => repository.saveGallery(current.id, gallery));
      current.view = withGallery(current.view, gallery);
      publish(current);
    },
    // Calibrations are the sweeps' business: their store listens to the connection itself.
    calibration: () => undefined,
    done: async ({ comparisonId }) => {
      const current = liveFor(comparisonId);
      if (current) await finish(current, current.cancelRequested ? 'cancelled' : 'completed');
    },
    error: async ({ requestId, comparisonId, error }) => {
      const dataset = requestId === undefined ? undefined : datasetRequests.get(requestId);
      if (dataset) {
        datasetRequests.delete(requestId!);
        setDataset(dataset, { status: 'error', error });
      }
      const current = comparisonId === undefined ? undefined : liveFor(comparisonId);
      if (current) return finish(current, 'failed', error);
      if (requestId !== undefined || comparisonId !== undefined) return;
      // No ids: the training side itself failed (no backend, a crashed worker).
      setState((s) => ({ ...s, backendError: error }));
      backendSettled();
      if (live) await finish(live, 'failed', error);
    },
  };

  const handle = (message: FromWorker): Promise<void> | void =>
    (handlers[message.type] as (m: FromWorker) => Promise<void> | void)(message);
  const unsubscribe = host.subscribe((message) => void enqueue(() => handle(message)));

  const ready = enqueue(async () => {
    await save('the interrupted comparisons', () => repository.markInterrupted());
    await refreshHistory();
  });
  host.post({ v: PROTOCOL_VERSION, type: 'init', backends: [...(deps.backends ?? ['webgl', 'cpu'])] });

  const sendControl = (type: 'pause' | 'resume' | 'cancel'): Live | undefined => {
    if (!live) return undefined;
    host.post({ v: PROTOCOL_VERSION, type, comparisonId: live.id });
    return live;
  };

  /** Notes that the comparison's real dataset will be loaded by 'start', to show its download. */
  const followDataset = (comparisonId: string, config: ExperimentConfigInput): void => {
    const dataset = config.dataset.name;
    if (REAL_DATASETS.includes(dataset) && state.datasets[dataset].status !== 'ready') {
      datasetRequests.set(`start:${comparisonId}`, dataset);
      setDataset(dataset, { status: 'loading' });
    }
  };

  const resumeComparison = async (id: string): Promise<void> => {
    const since = nowMs();
    await Promise.all([ready, backendKnown]);
    if (live) return notify('error', live.id === id ? 'This comparison is running already.' : 'A comparison is already running: stop it before resuming another.');
    let stored: StoredComparison | undefined;
    let checkpoint: ComparisonCheckpoint | undefined;
    try {
      [stored, checkpoint] = await Promise.all([repository.get(id), repository.getCheckpoint(id)]);
    } catch (error) {
      return notify('error', `Could not resume the comparison (restart it instead): ${messageOf(error)}`);
    }
    if (!stored) return notify('error', 'That comparison is no longer saved in this browser.');
    if (!canBeResumed(stored.status)) {
      return notify('error', `“${stored.name}” cannot be resumed: it is ${stored.status === 'completed' ? 'finished' : stored.status}.`);
    }
    if (!checkpoint) return notify('info', `“${stored.name}” has no checkpoint yet: restart instead (it stopped before its first epoch ended).`);
    if (live) return notify('error', 'A comparison is already running: stop it before resuming another.');
    const epochsCompleted = checkpoint.epochsCompleted;
    try {
      await repository.rewind(id, { epochsCompleted, keepResultsOf: endedRuns(checkpoint) });
      await repository.setStatus(id, 'running');
    } catch (error) {
      notify('error', `Could not resume “${stored.name}”: ${messageOf(error)}`);
      return enqueue(refreshHistory);
    }
    const resumed = { ...viewFromStored(rewoundToCheckpoint(stored, checkpoint)), resumableFromEpoch: epochsCompleted, wallClock: { since, before: checkpoint.elapsedSeconds } };
    const view: ComparisonView = await withSavedGalleries(resumed, repository, notify);
    live = { id, view, unsaved: [], unsavedProbes: [], cancelRequested: false };
    showLive(view);
    const was = stored.backend?.name;
    if (was && state.backend && state.backend.name !== was) {
      notify('info', `“${stored.name}” trained on ${was} so far and goes on on ${state.backend.name}: its curves may bend slightly at epoch ${epochsCompleted}.`);
    }
    followDataset(id, stored.config);
    host.post({ v: PROTOCOL_VERSION, type: 'start', comparisonId: id, config: stored.config, resume: checkpoint });
    void enqueue(refreshHistory);
  };

  const actions: LabActions = {
    loadDataset(name, files) {
      const requestId = `dataset-${++requestCounter}`;
      datasetRequests.set(requestId, name);
      setDataset(name, { status: 'loading' });
      const source = files && files.length > 0 ? { kind: 'files' as const, files: [...files] } : { kind: 'auto' as const };
      host.post({ v: PROTOCOL_VERSION, type: 'load-dataset', requestId, name, source });
    },
    async start(config: ExperimentConfigInput) {
      const since = nowMs();
      // Every comparison records the backend it trains on.
      await Promise.all([ready, backendKnown]);
      if (live) {
        notify('error', 'A comparison is already running: stop it before starting another.');
        return live.id;
      }
      const id = createId();
      const startedAt = now();
      const view: ComparisonView = { ...newComparisonView({ id, config, startedAt, backend: state.backend }), wallClock: { since, before: 0 } };
      try {
        await repository.create(storedFromView(view, startedAt));
      } catch (error) {
        notify('error', `Could not save the new comparison, so it was not started: ${messageOf(error)}`);
        return '';
      }
      live = { id, view, unsaved: [], unsavedProbes: [], cancelRequested: false };
      showLive(view);
      followDataset(id, config);
      host.post({ v: PROTOCOL_VERSION, type: 'start', comparisonId: id, config });
      void enqueue(refreshHistory);
      return id;
    },
    pause() {
      const current = sendControl('pause');
      if (!current || current.view.status !== 'running') return;
      current.view = withStatus(current.view, 'paused');
      publish(current);
      void save('the pause', () => repository.setStatus(current.id, 'paused'));
    },
    resume() {
      const current = sendControl('resume');
      if (!current || current.view.status !== 'paused') return;
      current.view = withStatus(current.view, 'running');
      publish(current);
      void save('the resume', () => repository.setStatus(current.id, 'running'));
    },
    stopRun(runId) {
      if (live) host.post({ v: PROTOCOL_VERSION, type: 'stop-run', comparisonId: live.id, runId });
    },
    cancel() {
      const current = sendControl('cancel');
      if (current) current.cancelRequested = true;
    },
    resumeComparison,
    async restartComparison(id) {
      let config = live?.id === id ? live.view.config : undefined;
      try {
        config ??= (await repository.get(id))?.config;
      } catch (error) {
        return notify('error', `Could not restart the comparison: ${messageOf(error)}`);
      }
      if (!config) return notify('error', 'That comparison is no longer saved in this browser.');
      await actions.start(config);
    },
    ...createLibraryActions({ repository, setState, notify, refreshHistory, liveView: () => live?.view }),
    dismissNotice() {
      setState((s) => (s.notice ? { ...s, notice: undefined } : s));
    },
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    actions,
    ready,
    settled: () => chain,
    onComparisonEnd(listener) {
      endListeners.add(listener);
      return () => endListeners.delete(listener);
    },
    dispose() {
      unsubscribe();
      host.dispose();
      listeners.clear();
    },
  };
}
