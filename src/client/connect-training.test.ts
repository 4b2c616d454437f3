import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type BackendReport, type FromWorker, type ToWorker } from '../protocol/messages';
import { FakeConnection } from '../../tests/helpers/fake-connection';
import { connectTraining } from './connect-training';

const v = PROTOCOL_VERSION;
const init: ToWorker = { v, type: 'init', backends: ['webgl', 'cpu'] };
const start: ToWorker = { v, type: 'start', comparisonId: 'c1', config: { name: 'x' } as never };

const report = (name: string, inWorker: boolean, reason: string): BackendReport => ({ name, float32: true, reason, inWorker });

/** A side that answers 'init' with `answer` (built from the preferences it was sent). */
function side(answer: (backends: readonly string[]) => FromWorker): FakeConnection {
  const connection = new FakeConnection();
  connection.onPost = (message) => {
    if (message.type === 'init') queueMicrotask(() => connection.emit(answer(message.backends)));
  };
  return connection;
}

function collect(connection: ReturnType<typeof connectTraining>) {
  const received: FromWorker[] = [];
  connection.subscribe((message) => received.push(message));
  const ready = async () => {
    for (let i = 0; i < 100 && !received.some((m) => m.type === 'ready' || m.type === 'error'); i++) await new Promise((r) => setTimeout(r, 1));
    return received.find((m) => m.type === 'ready' || m.type === 'error');
  };
  return { received, ready };
}

describe('connectTraining', () => {
  it('keeps the worker when WebGL works there, and delivers queued messages to it', async () => {
    const worker = side(() => ({ v, type: 'ready', backend: report('webgl', true, 'WebGL 2 in the worker') }));
    let pageStarted = false;
    const connection = connectTraining({ startWorker: () => worker, startInPage: async () => ((pageStarted = true), new FakeConnection()) });
    const { ready } = collect(connection);
    connection.post(init);
    connection.post(start);
    expect(await ready()).toMatchObject({ type: 'ready', backend: { name: 'webgl', inWorker: true } });
    expect(worker.posted).toEqual([init, start]);
    expect(pageStarted).toBe(false);
  });

  it('moves to WebGL on the main thread when the worker has none (Safari), saying why', async () => {
    const worker = side(() => ({
      v,
      type: 'ready',
      backend: report('cpu', true, 'cpu backend in the worker, because WebGL unavailable in the worker: no OffscreenCanvas'),
    }));
    const page = side((backends) => ({ v, type: 'ready', backend: report(backends[0]!, true, 'WebGL 2 on the main thread') }));
    const connection = connectTraining({ startWorker: () => worker, startInPage: async () => page });
    const { ready } = collect(connection);
    connection.post(init);
    connection.post(start);
    const answer = await ready();
    expect(answer).toMatchObject({ type: 'ready', backend: { name: 'webgl', inWorker: false } });
    expect(answer?.type === 'ready' && answer.backend.reason).toBe(
      'WebGL 2 on the main thread; the worker could not use WebGL (WebGL unavailable in the worker: no OffscreenCanvas)',
    );
    expect(page.posted).toEqual([{ ...init, backends: ['webgl'] }, start]);
    expect(worker.disposed).toBe(true);
  });

  it('stays on the CPU in the worker when the main thread has no WebGL either', async () => {
    const worker = side(() => ({ v, type: 'ready', backend: report('cpu', true, 'cpu backend in the worker, because WebGL unavailable') }));
    const page = side(() => ({ v, type: 'error', error: { code: 'no-backend', message: 'no WebGL context on a canvas' } }));
    const connection = connectTraining({ startWorker: () => worker, startInPage: async () => page });
    const { ready } = collect(connection);
    connection.post(init);
    const answer = await ready();
    expect(answer).toMatchObject({ type: 'ready', backend: { name: 'cpu', inWorker: true } });
    expect(answer?.type === 'ready' && answer.backend.reason).toMatch(/WebGL failed on the main thread too \(no WebGL context on a canvas\), so training stays in the worker/);
    expect(page.disposed).toBe(true);
    expect(worker.disposed).toBe(false);
  });

  it('trains on the main thread when the worker cannot start', async () => {
    const page = side((backends) => ({ v, type: 'ready', backend: report(backends[0]!, true, 'WebGL 2 on the main thread') }));
    const connection = connectTraining({
      startWorker: () => {
        throw new Error('module workers are not supported');
      },
      startInPage: async () => page,
    });
    const { ready } = collect(connection);
    connection.post(init);
    const answer = await ready();
    expect(answer?.type === 'ready' && answer.backend.reason).toBe(
      'WebGL 2 on the main thread, because the training worker could not start (module workers are not supported)',
    );
  });

  it('reports when no backend starts anywhere, and refuses starts instead of hanging', async () => {
    const failing = () => side(() => ({ v, type: 'error', error: { code: 'no-backend', message: 'nothing works' } }));
    const connection = connectTraining({ startWorker: failing, startInPage: async () => failing() });
    const { received, ready } = collect(connection);
    connection.post(init);
    connection.post(start);
    expect(await ready()).toMatchObject({ type: 'error', error: { code: 'no-backend' } });
    expect(received.find((m) => m.type === 'error' && m.comparisonId === 'c1')).toBeDefined();
  });
});
