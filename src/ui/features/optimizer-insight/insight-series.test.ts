import { describe, expect, it } from 'vitest';
import { layer, probe } from '../../../engine/diagnosis/test-support';
import { constantStepSizes, sampledStepSizes } from '../../../engine/training/probe-step-sizes';
import { STEP_SIZE_BIN_COUNT, stepSizeBinEdge } from '../../../engine/training/probe-types';
import { runView } from '../../dev/fixtures';
import { hasLayerMetric, layerLines, layersOf, medianStepLines, stepQuantileLines } from './insight-series';

/** All parameters in the bin whose lower edge is `edge`. */
const oneBin = (edge: number, count = 100) => {
  const counts = new Array<number>(STEP_SIZE_BIN_COUNT).fill(0);
  counts[Array.from({ length: STEP_SIZE_BIN_COUNT }, (_, i) => i).find((i) => Math.abs(stepSizeBinEdge(i) / edge - 1) < 1e-9)!] = count;
  return { counts };
};

describe('insight series', () => {
  const probes = [1, 20, 40].map((step) =>
    probe(step, { layers: [layer('1_dense', { gradNorm: step, firstMoment: undefined }), layer('2_dense', { gradNorm: 0, firstMoment: undefined })] }),
  );

  it('gives one line per layer over steps, dropping what a log axis cannot draw', () => {
    expect(layersOf(probes)).toEqual(['1_dense', '2_dense']);
    const [first, second] = layerLines(probes, 'gradNorm');
    expect(first!.main).toEqual([{ x: 1, y: 1 }, { x: 20, y: 20 }, { x: 40, y: 40 }]);
    expect(second!.main).toEqual([]);
  });

  it('knows which optimizer state a run has', () => {
    expect(hasLayerMetric(probes, 'firstMoment')).toBe(false);
    expect(hasLayerMetric(probes, 'secondMoment')).toBe(true);
  });

  it('draws a constant step size as exactly that value: every percentile, and the all-runs median', () => {
    const sgd = [1, 20, 40].map((step) => probe(step, { stepSizes: constantStepSizes(0.01, 1000) }));
    for (const quantile of stepQuantileLines(sgd)) expect(quantile.main.map((p) => p.y)).toEqual([0.01, 0.01, 0.01]);
    const [median] = medianStepLines([{ ...runView('sgd'), probes: sgd }]);
    expect(median!.main.map((p) => p.y)).toEqual([0.01, 0.01, 0.01]);
  });

  it('draws the measured percentiles of a spread of step sizes', () => {
    const steps = Array.from({ length: 100 }, (_, i) => (i + 1) * 1e-4);
    const [p10, median, p90] = stepQuantileLines([probe(1, { stepSizes: sampledStepSizes(steps, steps.map(() => 1)) })]);
    expect([p10!.main[0]!.y, median!.main[0]!.y, p90!.main[0]!.y]).toEqual([steps[9], steps[49], steps[89]]);
  });

  it('reads the step-size percentiles of probes saved without them from the histogram, inside the bin they fall in', () => {
    const shrinking = [probe(1, { stepSizes: oneBin(1e-3) }), probe(20, { stepSizes: oneBin(1e-5) })];
    const [p10, median, p90] = stepQuantileLines(shrinking);
    for (const [i, edge] of [1e-3, 1e-5].entries()) {
      for (const line of [p10!, median!, p90!]) {
        expect(line.main[i]!.y).toBeGreaterThanOrEqual(edge);
        expect(line.main[i]!.y).toBeLessThan(edge * Math.sqrt(10)); // two bins a decade
      }
    }
    expect(p10!.main[0]!.y).toBeLessThan(median!.main[0]!.y);
    expect(median!.main[0]!.y).toBeLessThan(p90!.main[0]!.y);
  });

  it('gives each run’s median step, runs without probes as empty lines', () => {
    const runs = [{ ...runView('a'), probes: [probe(1, { stepSizes: oneBin(1e-3) })] }, runView('b')];
    const lines = medianStepLines(runs);
    expect(lines.map((l) => [l.runId, l.main.length])).toEqual([
      ['a', 1],
      ['b', 0],
    ]);
  });
});
