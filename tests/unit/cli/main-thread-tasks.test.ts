import { describe, expect, it } from 'vitest';
import { mainThreadTasks } from '../../../src/cli/main-thread-tasks';

const LAB = 'http://127.0.0.1:4173/';
const BENCH = 'http://127.0.0.1:4173/src/bench/bench.html';

/** A trace as Chromium writes it: two renderers (the lab, the bench page), each with a main thread and a worker. */
function trace(): string {
  const task = (pid: number, tid: number, ts: number, dur: number, tdur: number) => ({ name: 'RunTask', ph: 'X', pid, tid, ts, dur, tdur });
  return JSON.stringify({
    traceEvents: [
      { name: 'TracingStartedInBrowser', pid: 1, tid: 1, ts: 0, args: { data: { frames: [{ processId: 20, url: BENCH }, { processId: 10, url: LAB }] } } },
      { name: 'thread_name', ph: 'M', pid: 10, tid: 10, ts: 0, args: { name: 'CrRendererMain' } },
      { name: 'thread_name', ph: 'M', pid: 10, tid: 11, ts: 0, args: { name: 'DedicatedWorker thread' } },
      { name: 'thread_name', ph: 'M', pid: 20, tid: 20, ts: 0, args: { name: 'CrRendererMain' } },
      task(10, 10, 1_000_000, 30_000, 29_000),
      task(10, 10, 1_500_000, 140_000, 35_000),
      task(10, 11, 1_600_000, 900_000, 900_000), // the worker's: never the main thread's
      task(20, 20, 1_700_000, 500_000, 500_000), // the other page's
      { name: 'ThreadControllerImpl::RunTask', ph: 'X', pid: 10, tid: 10, ts: 2_000_000, dur: 200_000, tdur: 10_000 },
      task(10, 10, 2_000_000, 60_000, 58_000),
    ],
  });
}

describe('mainThreadTasks', () => {
  it("keeps the page's own main-thread tasks of at least the given length, with wall and CPU time", () => {
    const tasks = mainThreadTasks(trace(), (url) => url === LAB, 50);
    expect(tasks).toEqual([
      { startMs: 500, wallMs: 140, cpuMs: 35 },
      { startMs: 1000, wallMs: 60, cpuMs: 58 },
    ]);
  });

  it('says which frames it saw when the page is not in the trace', () => {
    expect(() => mainThreadTasks(trace(), (url) => url.endsWith('/elsewhere'))).toThrow(/no frame of the page \(frames: .*bench\.html, http:\/\/127\.0\.0\.1:4173\/\)/);
  });
});
