/**
 * The race worker's logic, free of `self` so tests can drive it: parse a message, keep
 * one RaceStepper, step it in lock-step at the requested speed, and post frames (new
 * trail points in one transferred Float32Array, plus every racer's state) at most
 * every RACE_FRAME_INTERVAL_MS, whatever the speed.
 *
 * Playing is paced by the clock, not by the tick rate: after t seconds at s steps per
 * second, floor(t·s) steps have been taken. Stepping takes at most STEP_BUDGET_MS per
 * tick, half a core (on a two-core laptop the page and a software renderer need the
 * rest), so messages (pause, a new setup) are answered at once; when the machine cannot
 * keep up, the backlog is dropped instead of bursting later. The host owns every tensor
 * it makes: a new setup or `dispose` frees the old race.
 */
import { RaceStepper } from '../engine/race/stepper';
import {
  RACE_FRAME_INTERVAL_MS,
  RACE_MAX_STEPS,
  RACE_PROTOCOL_VERSION,
  type FromRaceWorker,
  type ToRaceWorker,
} from '../protocol/race-messages';
import { toErrorPayload } from './error-payload';
import { parseToRaceWorker } from './parse-race-message';

export type PostRace = (message: FromRaceWorker, transfer?: Transferable[]) => void;

export interface RaceClock {
  now(): number;
  /** Calls `run` after `ms`; the returned function cancels it. */
  later(run: () => void, ms: number): () => void;
}

export interface RaceHost {
  receive(data: unknown): void;
  dispose(): void;
}

const TICK_MS = 16;
const STEP_BUDGET_MS = 8;
const DEFAULT_STEPS_PER_SECOND = 60;

export const realClock: RaceClock = {
  now: () => performance.now(),
  later: (run, ms) => {
    const id = setTimeout(run, ms);
    return () => clearTimeout(id);
  },
};

export function createRaceHost(post: PostRace, clock: RaceClock = realClock): RaceHost {
  let stepper: RaceStepper | undefined;
  let generation = 0;
  let playing = false;
  let stepsPerSecond = DEFAULT_STEPS_PER_SECOND;
  let pace = { since: 0, steps: 0 };
  let pending: number[][] = [];
  let lastFrame = -Infinity;
  let cancelTick: (() => void) | undefined;

  const collect = (index: number, x: number, y: number, loss: number): void => {
    pending[index]!.push(x, y, loss);
  };
  const finished = (): boolean => stepper === undefined || stepper.steps >= RACE_MAX_STEPS || stepper.allDiverged;

  function flush(): void {
    if (!stepper) return;
    const counts = pending.map((values) => values.length / 3);
    const points = new Float32Array(pending.flat());
    pending = pending.map(() => []);
    lastFrame = clock.now();
    const message = { v: RACE_PROTOCOL_VERSION, type: 'frame', generation, step: stepper.steps, playing, finished: finished(), counts, points, states: stepper.snapshot() } as const;
    post(message, [points.buffer]);
  }

  function stop(): void {
    playing = false;
    cancelTick?.();
    cancelTick = undefined;
  }

  function fail(error: unknown): void {
    stop();
    post({ v: RACE_PROTOCOL_VERSION, type: 'error', generation, error: toErrorPayload(error) });
  }

  function advance(count: number): void {
    for (let i = 0; i < count && !finished(); i++) stepper!.step(collect);
  }

  function tick(): void {
    cancelTick = undefined;
    if (!playing || !stepper) return;
    try {
      const started = clock.now();
      let due = Math.floor(((started - pace.since) * stepsPerSecond) / 1000) - pace.steps;
      while (due > 0 && !finished() && clock.now() - started < STEP_BUDGET_MS) {
        stepper.step(collect);
        pace.steps += 1;
        due -= 1;
      }
      if (due > 0) pace = { since: clock.now(), steps: 0 };
      if (finished()) stop();
      const fresh = pending.some((values) => values.length > 0);
      if (!playing || (fresh && clock.now() - lastFrame >= RACE_FRAME_INTERVAL_MS)) flush();
    } catch (error) {
      fail(error);
      return;
    }
    if (playing) cancelTick = clock.later(tick, TICK_MS);
  }

  const handlers: { readonly [K in ToRaceWorker['type']]: (message: Extract<ToRaceWorker, { type: K }>) => void } = {
    configure(message) {
      stop();
      stepper?.dispose();
      stepper = undefined;
      generation = message.generation;
      stepper = new RaceStepper(message.setup);
      pending = message.setup.entries.map(() => []);
      stepper.positions(collect);
      flush();
    },
    play() {
      if (playing || finished()) return;
      playing = true;
      pace = { since: clock.now(), steps: 0 };
      flush();
      cancelTick = clock.later(tick, 0);
    },
    pause() {
      if (!playing) return;
      stop();
      flush();
    },
    step(message) {
      stop();
      advance(message.count);
      flush();
    },
    speed(message) {
      stepsPerSecond = message.stepsPerSecond;
      pace = { since: clock.now(), steps: 0 };
    },
  };

  return {
    receive(data) {
      const parsed = parseToRaceWorker(data);
      if (!parsed.ok) {
        post({ v: RACE_PROTOCOL_VERSION, type: 'error', error: parsed.error });
        return;
      }
      const { message } = parsed;
      try {
        (handlers[message.type] as (message: ToRaceWorker) => void)(message);
      } catch (error) {
        fail(error);
      }
    },
    dispose() {
      stop();
      stepper?.dispose();
      stepper = undefined;
    },
  };
}
