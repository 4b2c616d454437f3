import { describe, expect, it } from 'vitest';
import { progressAt, runView } from '../../dev/fixtures';
import {
  comparisonFraction,
  etaSeconds,
  formatDuration,
  formatRate,
  PHASE_WORDS,
  runProgress,
  samplesPerSecond,
  tickFraction,
  wallTime,
} from './progress-model';

const config = { dataset: { name: 'spiral' as const }, architecture: 'dense' as const, training: { epochs: 4, batchSize: 32 }, runs: [] };
const phaseSeconds = (training: number, evaluating = 0, extra: { snapshot?: number; checkpointing?: number; paused?: number } = {}) => ({
  training,
  evaluating,
  snapshot: 0,
  checkpointing: 0,
  paused: 0,
  ...extra,
});

/**
 * Half of epoch 2 of 4 (100 ticks an epoch), two runs in batches of 10: 150 ticks took
 * 30 s of training (0.2 s a tick, 3000 samples in 30 s), the first epoch's validation
 * of 1000 samples a run took 4 s (2 ms a sample); a test set of 500 samples.
 */
const midway = progressAt(
  { epoch: 2, epochs: 4, tick: 50, ticksPerEpoch: 100, elapsedSeconds: 34 },
  {
    phaseSeconds: phaseSeconds(30, 4),
    ticksTrained: 150,
    samplesTrained: 3000,
    samplesEvaluated: 2000,
    evaluatedSeconds: 4,
    // three validations and the test, for each of the two runs
    samplesToEvaluate: 2 * (3 * 1000 + 500),
    epochEndsDone: 1,
    epochEndsLeft: 3,
    runs: [
      { runId: 'a', samples: 1500, seconds: 30 },
      { runId: 'b', samples: 1500, seconds: 30 },
    ],
  },
);

describe('progress estimate', () => {
  it('adds the evaluation still due to the training left, each at its own measured rate', () => {
    // 250 ticks at 0.2 s, and 7000 samples to evaluate at 2 ms
    expect(etaSeconds(midway)).toBeCloseTo(50 + 14);
  });

  it('guesses evaluation at a third of a training step per sample until one was timed', () => {
    const early = { ...midway, samplesEvaluated: 0, evaluatedSeconds: 0, phaseSeconds: phaseSeconds(30), epochEndsDone: 0 };
    // a training sample took 10 ms: 7000 evaluation samples at 10/3 ms
    expect(etaSeconds(early)).toBeCloseTo(50 + 7000 * (0.01 / 3));
  });

  it('counts the evaluation under way as part done', () => {
    // The final test: no training left, 2 x 500 samples to go, 0.6 s into them.
    const testing = {
      ...midway,
      epoch: 4,
      tick: 100,
      phase: 'evaluating' as const,
      phaseSeconds: phaseSeconds(30, 4.6),
      samplesToEvaluate: 1000,
      epochEndsLeft: 0,
    };
    expect(etaSeconds(testing)).toBeCloseTo(1000 * 0.002 - 0.6);
    // ...so the bar is short of full while the final evaluation runs
    expect(comparisonFraction(testing)).toBeLessThan(1);
    expect(comparisonFraction(testing)).toBeGreaterThan(0.9);
  });

  it('adds the epoch ends’ snapshots and checkpoints at their cost so far', () => {
    const withGalleries = { ...midway, phaseSeconds: phaseSeconds(30, 4, { snapshot: 1.5, checkpointing: 0.5 }) };
    expect(etaSeconds(withGalleries)).toBeCloseTo(64 + 3 * 2);
  });

  it('leaves the first tick’s warm-up out of the time a tick takes', () => {
    // The first of 150 ticks took 10.2 s (compiling): the other 149 took 0.2 s each.
    const warm = { ...midway, firstTickSeconds: 10.2, phaseSeconds: phaseSeconds(10.2 + 149 * 0.2, 4) };
    expect(etaSeconds(warm)).toBeCloseTo(250 * 0.2 + 14);
  });

  it('has no estimate before a whole tick was trained', () => {
    expect(etaSeconds(progressAt({ epoch: 1, epochs: 4, tick: 0.5, ticksPerEpoch: 100, elapsedSeconds: 3 }, { ticksTrained: 0.5, samplesTrained: 10 }))).toBeUndefined();
    expect(etaSeconds(undefined)).toBeUndefined();
  });

  it('fills the bar by time, working time over working time plus the estimate', () => {
    expect(comparisonFraction(midway)).toBeCloseTo(34 / (34 + 64));
    // time spent paused is not work done
    const paused = { ...midway, elapsedSeconds: 44, phaseSeconds: phaseSeconds(30, 4, { paused: 10 }) };
    expect(comparisonFraction(paused)).toBeCloseTo(34 / (34 + 64));
    // and by ticks while there is no estimate
    expect(comparisonFraction(undefined)).toBe(0);
    expect(tickFraction(midway)).toBeCloseTo(1.5 / 4);
  });

  it('reads samples a second over the training time, for all runs and for each', () => {
    expect(samplesPerSecond(midway)).toBeCloseTo(100);
    expect(runProgress(runView('a'), { progress: midway, status: 'running', config }).samplesPerSecond).toBeCloseTo(50);
    expect(samplesPerSecond(progressAt({ epoch: 1, epochs: 1, tick: 0, ticksPerEpoch: 1, elapsedSeconds: 0 }))).toBeUndefined();
  });
});

