/**
 * The bench page's script: one bare-loop worker for the page, driven from Node through
 * `window.runBareLoop(request)` (page.evaluate), one request at a time.
 */
import type { BareWorkerAnswer, BareWorkerRequest } from './bare-loop.worker';

declare global {
  interface Window {
    runBareLoop(request: BareWorkerRequest): Promise<BareWorkerAnswer>;
  }
}

const worker = new Worker(new URL('./bare-loop.worker.ts', import.meta.url), { type: 'module', name: 'bare-tfjs-loop' });
let queue: Promise<unknown> = Promise.resolve();

window.runBareLoop = (request) => {
  const next = queue.then(
    () =>
      new Promise<BareWorkerAnswer>((resolve) => {
        const onMessage = (event: MessageEvent<BareWorkerAnswer>) => {
          worker.removeEventListener('message', onMessage);
          worker.removeEventListener('error', onError);
          resolve(event.data);
        };
        const onError = (event: ErrorEvent) => {
          worker.removeEventListener('message', onMessage);
          worker.removeEventListener('error', onError);
          resolve({ ok: false, message: `the bare-loop worker failed: ${event.message || 'it did not load'}` });
        };
        worker.addEventListener('message', onMessage);
        worker.addEventListener('error', onError);
        worker.postMessage(request);
      }),
  );
  queue = next;
  return next;
};
document.getElementById('status')!.textContent = 'ready';
