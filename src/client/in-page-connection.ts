import type { FromWorker } from '../protocol/messages';
import type { PostToClient, TrainingHost } from '../worker/training-host';
import type { TrainingConnection } from './worker-client';

/**
 * A training host running in this thread, as a connection. Messages are delivered a
 * microtask later, as they would arrive from a worker, so the store never re-enters
 * itself from inside a post.
 */
export function hostConnection(createHost: (post: PostToClient) => TrainingHost): TrainingConnection {
  const listeners = new Set<(message: FromWorker) => void>();
  const host = createHost((message) => queueMicrotask(() => listeners.forEach((listener) => listener(message))));
  return {
    post: (message) => void host.receive(message),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      host.dispose();
      listeners.clear();
    },
  };
}

/**
 * The fallback: the same training host the worker runs, loaded into the page (a
 * separate chunk, so tfjs stays out of the main bundle until it is needed).
 */
export async function startInPageConnection(): Promise<TrainingConnection> {
  const [{ createTrainingHost, LAB_CHECKPOINT_SPACING }, { sameOriginDatasetBases }] = await Promise.all([
    import('../worker/training-host'),
    import('../worker/datasets'),
  ]);
  const appBase = new URL(import.meta.env.BASE_URL, globalThis.location.href).href;
  return hostConnection((post) =>
    createTrainingHost(post, { place: 'main-thread', checkpointSpacing: LAB_CHECKPOINT_SPACING, datasets: { sameOriginBases: sameOriginDatasetBases(appBase) } }),
  );
}
