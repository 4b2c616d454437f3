/**
 * The race section of `npm run bench:browser` (alone: `--only=race`): the optimizer race
 * in headless Chromium on SwiftShader, the test browser's software renderer, with eight
 * optimizers on Rosenbrock, every arrow on, played at the fastest speed until every
 * trail holds 5,000 points; then frames are timed with requestAnimationFrame over
 * windows while the race plays on: at a lecture's pace (LECTURE_SPEED), where stepping in
 * the race worker takes little, and at the fastest speed (trails growing past 5,000),
 * where it takes up to half of a core; then paused with nothing moving (the page's own
 * ceiling on this renderer) and over a resize, which redraws every trail whole. Playing
 * windows are timed WINDOWS times, the median shown with the range: identical windows
 * differ by 2x on this 2-core machine. Numbers, not pass/fail: the target is 60 frames
 * per second.
 *
 * All of it twice, once per way Chromium composites the page without a GPU
 * (COMPOSITING): through SwiftShader, emulating a GPU (headless Chromium's default, and
 * the lab's browser tests'), and with its software compositor (what Chromium falls back
 * to on a machine whose GPU it cannot use). Each starts with a bare page (no app) whose
 * canvas, of the race's size, changes every frame by eight short strokes, the least a
 * playing race changes: the ceiling any canvas drawing has on that path.
 */
import type { Page } from 'playwright-core';
import { SPEEDS } from '../ui/features/race/race-settings';
import { raceToHash, type RaceLink } from '../ui/features/race/race-url';
import { launchChromium, WEBGL_ARGS } from './chromium';
import { taskMs } from './main-thread-tasks';

export interface RaceMeasurement {
  readonly compositing: string;
  readonly window: string;
  readonly trailPoints: string;
  readonly framesPerSecond: number;
  /** Over the windows timed (one for the paused ones). */
  readonly fpsRange: readonly [number, number];
  readonly longestFrameMs: number;
  readonly framesOver20Ms: number;
  readonly longestTaskMs: number;
}

/** How Chromium composites without a GPU: its flags for each way. */
const COMPOSITING: Readonly<Record<string, readonly string[]>> = {
  'SwiftShader (GPU emulated)': [],
  software: ['--disable-gpu-compositing'],
};

const TRAIL_POINTS = 5000;
const WINDOW_MS = 2000;
const WINDOWS = 3;
/** Steps per second at which a lecture watches a race: the optimizers' moves can be followed. */
const LECTURE_SPEED = 50;

/** Eight optimizers that all stay finite on Rosenbrock for 10,000 steps. */
export const BENCH_RACE_LINK: RaceLink = {
  v: 1,
  surface: 'rosenbrock',
  start: [-0.5, 2.5],
  optimizers: [
    { label: 'SGD', optimizer: { name: 'sgd', hyperparameters: { learning_rate: 0.001 } } },
    { label: 'Momentum', optimizer: { name: 'sgd', hyperparameters: { learning_rate: 0.0005, momentum: 0.9 } } },
    { label: 'Nesterov', optimizer: { name: 'sgd', hyperparameters: { learning_rate: 0.0005, momentum: 0.9, nesterov: true } } },
    { label: 'Adagrad', optimizer: { name: 'adagrad', hyperparameters: { learning_rate: 0.5 } } },
    { label: 'RMSprop', optimizer: { name: 'rmsprop', hyperparameters: { learning_rate: 0.01 } } },
    { label: 'Adam', optimizer: { name: 'adam', hyperparameters: { learning_rate: 0.05 } } },
    { label: 'Adadelta', optimizer: { name: 'adadelta', hyperparameters: { learning_rate: 1 } } },
    { label: 'Nadam', optimizer: { name: 'nadam', hyperparameters: { learning_rate: 0.02 } } },
  ].map((entry) => ({ ...entry, arrows: ['gradient', 'momentum'] as ('gradient' | 'momentum')[] })),
  speed: 2000,
  playing: true,
};

const stepNow = async (page: Page) => Number(/Step (\d+)/.exec((await page.getByRole('status', { name: 'Race status' }).textContent()) ?? '')?.[1] ?? NaN);

/**
 * In the page: requestAnimationFrame timestamps for `windowMs`, and the long tasks
 * meanwhile. Plain text, so that tsx's name-keeping helpers never reach the page.
 */
