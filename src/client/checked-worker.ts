/**
 * A Worker behind a typed, checked connection, whatever protocol it speaks (training or
 * race): every arriving message has its envelope checked (the protocol version first,
 * then a known type), and a crash (an uncaught error, a script that failed to load, a
 * message that could not be cloned) arrives as an error message, never as an exception.
 */

/** The parts of a Worker the client uses, so tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: Event) => void): void;
  removeEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface CheckedConnection<To, From> {
  post(message: To): void;
  subscribe(listener: (message: From) => void): () => void;
  dispose(): void;
}

export interface ErrorLike {
  readonly code: string;
  readonly message: string;
  readonly expected?: string;
  readonly found?: string;
}

export interface Envelope<From> {
  readonly version: number;
  readonly types: readonly string[];
  /** How the page names the worker in messages, e.g. `training worker`. */
  readonly who: string;
  /** Wraps a problem as the protocol's error message. */
  readonly error: (error: ErrorLike) => From;
}

/** Checks the envelope of a worker message: the version first, then a known type. */
export function checkEnvelope<From>(data: unknown, envelope: Envelope<From>): From {
  const { version, types, who, error } = envelope;
  if (data === null || typeof data !== 'object') {
    return error({ code: 'bad-message', message: `The ${who} sent something that is not a message.`, expected: 'a message object', found: typeof data });
  }
  const record = data as { v?: unknown; type?: unknown };
  if (record.v !== version) {
    const found = record.v === undefined ? 'no version' : `version ${String(record.v)}`;
    return error({
      code: 'protocol-version',
      message: `The ${who} comes from another version of the lab (expected protocol version ${version}, found ${found}). Reload the page.`,
      expected: `protocol version ${version}`,
      found,
    });
  }
  if (!types.includes(record.type as string)) {
    return error({ code: 'bad-message', message: `The ${who} sent an unknown message type ${String(record.type)}.`, expected: `one of ${types.join(', ')}`, found: String(record.type) });
  }
  return data as From;
}

export function connectCheckedWorker<To, From>(worker: WorkerLike, envelope: Envelope<From>): CheckedConnection<To, From> {
  const listeners = new Set<(message: From) => void>();
  const emit = (message: From): void => listeners.forEach((listener) => listener(message));
  const onMessage = (event: Event): void => emit(checkEnvelope((event as MessageEvent).data, envelope));
  const onError = (event: Event): void => {
    const detail = (event as ErrorEvent).message;
    event.preventDefault?.();
    emit(
      envelope.error({
        code: 'worker-crashed',
        message: `The ${envelope.who} stopped${detail ? `: ${detail}` : ' (it may have failed to load)'}.`,
        expected: `a running ${envelope.who}`,
        found: detail || 'an error event',
      }),
    );
  };
  const onMessageError = (): void =>
    emit(envelope.error({ code: 'bad-message', message: `A message from the ${envelope.who} could not be read.`, expected: 'a cloneable message', found: 'a messageerror event' }));
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
