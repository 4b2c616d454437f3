import type { FromWorker, ToWorker } from '../../src/protocol/messages';
import type { TrainingConnection } from '../../src/client/worker-client';

/** A TrainingConnection a test drives by hand: it records what is posted and emits what the test says. */
export class FakeConnection implements TrainingConnection {
  readonly posted: ToWorker[] = [];
  private readonly listeners = new Set<(message: FromWorker) => void>();
  disposed = false;
  /** Called on every post, e.g. to answer 'init'. */
  onPost: ((message: ToWorker) => void) | undefined;

  post(message: ToWorker): void {
    this.posted.push(message);
    this.onPost?.(message);
  }

  subscribe(listener: (message: FromWorker) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(message: FromWorker): void {
    this.listeners.forEach((listener) => listener(message));
  }

  dispose(): void {
    this.disposed = true;
  }
}
