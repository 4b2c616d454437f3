/**
 * Pause, resume and stop-one for a running comparison. Cancellation of the whole
 * comparison goes through an AbortSignal instead, so it composes with fetch and timers.
 * The runner looks at this only at its read-back points, between steps.
 */
export class ComparisonController {
  private paused = false;
  private resumeWaiters: (() => void)[] = [];
  private readonly stopRequests = new Set<string>();

  get isPaused(): boolean {
    return this.paused;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    const waiters = this.resumeWaiters;
    this.resumeWaiters = [];
    waiters.forEach((wake) => wake());
  }

  /** Ask one run to stop at the next read-back; the others go on. */
  stopRun(runId: string): void {
    this.stopRequests.add(runId);
  }

  isStopRequested(runId: string): boolean {
    return this.stopRequests.has(runId);
  }

  /** Resolves at once unless paused; then when resumed or when `signal` aborts. */
  waitWhilePaused(signal?: AbortSignal): Promise<void> {
    if (!this.paused || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const onAbort = () => resolve();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.resumeWaiters.push(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }
}
