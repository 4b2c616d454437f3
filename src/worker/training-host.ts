import type { RealDatasetName } from '../engine/data/load-dataset';
import type { CheckpointSpacing } from '../engine/training/comparison';
import type { Dataset, DownloadProgress, TrainTestSplit } from '../engine/data/types';
import { parseExperiment, type DatasetName, type ExperimentPlan } from '../engine/experiment/config';
import { measureStepRate } from '../engine/sweeps/measure-rate';
import { isSyntheticDataset, makeSyntheticSplit, syntheticDefaults } from '../engine/experiment/prepare-data';
import { PROTOCOL_VERSION, type BackendReport, type DatasetSource, type DatasetSummary, type ErrorPayload, type ToWorker } from '../protocol/messages';
import { selectTrainingBackend, type TrainingPlace } from './backend-select';
import { ComparisonSession } from './comparison-session';
import { loadBrowserDataset, type BrowserDatasetOptions, type LoadedDataset } from './datasets';
import { toErrorPayload } from './error-payload';
import { parseToWorker } from './parse-message';
import type { PostToClient } from './record-throttle';

export { LAB_CHECKPOINT_SPACING } from './comparison-session';

export type { PostToClient } from './record-throttle';

export interface TrainingHostOptions {
  /** 'worker' (default) inside the dedicated worker; 'main-thread' for the in-page fallback. */
  readonly place?: TrainingPlace;
  /** Where datasets come from; same-origin bases, fetch and caches are injectable for tests. */
  readonly datasets?: Partial<BrowserDatasetOptions>;
  /** Milliseconds between 'records' (and 'dataset-progress') messages; default 100. */
  readonly throttleMs?: number;
  /** Backends tried when 'start' arrives before any 'init'. */
  readonly defaultBackends?: readonly string[];
  /** How often epoch ends are checkpointed: the lab passes LAB_CHECKPOINT_SPACING; every epoch when absent. */
  readonly checkpointSpacing?: CheckpointSpacing;
}

export interface TrainingHost {
  /** Handles one message from the page; resolves when it is fully handled ('start': after 'done'). Never rejects. */
  receive(data: unknown): Promise<void>;
  /** Cancels a running comparison. */
  dispose(): void;
}

type Message<T extends ToWorker['type']> = Extract<ToWorker, { type: T }>;

function summarize(name: DatasetName, split: TrainTestSplit, origin: string): DatasetSummary {
  const train: Dataset = split.train;
  return {
    name,
    trainCount: train.count,
    testCount: split.test.count,
    inputShape: [...train.inputShape],
    classNames: [...train.classNames],
    origin,
  };
}

/**
 * The training side of the lab as one message handler: the same code runs inside the
 * dedicated worker (training.worker.ts) and, when WebGL is unavailable there, on the
 * page itself. It owns the backend, the loaded datasets and at most one running
 * comparison; everything it says goes through `post` as protocol messages.
 */
