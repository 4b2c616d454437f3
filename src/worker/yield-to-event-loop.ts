import { ComparisonController } from '../engine/training/controller';

/**
 * Lets queued messages (pause, cancel) and timers run. On the cpu backend the engine's
 * read-backs resolve as microtasks, so without this a training loop would never let the
 * worker see a message. A MessageChannel task, not requestAnimationFrame (which stops
 * in hidden tabs) and not setTimeout (clamped to 4 ms when nested).
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The engine's controller, yielding to the event loop at every read-back point. */
export class YieldingController extends ComparisonController {
  override async waitWhilePaused(signal?: AbortSignal): Promise<void> {
    await yieldToEventLoop();
    return super.waitWhilePaused(signal);
  }
}
