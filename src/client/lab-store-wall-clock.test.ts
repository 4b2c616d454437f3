import { describe, expect, it } from 'vitest';
import type { ExperimentConfigInput } from '../engine/experiment/config';
import { progressAt } from '../engine/training/progress-tracker';
import { PROTOCOL_VERSION, type FromWorker } from '../protocol/messages';
import { packBatchLosses } from '../protocol/packed-losses';
import { FakeConnection } from '../../tests/helpers/fake-connection';
import { MemoryRepository } from '../../tests/helpers/memory-repository';
import { createLabStore } from './lab-store';

const v = PROTOCOL_VERSION;
const config: ExperimentConfigInput = {
  name: 'clock-test',
  dataset: { name: 'spiral' },
  architecture: 'dense',
  training: { epochs: 1, batchSize: 10 },
  runs: [{ id: 'sgd', optimizer: { name: 'sgd' } }],
};
const backend = { name: 'webgl', float32: true, reason: 'first preference', inWorker: true };
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

async function setup() {
  const host = new FakeConnection();
  let nowMs = T0;
  const store = createLabStore({ repository: new MemoryRepository(), host, createId: () => 'c1', now: () => new Date(nowMs) });
  await store.ready;
  const send = async (message: FromWorker) => {
    host.emit(message);
    await store.settled();
  };
  await send({ v, type: 'ready', backend });
  return { store, send, at: (seconds: number) => (nowMs = T0 + seconds * 1000), clock: () => store.getState().current?.wallClock };
}

const progress = (elapsedSeconds: number): FromWorker => ({
  v,
  type: 'records',
  comparisonId: 'c1',
  batches: { triples: packBatchLosses([]) },
  epochs: [],
  progress: progressAt({ epoch: 1, epochs: 1, tick: 1, ticksPerEpoch: 1, elapsedSeconds }),
});

describe('the live comparison’s wall clock', () => {
  it('runs from the call to start to the end, the final evaluation after the last progress included', async () => {
    const { store, send, at, clock } = await setup();
    await store.actions.start(config);
    expect(clock()).toEqual({ since: T0, before: 0 });
    at(170);
    // the engine counts from its own start, after the data loaded: 150 s
    await send(progress(150));
    expect(clock()).toEqual({ since: T0, before: 0, progressAt: T0 + 170_000 });
    at(229);
    await send({ v, type: 'done', comparisonId: 'c1', elapsedSeconds: 209 });
    expect(store.getState().current?.status).toBe('completed');
    expect(clock()?.seconds).toBe(229);
  });
});
