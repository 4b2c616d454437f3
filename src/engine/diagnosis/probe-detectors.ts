/**
 * Detectors that read the probes (engine/training/probes.ts): what the network was fed,
 * how many ReLU units are dead, and how the gradient norms compare across layers. Each
 * threshold is a named constant with the reason for its value; the learning rate's
 * direction comes from the run's one verdict (learning-rate.ts).
 */
import type { LayerProbe, ProbeSample } from '../training/probe-types';
import { clipGradients, lowerLearningRate, scaleInputs } from './fixes';
import { dyingLayers, rateVerdict } from './learning-rate';
import { formatNumber, percent } from './series';
import type { Detector, RunRecords } from './types';

/**
 * Inputs count as unscaled when a batch holds values beyond ±this. Min-max scaled inputs
 * lie in [0, 1]; standardised pixels stay within about ±3 (a channel's extreme values
 * are a few standard deviations from its mean); the synthetic sets lie within ±2. Raw
 * pixels reach 255.
 */
export const UNSCALED_MAX_ABS = 10;

/** Vanishing: a layer's gradient norm below this share of the largest layer's. Healthy nets stay within 1/10. */
export const VANISHING_RATIO = 1e-3;
/**
 * Exploding: a layer's gradient norm above this. The loss is a batch mean, so healthy
 * gradient norms are of order 0.01–10 (FCNN and E2's MLP on scaled Fashion-MNIST: at most
 * 4); E2's MLP on raw pixels gives 80–800 after its first steps, 2000 at the first.
 */
export const EXPLODING_NORM = 100;

const latest = (run: RunRecords): ProbeSample | undefined => run.probes.at(-1);

/** The batches hold values far outside [0, 1] and far from a standardised range. */
export const inputsNotScaled: Detector = (run) => {
  const probe = latest(run);
  if (!probe) return undefined;
  const { min, max, mean, std } = probe.input;
  if (!(Math.max(Math.abs(min), Math.abs(max)) > UNSCALED_MAX_ABS)) return undefined;
  const raw = run.scaling === 'none';
  return {
    id: 'inputs-not-scaled',
    severity: 'problem',
    title: 'The inputs are not scaled',
    seen:
      `The batches the network trains on hold values from ${formatNumber(min)} to ${formatNumber(max)} (mean ${formatNumber(mean)}, std ${formatNumber(std)}). ` +
      'Scaled inputs lie in [0, 1], or around 0 with a spread of about 1.',
    why:
      (raw ? 'Input scaling is off for this run, so raw values go into the first layer. ' : '') +
      'Its weights were initialised for inputs of size about 1: with values in the hundreds every pre-activation is hundreds of times too large. ' +
      'The first layer’s gradients are as large, ReLU units saturate or die, and a few enormous logits decide the loss: it can fall while the accuracy stays poor (E2, where nothing learnt with dropout).',
    tryThis: scaleInputs(run),
  };
};

/** A large share of a ReLU layer's units output 0 for every input. */
export const deadRelu: Detector = (run) => {
  const dying = dyingLayers(run);
  if (dying.length === 0) return undefined;
  const list = dying.map((d) => `${d.layer} ${percent(d.share)}`).join(', ');
  return {
    id: 'dead-relu',
    severity: 'warning',
    title: 'Most ReLU units are dead',
    seen: `Units that gave 0 for every sample of the latest batches: ${list}.`,
    why:
      'A ReLU unit whose input is negative for every sample outputs 0 and gets no gradient, so it never recovers. ' +
      'A step that is too large (a high learning rate, or huge unscaled inputs) pushes many units there at once; the layer then passes on almost nothing and the layers before it stop learning.',
    tryThis: run.scaling === 'none' && run.pixelInputs ? scaleInputs(run) : lowerLearningRate(run),
  };
};

/** The latest probe's layers with a finite gradient norm. */
const finiteGradients = (probe: ProbeSample): LayerProbe[] => probe.layers.filter((l) => Number.isFinite(l.gradNorm));

/** Gradients vanish in some layers, or explode. */
export const gradientNorms: Detector = (run) => {
  const probe = run.probes.filter((p) => p.step > 1).at(-1);
  if (!probe) return undefined;
  const layers = finiteGradients(probe);
  if (layers.length === 0) return undefined;
  const largest = layers.reduce((a, b) => (b.gradNorm > a.gradNorm ? b : a));
  const list = layers.map((l) => `${l.layer} ${formatNumber(l.gradNorm)}`).join(', ');
  if (largest.gradNorm > EXPLODING_NORM) {
    return {
      id: 'gradient-norms',
      severity: 'warning',
      title: 'Exploding gradients',
      seen: `Gradient norms by layer at step ${probe.step}: ${list}. Above ${formatNumber(EXPLODING_NORM)} is far beyond what a batch-mean loss gives a healthy network.`,
      why:
        'Gradients this large make every step a jump: the loss spikes and can overflow. Unscaled inputs multiply the first layer’s gradient by the size of the inputs; a large learning rate lets the weights, and with them the gradients, grow. ' +
        'Clipping the gradient norm bounds each step whatever the cause.',
      tryThis: run.scaling === 'none' && run.pixelInputs ? scaleInputs(run) : clipGradients,
    };
  }
  const vanishing = layers.filter((l) => l.gradNorm < VANISHING_RATIO * largest.gradNorm);
  if (vanishing.length === 0 || !(largest.gradNorm > 0)) return undefined;
  return {
    id: 'gradient-norms',
    severity: 'warning',
    title: 'Vanishing gradients',
    seen:
      `Gradient norms by layer at step ${probe.step}: ${list}. ` +
      `${vanishing.map((l) => l.layer).join(', ')} get${vanishing.length === 1 ? 's' : ''} less than ${formatNumber(VANISHING_RATIO)} of the gradient ${largest.layer} gets.`,
    why:
      'Those layers barely learn: the signal that reaches them through the layers above is almost nothing. ' +
      'Dead ReLU units pass no gradient at all; saturated sigmoid or tanh units pass very little. A learning rate too large pushes units there, ' +
      'but unless the loss blew up or the units died, this alone does not tell which way to change the rate.',
    // Only where the run's own records say the rate is too high: vanishing alone does not tell the direction.
    ...(rateVerdict(run)?.direction === 'lower' ? { tryThis: lowerLearningRate(run) } : {}),
  };
};
