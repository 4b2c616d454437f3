/// <reference lib="webworker" />
/**
 * The dedicated race worker: tfjs's cpu backend, set once (a race step is a few dozen
 * scalar kernels; the GPU would only add latency), then createRaceHost. Loaded by the
 * client with new Worker(new URL('../worker/race.worker.ts', import.meta.url)).
 */
import * as tf from '@tensorflow/tfjs';
import { RACE_PROTOCOL_VERSION } from '../protocol/race-messages';
import { toErrorPayload } from './error-payload';
import { createRaceHost } from './race-host';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = createRaceHost((message, transfer) => scope.postMessage(message, transfer ?? []));

const ready = (async () => {
  if (!(await tf.setBackend('cpu'))) throw new Error('the cpu backend of tfjs did not start');
  await tf.ready();
  scope.postMessage({ v: RACE_PROTOCOL_VERSION, type: 'ready', backend: tf.getBackend() });
})();
ready.catch((error: unknown) => scope.postMessage({ v: RACE_PROTOCOL_VERSION, type: 'error', error: toErrorPayload(error, 'no-backend') }));

// Messages wait for the backend, in the order they came.
scope.addEventListener('message', (event: MessageEvent<unknown>) => {
  void ready.then(() => host.receive(event.data));
});
