import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type FromWorker } from '../protocol/messages';
import { checkFromWorker, connectWorker, type WorkerLike } from './worker-client';

class FakeWorker extends EventTarget implements WorkerLike {
  readonly sent: unknown[] = [];
  terminated = false;
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
}

function connect() {
  const worker = new FakeWorker();
  const connection = connectWorker(worker);
  const received: FromWorker[] = [];
  connection.subscribe((message) => received.push(message));
  return { worker, connection, received };
}

describe('connectWorker', () => {
  it('posts typed messages and passes checked ones back', () => {
    const { worker, connection, received } = connect();
    connection.post({ v: PROTOCOL_VERSION, type: 'cancel', comparisonId: 'c1' });
    expect(worker.sent).toEqual([{ v: PROTOCOL_VERSION, type: 'cancel', comparisonId: 'c1' }]);
    const done = { v: PROTOCOL_VERSION, type: 'done', comparisonId: 'c1', elapsedSeconds: 2 };
    worker.dispatchEvent(new MessageEvent('message', { data: done }));
    expect(received).toEqual([done]);
  });

  it('turns a message from another protocol version into a clear error', () => {
    const { worker, received } = connect();
    worker.dispatchEvent(new MessageEvent('message', { data: { v: 0, type: 'done' } }));
    expect(received[0]).toMatchObject({ type: 'error', error: { code: 'protocol-version', expected: `protocol version ${PROTOCOL_VERSION}`, found: 'version 0' } });
  });

  it('reports a crashed worker as an error message', () => {
    const { worker, received } = connect();
    const event = new Event('error', { cancelable: true });
    Object.assign(event, { message: 'Uncaught RangeError: out of memory' });
    worker.dispatchEvent(event);
    expect(received[0]).toMatchObject({ type: 'error', error: { code: 'worker-crashed', message: 'The training worker stopped: Uncaught RangeError: out of memory.' } });
  });

  it('terminates the worker and stops listening on dispose', () => {
    const { worker, connection, received } = connect();
    connection.dispose();
    worker.dispatchEvent(new MessageEvent('message', { data: { v: PROTOCOL_VERSION, type: 'done', comparisonId: 'x', elapsedSeconds: 0 } }));
    expect(worker.terminated).toBe(true);
    expect(received).toEqual([]);
  });
});

describe('checkFromWorker', () => {
  it('passes a checkpoint through as it came', () => {
    const checkpoint = { v: PROTOCOL_VERSION, type: 'checkpoint', comparisonId: 'c1', checkpoint: { version: 1, epochsCompleted: 1, elapsedSeconds: 1, runs: [] } };
    expect(checkFromWorker(checkpoint)).toBe(checkpoint);
  });

  it('rejects unknown types', () => {
    expect(checkFromWorker({ v: PROTOCOL_VERSION, type: 'hello' })).toMatchObject({ type: 'error', error: { code: 'bad-message', found: 'hello' } });
  });
});