describe('progress phases', () => {
  it('names every phase in words, the galleries’ snapshot as decoding images', () => {
    expect(PHASE_WORDS).toEqual({
      training: 'training',
      evaluating: 'evaluating',
      snapshot: 'decoding images',
      checkpointing: 'saving a checkpoint',
      paused: 'paused',
    });
  });
});

describe('wall time', () => {
  const since = Date.UTC(2026, 0, 1, 12, 0, 0);

  it('is the time from the click on Start to the end once it ended, whatever the engine counted', () => {
    const ended = { since, before: 0, progressAt: since + 170_000, seconds: 229 };
    expect(wallTime(ended, midway, since + 999_000)).toEqual({ elapsed: 229 });
  });

  it('counts on from the click while it runs, and the estimate down from its report', () => {
    const clock = { since, before: 0, progressAt: since + 30_000 };
    expect(wallTime(clock, midway, since + 40_000)).toEqual({ elapsed: 40, left: 54 });
    // a resumed comparison counts on from its checkpoint's time
    expect(wallTime({ ...clock, before: 100 }, midway, since + 40_000).elapsed).toBe(140);
    // an estimate counted past zero stays at zero
    expect(wallTime(clock, midway, since + 200_000).left).toBe(0);
    expect(wallTime(undefined, midway, since)).toEqual({});
  });
});

describe('run progress', () => {
  it('shows a running run at the comparison’s position with an estimate, a finished one at its end', () => {
    const running = runProgress(runView('a', { epochs: 1 }), { progress: midway, status: 'running', config });
    expect(running).toMatchObject({ text: 'epoch 2 of 4', active: true });
    expect(running.fraction).toBeCloseTo(comparisonFraction(midway));
    expect(running.eta).toBeCloseTo(64);
    const diverged = runProgress(runView('b', { epochs: 1, result: { status: 'diverged', divergedAtStep: 17 } }), { progress: midway, status: 'running', config });
    expect(diverged).toMatchObject({ fraction: 0.25, text: 'diverged at step 17', active: false });
    const paused = runProgress(runView('c', { epochs: 1 }), { progress: midway, status: 'paused', config });
    expect(paused.eta).toBeUndefined();
    expect(paused.text).toContain('paused');
  });
});

describe('formats', () => {
  it('formats durations for people', () => {
    expect(formatDuration(45.2)).toBe('45 s');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(3720)).toBe('1 h 02 min');
    expect(formatDuration(Number.NaN)).toBe('–');
  });

  it('formats rates in three figures at most', () => {
    expect(formatRate(1234)).toBe('1.2k samples/s');
    expect(formatRate(850.4)).toBe('850 samples/s');
    expect(formatRate(0.84)).toBe('0.8 samples/s');
  });
});
