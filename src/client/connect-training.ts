import { PROTOCOL_VERSION, type BackendReport, type ErrorPayload, type FromWorker, type ToWorker } from '../protocol/messages';
import { startInPageConnection } from './in-page-connection';
import { connectWorker, startTrainingWorker, type TrainingConnection } from './worker-client';

type InitMessage = Extract<ToWorker, { type: 'init' }>;
type Answer = { readonly backend: BackendReport } | { readonly error: ErrorPayload };

export interface ConnectTrainingOptions {
  readonly startWorker?: () => TrainingConnection;
  readonly startInPage?: () => Promise<TrainingConnection>;
}

const DEFAULT_INIT: InitMessage = { v: PROTOCOL_VERSION, type: 'init', backends: ['webgl', 'cpu'] };
const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
/** The worker's own reason, without its "cpu backend in the worker, because" preamble. */
const whyNot = (reason: string): string => reason.replace(/^.*?, because /, '');

/** Sends 'init' and waits for the first 'ready' or backend-level 'error'. */
function handshake(connection: TrainingConnection, init: InitMessage): Promise<Answer> {
  return new Promise((resolve) => {
    const unsubscribe = connection.subscribe((message) => {
      if (message.type === 'ready') {
        unsubscribe();
        resolve({ backend: message.backend });
      } else if (message.type === 'error' && !message.requestId && !message.comparisonId) {
        unsubscribe();
        resolve({ error: message.error });
      }
    });
    connection.post(init);
  });
}

async function tryInPage(start: () => Promise<TrainingConnection>, init: InitMessage): Promise<{ connection?: TrainingConnection; answer: Answer }> {
  try {
    const connection = await start();
    return { connection, answer: await handshake(connection, init) };
  } catch (error) {
    return { answer: { error: { code: 'no-backend', message: describe(error) } } };
  }
}

/**
 * The training side with the lab's fallback rules, as one connection:
 * 1. the dedicated worker, which tries WebGL (OffscreenCanvas) and then the CPU;
 * 2. if WebGL failed there (Safari), WebGL on the main thread, with the same host code;
 * 3. if that fails too, the CPU in the worker (the page stays responsive);
 * 4. if the worker cannot start at all, the main thread with every backend.
 * The store sees one 'ready' whose reason says which and why. Messages posted before
 * then are queued and delivered to whichever side won.
 */
export function connectTraining(options: ConnectTrainingOptions = {}): TrainingConnection {
  const startWorker = options.startWorker ?? (() => connectWorker(startTrainingWorker()));
  const startInPage = options.startInPage ?? startInPageConnection;
  const listeners = new Set<(message: FromWorker) => void>();
  const emit = (message: FromWorker): void => listeners.forEach((listener) => listener(message));
  const live = new Set<TrainingConnection>();
  let settled: TrainingConnection | undefined;
  let negotiating = false;
  let disposed = false;
  let queue: ToWorker[] = [];
  let failure: ErrorPayload | undefined;

  const settle = (connection: TrainingConnection | undefined, answer: Answer): void => {
    if (disposed) return;
    settled = connection;
    if (!connection && 'error' in answer) failure = answer.error;
    connection?.subscribe(emit);
    emit('backend' in answer ? { v: PROTOCOL_VERSION, type: 'ready', backend: answer.backend } : { v: PROTOCOL_VERSION, type: 'error', error: answer.error });
    const pending = queue;
    queue = [];
    pending.forEach((message) => (connection ? connection.post(message) : refuse(message)));
  };

  /** With no backend at all, requests are answered at once instead of waiting forever. */
  const refuse = (message: ToWorker): void => {
    if (!failure) return;
    if ('comparisonId' in message && message.type === 'start') emit({ v: PROTOCOL_VERSION, type: 'error', comparisonId: message.comparisonId, error: failure });
    if ('requestId' in message) emit({ v: PROTOCOL_VERSION, type: 'error', requestId: message.requestId, error: failure });
  };

  const track = (connection: TrainingConnection | undefined): TrainingConnection | undefined => {
    if (connection) live.add(connection);
    return connection;
  };
  const drop = (connection: TrainingConnection | undefined): void => {
    if (!connection) return;
    live.delete(connection);
    connection.dispose();
  };

  const negotiate = async (init: InitMessage): Promise<void> => {
    let workerProblem: string;
    let worker: TrainingConnection | undefined;
    try {
      worker = track(startWorker());
    } catch (error) {
      workerProblem = `the training worker could not start (${describe(error)})`;
    }
    if (worker) {
      const answer = await handshake(worker, init);
      if ('backend' in answer) {
        if (answer.backend.name === 'webgl' || !init.backends.includes('webgl')) return settle(worker, answer);
        const page = await tryInPage(startInPage, { ...init, backends: ['webgl'] });
        track(page.connection);
        if ('backend' in page.answer) {
          drop(worker);
          const reason = `${page.answer.backend.reason}; the worker could not use WebGL (${whyNot(answer.backend.reason)})`;
          return settle(page.connection, { backend: { ...page.answer.backend, reason, inWorker: false } });
        }
        drop(page.connection);
        const reason = `${answer.backend.reason}; WebGL failed on the main thread too (${page.answer.error.message}), so training stays in the worker`;
        return settle(worker, { backend: { ...answer.backend, reason } });
      }
      drop(worker);
      workerProblem = `the training worker failed (${answer.error.message})`;
    }
    const page = await tryInPage(startInPage, init);
    track(page.connection);
    if ('backend' in page.answer) {
      const reason = `${page.answer.backend.reason}, because ${workerProblem!}`;
      return settle(page.connection, { backend: { ...page.answer.backend, reason, inWorker: false } });
    }
    drop(page.connection);
    settle(undefined, { error: { ...page.answer.error, message: `No training backend: ${workerProblem!}, and on the main thread: ${page.answer.error.message}` } });
  };

  return {
    post(message) {
      if (disposed) return;
      if (settled) return settled.post(message);
      if (failure) return refuse(message);
      if (!negotiating) {
        negotiating = true;
        const init = message.type === 'init' ? message : DEFAULT_INIT;
        if (message.type !== 'init') queue.push(message);
        void negotiate(init);
        return;
      }
      if (message.type !== 'init') queue.push(message);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      live.forEach((connection) => connection.dispose());
      live.clear();
      listeners.clear();
    },
  };
}
