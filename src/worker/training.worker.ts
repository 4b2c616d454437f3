/// <reference lib="webworker" />
/**
 * The dedicated training worker. Loaded by the client with
 *   new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' })
 * All the logic lives in createTrainingHost, which the page can also run itself.
 */
import { sameOriginDatasetBases } from './datasets';
import { createTrainingHost, LAB_CHECKPOINT_SPACING } from './training-host';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const appBase = new URL(import.meta.env.BASE_URL, scope.location.origin).href;

const host = createTrainingHost((message, transfer) => scope.postMessage(message, transfer ?? []), {
  place: 'worker',
  checkpointSpacing: LAB_CHECKPOINT_SPACING,
  datasets: { sameOriginBases: sameOriginDatasetBases(appBase) },
});

scope.addEventListener('message', (event: MessageEvent<unknown>) => {
  void host.receive(event.data);
});