const TIME_FRAMES = `(windowMs) => new Promise((resolve) => {
  const tasks = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration)));
  observer.observe({ type: 'longtask' });
  const frames = [];
  requestAnimationFrame(function tick(time) {
    frames.push(time);
    if (time - frames[0] < windowMs) requestAnimationFrame(tick);
    else {
      observer.disconnect();
      resolve({ frames, tasks });
    }
  });
})`;

/** Frame timestamps over `ms` (and the long tasks in that window), with `during` run at its start. */
async function timeFrames(page: Page, ms: number, during?: () => Promise<void>): Promise<{ frames: number[]; tasks: number[] }> {
  const started = page.evaluate(`(${TIME_FRAMES})(${ms})`) as Promise<{ frames: number[]; tasks: number[] }>;
  await during?.();
  return started;
}

type Frames = { frames: number[]; tasks: number[] };

function summarise(compositing: string, window: string, trailPoints: string, windows: readonly Frames[]): RaceMeasurement {
  const each = windows.map(({ frames, tasks }) => {
    const gaps = frames.slice(1).map((time, i) => time - frames[i]!);
    return { fps: gaps.length / ((frames.at(-1)! - frames[0]!) / 1000), gaps, tasks };
  });
  const byFps = [...each].sort((a, b) => a.fps - b.fps);
  const median = byFps[Math.floor(byFps.length / 2)]!;
  return {
    compositing,
    window,
    trailPoints,
    framesPerSecond: median.fps,
    fpsRange: [byFps[0]!.fps, byFps.at(-1)!.fps],
    longestFrameMs: Math.max(...median.gaps),
    framesOver20Ms: median.gaps.filter((gap) => gap > 20).length,
    longestTaskMs: Math.max(0, ...each.flatMap((w) => w.tasks)),
  };
}

/** A page with nothing but a canvas of `width` x `height`, eight short strokes drawn on it every frame. */
const BARE_CANVAS = (width: number, height: number) => `<!doctype html><body style="margin:0"><canvas width="${width}" height="${height}"></canvas><script>
const ctx = document.querySelector('canvas').getContext('2d', { willReadFrequently: true });
ctx.fillStyle = '#5a7'; ctx.fillRect(0, 0, ${width}, ${height});
const tips = Array.from({ length: 8 }, (_, k) => [${width} / 2, ${height} / 2]);
requestAnimationFrame(function draw(time) {
  tips.forEach((tip, k) => {
    const next = [${width} * (0.5 + 0.4 * Math.cos(time / 3000 + k)), ${height} * (0.5 + 0.4 * Math.sin(time / 2000 + k))];
    ctx.beginPath(); ctx.moveTo(tip[0], tip[1]); ctx.lineTo(next[0], next[1]);
    ctx.lineWidth = 4; ctx.strokeStyle = 'rgba(0,0,0,0.6)'; ctx.stroke(); ctx.lineWidth = 2; ctx.strokeStyle = 'hsl(' + 45 * k + ',80%,50%)'; ctx.stroke();
    tips[k] = next;
  });
  requestAnimationFrame(draw);
});
</script></body>`;

async function timeWindows(page: Page, count: number): Promise<Frames[]> {
  const windows: Frames[] = [];
  for (let i = 0; i < count; i++) windows.push(await timeFrames(page, WINDOW_MS));
  return windows;
}

export async function benchRace(labUrl: string, chromiumArgs: readonly string[], log: (line: string) => void): Promise<RaceMeasurement[]> {
  const rows: RaceMeasurement[] = [];
  for (const [compositing, flags] of Object.entries(COMPOSITING)) rows.push(...(await benchRaceWith(labUrl, compositing, [...flags, ...chromiumArgs], log)));
  return rows;
}

