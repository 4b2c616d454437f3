import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RaceSetup } from '../engine/race/types';
import { RACE_FRAME_INTERVAL_MS, RACE_PROTOCOL_VERSION, type FromRaceWorker, type RaceFrame, type ToRaceWorker } from '../protocol/race-messages';
import { createRaceHost, type RaceClock, type RaceHost } from './race-host';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A clock that moves only when told to; each step of the race takes `stepCost` ms of it. */
class FakeClock implements RaceClock {
  time = 0;
  private timers: { at: number; run: () => void }[] = [];
  now = () => this.time;
  later = (run: () => void, ms: number) => {
    const timer = { at: this.time + ms, run };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  };
  /** Runs due timers in order until `ms` have passed. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.time = Math.max(this.time, next.at);
      next.run();
    }
    this.time = end;
  }
}

const SETUP: RaceSetup = {
  surface: 'elongated-bowl',
  start: { x: -9, y: 2 },
  entries: [
    { id: 'sgd', optimizer: { name: 'sgd', hyperparameters: { learning_rate: 0.45 } } },
    { id: 'adam', optimizer: { name: 'adam', hyperparameters: { learning_rate: 0.3 } } },
  ],
};

const message = (body: Record<string, unknown>) => ({ v: RACE_PROTOCOL_VERSION, ...body }) as ToRaceWorker;

let host: RaceHost | undefined;
afterEach(() => host?.dispose());

function start() {
  const clock = new FakeClock();
  const posted: { message: FromRaceWorker; transfer?: Transferable[]; at: number }[] = [];
  host = createRaceHost((m, transfer) => posted.push({ message: m, transfer, at: clock.time }), clock);
  const frames = () => posted.flatMap((p) => (p.message.type === 'frame' ? [{ ...(p.message as RaceFrame), at: p.at, transfer: p.transfer }] : []));
  const errors = () => posted.flatMap((p) => (p.message.type === 'error' ? [p.message] : []));
  return { clock, host, posted, frames, errors };
}

describe('the race host', () => {
  it('answers a setup with every trail’s start point, paused, under the page’s generation', () => {
    const { host, frames } = start();
    host.receive(message({ type: 'configure', generation: 7, setup: SETUP }));
    const [frame] = frames();
    expect(frame).toMatchObject({ generation: 7, step: 0, playing: false, finished: false, counts: [1, 1] });
    const loss = Math.fround(0.02 * 81 + 2 * 4);
    expect(Array.from(frame!.points)).toEqual([-9, 2, loss, -9, 2, loss]);
    expect(frame!.transfer).toEqual([frame!.points.buffer]);
    expect(frame!.states.map((s) => s.id)).toEqual(['sgd', 'adam']);
  });

  it('takes single steps on request, one point per racer each', () => {
    const { host, frames } = start();
    host.receive(message({ type: 'configure', generation: 1, setup: SETUP }));
    host.receive(message({ type: 'step', count: 1 }));
    host.receive(message({ type: 'step', count: 3 }));
    const [, one, three] = frames();
    expect(one).toMatchObject({ step: 1, counts: [1, 1], playing: false });
    expect(three).toMatchObject({ step: 4, counts: [3, 3] });
    expect(three!.points).toHaveLength(3 * 2 * 3);
    expect(three!.states[0]!.step).toBe(4);
  });

  it('plays at the requested pace, with frames no closer than the frame interval, until paused', () => {
    const { host, clock, frames } = start();
    host.receive(message({ type: 'configure', generation: 1, setup: SETUP }));
    host.receive(message({ type: 'speed', stepsPerSecond: 100 }));
    host.receive(message({ type: 'play' }));
    clock.advance(1000);
    host.receive(message({ type: 'pause' }));
    const all = frames();
    const last = all.at(-1)!;
    expect(last.playing).toBe(false);
    expect(last.step).toBeGreaterThanOrEqual(98);
    expect(last.step).toBeLessThanOrEqual(100);
    const playingFrames = all.filter((f) => f.playing && f.step > 0);
    for (let i = 1; i < playingFrames.length; i++) expect(playingFrames[i]!.at - playingFrames[i - 1]!.at).toBeGreaterThanOrEqual(RACE_FRAME_INTERVAL_MS);
    // Every step's point arrived exactly once.
    expect(all.reduce((sum, f) => sum + f.counts[0]!, 0)).toBe(last.step + 1);
    clock.advance(1000);
    expect(frames().at(-1)!.step).toBe(last.step);
  });

  it('reports a bad hyperparameter by its field, and a bad message or an old page plainly', () => {
    const { host, errors, frames } = start();
    const bad = { ...SETUP, entries: [{ id: 'r', optimizer: { name: 'rmsprop', hyperparameters: { rho: 2 } } }] };
    host.receive(message({ type: 'configure', generation: 3, setup: bad }));
    host.receive(message({ type: 'step', count: 0 }));
    host.receive({ v: 0, type: 'play' });
    const [config, step, version] = errors();
    expect(config).toMatchObject({ generation: 3, error: { code: 'out-of-range' } });
    expect(config!.error.where).toBe('entries[0].optimizer.hyperparameters.rho');
    expect(step).toMatchObject({ error: { code: 'bad-message', where: 'step.count' } });
    expect(version).toMatchObject({ error: { code: 'protocol-version' } });
    expect(version!.error.message).toMatch(/Reload the page/);
    expect(frames()).toEqual([]);
  });

  it('stops by itself when every racer has diverged, and frees the old race’s tensors on a new setup', () => {
    const { host, clock, frames } = start();
    const before = tf.memory().numTensors;
    const wild = { ...SETUP, entries: [{ id: 'wild', optimizer: { name: 'sgd', hyperparameters: { learning_rate: 3 } } }] } as RaceSetup;
    host.receive(message({ type: 'configure', generation: 1, setup: wild }));
    host.receive(message({ type: 'speed', stepsPerSecond: 1000 }));
    host.receive(message({ type: 'play' }));
    clock.advance(2000);
    const last = frames().at(-1)!;
    expect(last).toMatchObject({ playing: false, finished: true });
    expect(last.states[0]).toMatchObject({ diverged: true });
    host.receive(message({ type: 'configure', generation: 2, setup: SETUP }));
    host.receive(message({ type: 'configure', generation: 3, setup: SETUP }));
    const afterOne = tf.memory().numTensors;
    host.receive(message({ type: 'configure', generation: 4, setup: SETUP }));
    expect(tf.memory().numTensors).toBe(afterOne);
    host.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