export function createTrainingHost(post: PostToClient, options: TrainingHostOptions = {}): TrainingHost {
  const place = options.place ?? 'worker';
  const throttleMs = options.throttleMs ?? 100;
  let backend: Promise<BackendReport> | undefined;
  const loaded = new Map<RealDatasetName, LoadedDataset>();
  const loading = new Map<RealDatasetName, Promise<LoadedDataset>>();
  let busyWith: string | undefined;
  let session: ComparisonSession | undefined;

  const postError = (error: ErrorPayload, ids: { requestId?: string; comparisonId?: string } = {}): void =>
    post({
      v: PROTOCOL_VERSION,
      type: 'error',
      ...(ids.requestId ? { requestId: ids.requestId } : {}),
      ...(ids.comparisonId ? { comparisonId: ids.comparisonId } : {}),
      error,
    });

  const ensureBackend = (preferences: readonly string[]): Promise<BackendReport> => {
    backend ??= selectTrainingBackend(preferences, place).catch((error: unknown) => {
      backend = undefined;
      throw error;
    });
    return backend;
  };

  const progressPoster = (requestId: string) => {
    let last = Number.NEGATIVE_INFINITY;
    return (progress: DownloadProgress): void => {
      const now = performance.now();
      const finished = progress.totalBytes !== undefined && progress.loadedBytes >= progress.totalBytes;
      if (!finished && now - last < throttleMs) return;
      last = now;
      post({ v: PROTOCOL_VERSION, type: 'dataset-progress', requestId, progress });
    };
  };

  const realDataset = async (name: RealDatasetName, source: DatasetSource, requestId: string): Promise<LoadedDataset> => {
    const auto = source.kind === 'auto';
    let pending = auto ? (loaded.get(name) ? Promise.resolve(loaded.get(name)!) : loading.get(name)) : undefined;
    if (!pending) {
      pending = loadBrowserDataset(name, source, {
        sameOriginBases: [],
        fetch: globalThis.fetch?.bind(globalThis),
        caches: typeof caches === 'undefined' ? undefined : caches,
        isOnline: () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false),
        ...options.datasets,
        onProgress: progressPoster(requestId),
      });
      if (auto) loading.set(name, pending);
    }
    try {
      const dataset = await pending;
      loaded.set(name, dataset);
      post({ v: PROTOCOL_VERSION, type: 'dataset-ready', requestId, summary: summarize(name, dataset.split, dataset.origin) });
      return dataset;
    } finally {
      if (auto) loading.delete(name);
    }
  };

  /** The plan's data: generated from its seed, or the real set (loaded once, then kept). */
  const splitFor = async (plan: ExperimentPlan, requestId: string): Promise<TrainTestSplit> => {
    const name = plan.dataset.name;
    return isSyntheticDataset(name)
      ? makeSyntheticSplit(name, plan.dataset.count ?? syntheticDefaults[name], plan.spec.seed)
      : (await realDataset(name, { kind: 'auto' }, requestId)).split;
  };

  const handlers: { [T in ToWorker['type']]: (message: Message<T>) => Promise<void> | void } = {
    init: async (message) => {
      try {
        post({ v: PROTOCOL_VERSION, type: 'ready', backend: await ensureBackend(message.backends) });
      } catch (error) {
        postError(toErrorPayload(error, 'no-backend'));
      }
    },
    'load-dataset': async ({ requestId, name, source }) => {
      try {
        if (isSyntheticDataset(name)) {
          const split = makeSyntheticSplit(name, syntheticDefaults[name], 1);
          post({ v: PROTOCOL_VERSION, type: 'dataset-ready', requestId, summary: summarize(name, split, 'generated') });
          return;
        }
        await realDataset(name, source, requestId);
      } catch (error) {
        postError(toErrorPayload(error, 'dataset-failed'), { requestId });
      }
    },
    start: async ({ comparisonId, config, resume }) => {
      if (busyWith !== undefined) {
        const expected = 'no comparison running (one at a time)';
        postError({ code: 'busy', message: `Comparison ${busyWith} is still running: stop it first.`, expected, found: `${busyWith} running` }, { comparisonId });
        return;
      }
      busyWith = comparisonId;
      const requestId = `start:${comparisonId}`;
      try {
        const plan = parseExperiment(config);
        // Pause and cancel apply from now on, also while the backend starts and the data loads.
        session = new ComparisonSession({ comparisonId, plan, post, throttleMs, resumeFrom: resume, checkpointSpacing: options.checkpointSpacing });
        await ensureBackend(options.defaultBackends ?? ['webgl', 'cpu']);
        await session.run(await splitFor(plan, requestId));
      } catch (error) {
        postError(toErrorPayload(error, 'training-failed'), { comparisonId, requestId });
      } finally {
        session = undefined;
        busyWith = undefined;
      }
    },
    calibrate: async ({ requestId, config }) => {
      if (busyWith !== undefined) {
        postError({ code: 'busy', message: `Comparison ${busyWith} is running: calibrate when it is over.`, expected: 'nothing running', found: `${busyWith} running` }, { requestId });
        return;
      }
      busyWith = `calibration ${requestId}`;
      try {
        const plan = parseExperiment(config);
        const report = await ensureBackend(options.defaultBackends ?? ['webgl', 'cpu']);
        const rate = await measureStepRate(config, await splitFor(plan, requestId));
        post({ v: PROTOCOL_VERSION, type: 'calibration', requestId, ...rate, backend: report.name });
      } catch (error) {
        postError(toErrorPayload(error, 'calibration-failed'), { requestId });
      } finally {
        busyWith = undefined;
      }
    },
    pause: ({ comparisonId }) => (session?.comparisonId === comparisonId ? session.pause() : undefined),
    resume: ({ comparisonId }) => (session?.comparisonId === comparisonId ? session.resume() : undefined),
    'stop-run': ({ comparisonId, runId }) => (session?.comparisonId === comparisonId ? session.stopRun(runId) : undefined),
    cancel: ({ comparisonId }) => (session?.comparisonId === comparisonId ? session.cancel() : undefined),
  };

  return {
    async receive(data) {
      const parsed = parseToWorker(data);
      if (!parsed.ok) {
        postError(parsed.error, { requestId: parsed.requestId, comparisonId: parsed.comparisonId });
        return;
      }
      const handle = handlers[parsed.message.type] as (message: ToWorker) => Promise<void> | void;
      try {
        await handle(parsed.message);
      } catch (error) {
        postError(toErrorPayload(error));
      }
    },
    dispose() {
      session?.cancel();
    },
  };
}