async function benchRaceWith(labUrl: string, compositing: string, chromiumArgs: readonly string[], log: (line: string) => void): Promise<RaceMeasurement[]> {
  const browser = await launchChromium('swiftshader', chromiumArgs);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    log(`\nrace, ${compositing} compositing: Chromium ${browser.version()} with ${[...WEBGL_ARGS.swiftshader, ...chromiumArgs].join(' ')}, 8 optimizers on Rosenbrock, every arrow on`);
    // The race's canvas size, read from the race paused (nothing else running), for the bare page.
    await page.goto(`${labUrl}${raceToHash({ ...BENCH_RACE_LINK, playing: false })}`);
    const canvas = await page.locator('.race-canvas canvas').elementHandle();
    await page.waitForFunction((element) => (element as HTMLCanvasElement).width > 0, canvas);
    const size = await canvas!.evaluate((element) => [(element as HTMLCanvasElement).width, (element as HTMLCanvasElement).height] as const);
    await page.goto('about:blank');
    await page.setContent(BARE_CANVAS(...size));
    const rows = [summarise(compositing, `a bare ${size[0]}x${size[1]} canvas, 8 strokes a frame (the ceiling)`, '–', await timeWindows(page, WINDOWS))];
    const began = Date.now();
    await page.goto(`${labUrl}${raceToHash(BENCH_RACE_LINK)}`);
    await page.waitForFunction(
      (points) => Number(/Step (\d+)/.exec(document.querySelector('[aria-label="Race status"]')?.textContent ?? '')?.[1] ?? 0) >= points - 1,
      TRAIL_POINTS,
      { polling: 200, timeout: 300_000 },
    );
    const reached = await stepNow(page);
    log(`  ${reached + 1} points per trail after ${((Date.now() - began) / 1000).toFixed(1)} s (stepping in the race worker)`);
    // At a lecture's pace first, while the trails hold 5,000 points, then the fastest speed
    // (over 6 s there, ~4,000 steps: the race ends by itself at 10,000).
    await page.getByRole('slider', { name: 'Speed' }).fill(String(SPEEDS.indexOf(LECTURE_SPEED)));
    await page.getByText(`${LECTURE_SPEED} steps/s`, { exact: true }).waitFor();
    const atLecture = await stepNow(page);
    const lecture = await timeWindows(page, WINDOWS);
    const afterLecture = await stepNow(page);
    rows.push(summarise(compositing, `playing at ${LECTURE_SPEED} steps/s (a lecture's pace)`, `${atLecture + 1} → ${afterLecture + 1}`, lecture));
    await page.getByRole('slider', { name: 'Speed' }).fill(String(SPEEDS.length - 1));
    await page.getByText(`${SPEEDS.at(-1)} steps/s`, { exact: true }).waitFor();
    const playing = await timeWindows(page, WINDOWS);
    rows.push(summarise(compositing, 'playing at the fastest speed', `${afterLecture + 1} → ${(await stepNow(page)) + 1}`, playing));
    // Space pauses; the race may instead have reached its last step (10,000) and stopped by itself.
    if (/playing/.test((await page.getByRole('status', { name: 'Race status' }).textContent()) ?? '')) await page.keyboard.press(' ');
    await page.getByRole('status', { name: 'Race status' }).filter({ hasText: /paused|finished/ }).waitFor();
    // The page's own frame rate with nothing to draw: the ceiling for the windows around it.
    const idle = await timeFrames(page, 1500);
    rows.push(summarise(compositing, 'paused, nothing moving (the baseline)', `${(await stepNow(page)) + 1}`, [idle]));
    const resized = await timeFrames(page, 1500, async () => {
      await page.setViewportSize({ width: 1300, height: 950 });
    });
    const still = await stepNow(page);
    rows.push(summarise(compositing, 'paused, one resize (every trail redrawn whole)', `${still + 1}`, [resized]));
    if (errors.length > 0) log(`  page errors: ${errors.join(' | ')}`);
    return rows;
  } finally {
    await browser.close();
  }
}

export function raceTable(rows: readonly RaceMeasurement[]) {
  return rows.map((row) => ({
    compositing: row.compositing,
    window: row.window,
    'points per trail': row.trailPoints,
    'frames per second': row.framesPerSecond.toFixed(1),
    range: row.fpsRange[0] === row.fpsRange[1] ? '' : `${row.fpsRange[0].toFixed(1)}–${row.fpsRange[1].toFixed(1)}`,
    'longest frame': `${row.longestFrameMs.toFixed(1)} ms`,
    'frames > 20 ms': row.framesOver20Ms,
    // The longtask observer reports tasks of 50 ms and more only, as the trace's list does.
    'longest task': taskMs(row.longestTaskMs),
  }));
}
