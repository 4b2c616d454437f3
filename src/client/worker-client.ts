import { PROTOCOL_VERSION, type ErrorPayload, type FromWorker, type FromWorkerType, type ToWorker } from '../protocol/messages';
import { checkEnvelope, connectCheckedWorker, type CheckedConnection, type Envelope, type WorkerLike } from './checked-worker';

export type { WorkerLike } from './checked-worker';

/**
 * What the store talks to: the training side, wherever it runs (the dedicated worker,
 * or the page itself as a fallback). Typed both ways; failures arrive as 'error'
 * messages, never as exceptions.
 */
export type TrainingConnection = CheckedConnection<ToWorker, FromWorker>;

/** Starts the dedicated training worker (a module worker, bundled by Vite). */
export function startTrainingWorker(): Worker {
  return new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module', name: 'optimizer-lab-training' });
}

const FROM_WORKER_TYPES: readonly FromWorkerType[] = ['ready', 'dataset-progress', 'dataset-ready', 'records', 'run-end', 'checkpoint', 'gallery', 'done', 'calibration', 'error'];

const TRAINING_ENVELOPE: Envelope<FromWorker> = {
  version: PROTOCOL_VERSION,
  types: FROM_WORKER_TYPES,
  who: 'training worker',
  error: (error: ErrorPayload): FromWorker => ({ v: PROTOCOL_VERSION, type: 'error', error }),
};

/** Checks the envelope of a worker message: the version first, then a known type. */
export function checkFromWorker(data: unknown): FromWorker {
  return checkEnvelope(data, TRAINING_ENVELOPE);
}

/**
 * Wraps a Worker: messages are checked on arrival, and a crash (an uncaught error,
 * a script that failed to load, a message that could not be cloned) becomes an
 * 'error' message with code 'worker-crashed' so the store can fail the running
 * comparison instead of waiting forever.
 */
export function connectWorker(worker: WorkerLike): TrainingConnection {
  return connectCheckedWorker(worker, TRAINING_ENVELOPE);
}
