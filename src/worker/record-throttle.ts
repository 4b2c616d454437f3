import type { ProbeSample } from '../engine/training/probe-types';
import type { BatchRecord, ComparisonProgress, EpochRecord } from '../engine/training/types';
import { PROTOCOL_VERSION, type FromWorker } from '../protocol/messages';
import { packBatchLosses } from '../protocol/packed-losses';

export type PostToClient = (message: FromWorker, transfer?: Transferable[]) => void;

export interface RecordThrottleOptions {
  readonly comparisonId: string;
  /** Run ids in the comparison's order: a record's run index is its position here. */
  readonly runIds: readonly string[];
  readonly post: PostToClient;
  /** At most one 'records' message per this many milliseconds (default 100: ~10 per second). */
  readonly intervalMs?: number;
  readonly now?: () => number;
}

export interface RecordThrottle {
  addBatches(records: readonly BatchRecord[]): void;
  addEpoch(record: EpochRecord): void;
  /**
   * Probe samples ride with the next message (the runner reports them between a
   * read-back's batches and its progress, and `flush` delivers any left): they never
   * cause a message of their own.
   */
  addProbes(samples: readonly ProbeSample[]): void;
  setProgress(progress: ComparisonProgress): void;
  /** Posts whatever is pending now (before 'run-end' and 'done'). */
  flush(): void;
  /** Drops the pending timer; nothing is posted afterwards. */
  dispose(): void;
}

/**
 * Gathers records between messages so the page gets at most ~10 'records' messages a
 * second however fast training goes. Batch losses travel packed in one Float64Array
 * whose buffer is transferred, not copied. A message is sent as soon as the interval
 * has passed (checked on every record, so a busy loop that starves timers still
 * delivers) and otherwise by a timer at the end of the interval.
 */
export function createRecordThrottle(options: RecordThrottleOptions): RecordThrottle {
  const { comparisonId, post } = options;
  const intervalMs = options.intervalMs ?? 100;
  const now = options.now ?? (() => performance.now());
  const runIndex = new Map(options.runIds.map((id, i) => [id, i]));
  let batches: BatchRecord[] = [];
  let epochs: EpochRecord[] = [];
  let probes: ProbeSample[] = [];
  let progress: ComparisonProgress | undefined;
  let lastPost = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const clearTimer = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const flush = (): void => {
    clearTimer();
    if (disposed || (batches.length === 0 && epochs.length === 0 && probes.length === 0 && progress === undefined)) return;
    const triples = packBatchLosses(
      batches.map((r) => ({ runIndex: runIndex.get(r.runId) ?? -1, step: r.step, loss: r.loss })),
    );
    const message: FromWorker = {
      v: PROTOCOL_VERSION,
      type: 'records',
      comparisonId,
      batches: { triples },
      epochs,
      ...(progress ? { progress } : {}),
      ...(probes.length > 0 ? { probes } : {}),
    };
    batches = [];
    epochs = [];
    probes = [];
    progress = undefined;
    lastPost = now();
    post(message, [triples.buffer]);
  };

  const schedule = (): void => {
    if (disposed) return;
    const wait = lastPost + intervalMs - now();
    if (wait <= 0) {
      flush();
      return;
    }
    timer ??= setTimeout(flush, wait);
  };

  return {
    addBatches(records) {
      if (records.length === 0) return;
      batches.push(...records);
      schedule();
    },
    addEpoch(record) {
      epochs.push(record);
      schedule();
    },
    addProbes(samples) {
      probes.push(...samples);
    },
    setProgress(next) {
      progress = next;
      schedule();
    },
    flush,
    dispose() {
      clearTimer();
      disposed = true;
    },
  };
}
