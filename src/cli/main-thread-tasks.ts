/**
 * The main-thread tasks of one page, from a Chromium trace (category
 * disabled-by-default-devtools.timeline, as DevTools reads long tasks): each task's wall
 * time and the CPU time its thread actually ran. On a 2-core machine where SwiftShader's
 * threads keep both cores busy, a task's wall time can be several times its CPU time:
 * the first is what a person feels, the second is the lab's own share.
 */

export interface MainThreadTask {
  /** Milliseconds from the first task of the trace on that thread. */
  readonly startMs: number;
  readonly wallMs: number;
  readonly cpuMs: number;
}

interface TraceEvent {
  readonly name: string;
  readonly ph?: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { name?: string; data?: { frames?: { processId: number; url: string }[] } };
}

/** The shortest task listed by default (as the browser's longtask entries): shorter ones are the page keeping up. */
export const LISTED_TASK_MS = 50;

/** A longest task's wall time for a table; 0 stands for none listed, i.e. every task under LISTED_TASK_MS. */
export const taskMs = (ms: number) => (ms > 0 ? `${ms.toFixed(0)} ms` : `< ${LISTED_TASK_MS} ms`);

/**
 * Tasks of at least `minWallMs` on the main thread of the renderer that shows the page
 * whose URL `isPage` accepts (the trace's TracingStartedInBrowser lists every frame).
 */
export function mainThreadTasks(trace: string, isPage: (url: string) => boolean, minWallMs = LISTED_TASK_MS): MainThreadTask[] {
  const events = (JSON.parse(trace) as { traceEvents: TraceEvent[] }).traceEvents;
  const frames = events.filter((e) => e.name === 'TracingStartedInBrowser').flatMap((e) => e.args?.data?.frames ?? []);
  const pid = frames.find((frame) => isPage(frame.url))?.processId;
  if (pid === undefined) throw new Error(`the trace shows no frame of the page (frames: ${frames.map((f) => f.url).join(', ') || 'none'})`);
  const main = events.find((e) => e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error(`the trace has no main thread for renderer ${pid}`);
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === pid && e.tid === main.tid);
  const origin = Math.min(...tasks.map((e) => e.ts));
  return tasks
    .map((e) => ({ startMs: (e.ts - origin) / 1000, wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000 }))
    .filter((task) => task.wallMs >= minWallMs);
}
