import { PROTOCOL_VERSION, type ErrorPayload, type FromWorker, type FromWorkerType, type ToWorker } from '../protocol/messages';

/**
 * What the store talks to: the training side, wherever it runs (the dedicated worker,
 * or the page itself as a fallback). Typed both ways; failures arrive as 'error'
 * messages, never as exceptions.
 */
export interface TrainingConnection {
  post(message: ToWorker): void;
  subscribe(listener: (message: FromWorker) => void): () => void;
  dispose(): void;
}

/** The parts of a Worker the client uses, so tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: Event) => void): void;
  removeEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

/** Starts the dedicated training worker (a module worker, bundled by Vite). */
export function startTrainingWorker(): Worker {
  return new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module', name: 'optimizer-lab-training' });
}

const FROM_WORKER_TYPES: readonly FromWorkerType[] = ['ready', 'dataset-progress', 'dataset-ready', 'records', 'run-end', 'checkpoint', 'done', 'calibration', 'error'];

const errorMessage = (error: ErrorPayload): FromWorker => ({ v: PROTOCOL_VERSION, type: 'error', error });

/** Checks the envelope of a worker message: the version first, then a known type. */
export function checkFromWorker(data: unknown): FromWorker {
  if (data === null || typeof data !== 'object') {
    return errorMessage({ code: 'bad-message', message: 'The training worker sent something that is not a message.', expected: 'a message object', found: typeof data });
  }
  const record = data as { v?: unknown; type?: unknown };
  if (record.v !== PROTOCOL_VERSION) {
    const found = record.v === undefined ? 'no version' : `version ${String(record.v)}`;
    return errorMessage({
      code: 'protocol-version',
      message: `The training worker comes from another version of the lab (expected protocol version ${PROTOCOL_VERSION}, found ${found}). Reload the page.`,
      expected: `protocol version ${PROTOCOL_VERSION}`,
      found,
    });
  }
  if (!FROM_WORKER_TYPES.includes(record.type as FromWorkerType)) {
    return errorMessage({ code: 'bad-message', message: `The training worker sent an unknown message type ${String(record.type)}.`, expected: `one of ${FROM_WORKER_TYPES.join(', ')}`, found: String(record.type) });
  }
  return data as FromWorker;
}

/**
 * Wraps a Worker: messages are checked on arrival, and a crash (an uncaught error,
 * a script that failed to load, a message that could not be cloned) becomes an
 * 'error' message with code 'worker-crashed' so the store can fail the running
 * comparison instead of waiting forever.
 */
export function connectWorker(worker: WorkerLike): TrainingConnection {
  const listeners = new Set<(message: FromWorker) => void>();
  const emit = (message: FromWorker): void => listeners.forEach((listener) => listener(message));
  const onMessage = (event: Event): void => emit(checkFromWorker((event as MessageEvent).data));
  const onError = (event: Event): void => {
    const detail = (event as ErrorEvent).message;
    event.preventDefault?.();
    emit(
      errorMessage({
        code: 'worker-crashed',
        message: `The training worker stopped${detail ? `: ${detail}` : ' (it may have failed to load)'}.`,
        expected: 'a running training worker',
        found: detail || 'an error event',
      }),
    );
  };
  const onMessageError = (): void =>
    emit(errorMessage({ code: 'bad-message', message: 'A message from the training worker could not be read.', expected: 'a cloneable message', found: 'a messageerror event' }));
  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', onError);
  worker.addEventListener('messageerror', onMessageError);
  return {
    post: (message) => worker.postMessage(message),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      worker.removeEventListener('messageerror', onMessageError);
      listeners.clear();
      worker.terminate();
    },
  };
}
