import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EpochRecord } from '../engine/training/types';
import type { FromWorker } from '../protocol/messages';
import { packBatchLosses, unpackBatchLosses } from '../protocol/packed-losses';
import { progressAt } from '../engine/training/progress-tracker';
import { createRecordThrottle } from './record-throttle';

type Posted = { message: FromWorker; transfer?: Transferable[] };

const epoch = (runId: string, n: number): EpochRecord => ({
  runId,
  epoch: n,
  steps: n * 10,
  loss: 1 / n,
  trainSeconds: 0.1,
  elapsedSeconds: n,
});

function setup() {
  const posted: Posted[] = [];
  const throttle = createRecordThrottle({
    comparisonId: 'c1',
    runIds: ['sgd', 'adam'],
    post: (message, transfer) => posted.push({ message, transfer }),
    intervalMs: 100,
    now: () => Date.now(),
  });
  const records = () => posted.map((p) => p.message).filter((m) => m.type === 'records');
  return { posted, throttle, records };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('packBatchLosses', () => {
  it('round-trips [runIndex, step, loss] triples', () => {
    const points = [
      { runIndex: 0, step: 1, loss: 2.5 },
      { runIndex: 1, step: 1, loss: Number.NaN },
    ];
    const triples = packBatchLosses(points);
    expect(Array.from(triples.slice(0, 3))).toEqual([0, 1, 2.5]);
    expect(unpackBatchLosses(triples)).toEqual(points);
  });
});

describe('createRecordThrottle', () => {
  it('posts at once, then at most once per interval however many records arrive', () => {
    const { throttle, records } = setup();
    throttle.addBatches([{ runId: 'sgd', epoch: 1, step: 1, loss: 1 }]);
    expect(records()).toHaveLength(1);
    for (let step = 2; step < 200; step++) {
      throttle.addBatches([{ runId: 'adam', epoch: 1, step, loss: 1 / step }]);
      vi.advanceTimersByTime(1);
    }
    // 199 ms of records: the first message, then one per 100 ms.
    expect(records().length).toBeLessThanOrEqual(3);
    vi.advanceTimersByTime(100);
    const all = records().flatMap((m) => (m.type === 'records' ? unpackBatchLosses(m.batches.triples) : []));
    expect(all.map((p) => p.step)).toEqual(Array.from({ length: 199 }, (_, i) => i + 1));
    expect(all.slice(1).every((p) => p.runIndex === 1)).toBe(true);
  });

  it('transfers the packed buffer instead of copying it', () => {
    const { throttle, posted } = setup();
    throttle.addBatches([{ runId: 'adam', epoch: 1, step: 1, loss: 0.5 }]);
    const [first] = posted;
    expect(first?.message.type).toBe('records');
    if (first?.message.type !== 'records') return;
    expect(first.transfer).toEqual([first.message.batches.triples.buffer]);
  });

  it('delivers a trailing message by timer and carries epochs and the latest progress', () => {
    const { throttle, records } = setup();
    throttle.addBatches([{ runId: 'sgd', epoch: 1, step: 1, loss: 1 }]);
    throttle.addEpoch(epoch('sgd', 1));
    throttle.setProgress(progressAt({ epoch: 1, epochs: 2, tick: 5, ticksPerEpoch: 10, elapsedSeconds: 1 }));
    throttle.setProgress(progressAt({ epoch: 1, epochs: 2, tick: 6, ticksPerEpoch: 10, elapsedSeconds: 1 }));
    expect(records()).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(records()).toHaveLength(2);
    const last = records()[1]!;
    if (last.type !== 'records') throw new Error('not records');
    expect(last.epochs).toEqual([epoch('sgd', 1)]);
    expect(last.progress?.tick).toBe(6);
    expect(last.batches.triples.length).toBe(0);
  });

  it('carries probe samples with the next message, each once, and never posts for them alone', () => {
    const { throttle, records } = setup();
    const sample = (step: number) => ({ runId: 'adam', step, epoch: 1, learningRate: 0.001, input: { min: 0, max: 1, mean: 0.5, std: 0.3 }, layers: [] });
    throttle.addProbes([sample(1)]);
    vi.advanceTimersByTime(1000);
    expect(records()).toHaveLength(0);
    throttle.addBatches([{ runId: 'adam', epoch: 1, step: 1, loss: 1 }]);
    throttle.addProbes([sample(20)]);
    throttle.flush();
    expect(records().flatMap((m) => (m.type === 'records' ? (m.probes ?? []) : [])).map((p) => p.step)).toEqual([1, 20]);
  });

  it('flushes pending records on demand and then stays quiet', () => {
    const { throttle, records } = setup();
    throttle.addBatches([{ runId: 'sgd', epoch: 1, step: 1, loss: 1 }]);
    throttle.addEpoch(epoch('adam', 1));
    expect(records()).toHaveLength(1);
    throttle.flush();
    expect(records()).toHaveLength(2);
    throttle.flush();
    vi.advanceTimersByTime(1000);
    expect(records()).toHaveLength(2);
  });

  it('posts nothing after dispose', () => {
    const { throttle, records } = setup();
    throttle.addBatches([{ runId: 'sgd', epoch: 1, step: 1, loss: 1 }]);
    throttle.addBatches([{ runId: 'sgd', epoch: 1, step: 2, loss: 1 }]);
    throttle.dispose();
    vi.advanceTimersByTime(1000);
    expect(records()).toHaveLength(1);
  });
});
