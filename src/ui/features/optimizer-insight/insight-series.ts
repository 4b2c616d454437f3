/**
 * Chart data for "Inside the optimizer", pure: probe samples in, one line per layer (or
 * per quantile, or per run) out, over steps, in the shapes the live charts draw
 * (live-charts/series.ts). Values that a log axis cannot show (0, non-finite) are left out.
 */
import type { RunView } from '../../../client/types';
import { STEP_SIZE_QUANTILES, stepSizeQuantile, type LayerProbe, type ProbeSample } from '../../../engine/training/probe-types';
import { drawable, lttb, type Point } from '../live-charts/decimate';
import { DEFAULT_MAX_POINTS, type LinePair } from '../live-charts/series';

export type LayerMetric = 'gradNorm' | 'weightNorm' | 'updateRatio' | 'firstMoment' | 'secondMoment';

export const LAYER_METRICS: Readonly<Record<LayerMetric, { title: string; yLabel: string; about: string }>> = {
  gradNorm: { title: 'Gradient norm by layer', yLabel: '‖g‖', about: 'The raw gradient of the loss, before clipping.' },
  weightNorm: { title: 'Weight norm by layer', yLabel: '‖w‖', about: 'How large the weights are.' },
  updateRatio: { title: 'Update / weight ratio by layer', yLabel: '‖Δw‖ / ‖w‖', about: 'How much one step changes the weights; about 1e-3 is healthy.' },
  firstMoment: { title: 'First moment (momentum) by layer', yLabel: 'mean |m|', about: 'The optimizer’s running average of the gradient.' },
  secondMoment: { title: 'Second moment by layer', yLabel: 'mean √v', about: 'The gradient scale the adaptive optimizers divide by (Adagrad: its accumulator).' },
};

const line = (runId: string, points: Point[]): LinePair => ({ runId, faint: [], main: lttb(drawable(points, true), DEFAULT_MAX_POINTS) });

/** The layers of a run's probes, in order of first appearance. */
export function layersOf(probes: readonly ProbeSample[]): string[] {
  const names = new Set<string>();
  for (const probe of probes) for (const layer of probe.layers) names.add(layer.layer);
  return [...names];
}

/** One line per layer of `metric` over steps. */
export function layerLines(probes: readonly ProbeSample[], metric: LayerMetric): LinePair[] {
  return layersOf(probes).map((name) => {
    const points: Point[] = [];
    for (const probe of probes) {
      const value = probe.layers.find((l: LayerProbe) => l.layer === name)?.[metric];
      if (value !== undefined) points.push({ x: probe.step, y: value });
    }
    return line(name, points);
  });
}

/** Whether any probe has this metric (SGD without momentum keeps no moments). */
export function hasLayerMetric(probes: readonly ProbeSample[], metric: LayerMetric): boolean {
  return probes.some((p) => p.layers.some((l) => l[metric] !== undefined));
}

/** The q-quantile of the effective step sizes over steps (exact where the probe measured it). */
function stepQuantileLine(id: string, probes: readonly ProbeSample[], q: number): LinePair {
  const points: Point[] = [];
  for (const probe of probes) {
    const value = probe.stepSizes ? stepSizeQuantile(probe.stepSizes, q) : undefined;
    if (value !== undefined) points.push({ x: probe.step, y: value });
  }
  return line(id, points);
}

/** The 10th, 50th and 90th percentile of a run's effective step sizes over steps. */
export function stepQuantileLines(probes: readonly ProbeSample[]): LinePair[] {
  return STEP_SIZE_QUANTILES.map((q) => stepQuantileLine(`p${q * 100}`, probes, q));
}

/** Every run's median effective step over steps: the optimizers side by side. */
export function medianStepLines(runs: readonly RunView[]): LinePair[] {
  return runs.map((run) => stepQuantileLine(run.id, run.probes ?? [], 0.5));
}
