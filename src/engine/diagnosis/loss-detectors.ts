/**
 * Detectors that read the loss and accuracy curves: divergence, a plateau from the
 * start, accuracy at chance, overfitting. Each threshold is a named constant with the
 * reason for its value.
 */
import type { Detector, RunRecords } from './types';
import { addDropout, addL2, clipGradients, earlyStopping, lowerLearningRate, raiseLearningRate, scaleInputs } from './fixes';
import { endWindows, formatNumber, mean, median, percent, relativeChange } from './series';

/**
 * Exploding: the latest tenth of the batch losses averages at least this many times the
 * run's lowest level (the lowest tenth, or its very first loss, the untrained network's,
 * if that was lower). Healthy curves wobble by tens of percent, not tenfold; SGD at 100 on
 * FCNN jumps from 2.8 to 4.7e4 in one step and stays near 35.
 */
export const EXPLODING_FACTOR = 10;
/**
 * Exploded: one batch loss at least this many times the first (the untrained network's),
 * even if it came back down. Raw pixels start around 300 and spike to a few thousand;
 * SGD at 50 on a small ReLU net reaches 3e24 before its units die.
 */
export const SPIKE_FACTOR = 1000;

/** A plateau is judged only after this many steps: the first steps of any run move little. */
export const PLATEAU_MIN_STEPS = 50;
/**
 * ...when the loss fell by less than this share from the first tenth of the steps to the
 * latest tenth (FCNN on Fashion-MNIST, 60 steps: Adagrad at 0.001 12%, SGD at 0.01 15%,
 * Adam 70%)...
 */
export const PLATEAU_MAX_DROP = 0.2;
/**
 * ...and the weights move by less than this share of their size per step (median over the
 * layers, latest probe). About 1e-3 is healthy (Karpathy's rule of thumb). Measured on
 * Fashion-MNIST after 60 steps: FCNN: Adam 4e-3, SGD at 0.01 5.6e-4, Adagrad at 0.001
 * 1.6e-4, Adadelta at 0.001 2e-5; a 784-128-64-10 ReLU net: RMSprop 7e-3, SGD 9e-4, Adagrad
 * 2.6e-4, Adadelta 1e-5. The threshold sits between SGD's and Adagrad's.
 */
export const PLATEAU_MAX_UPDATE_RATIO = 4e-4;
/** Without probes, only a loss that all but stands still counts. */
export const PLATEAU_MAX_DROP_WITHOUT_PROBES = 0.02;

/** Accuracy at most this far above chance (1 / classes) counts as chance. */
export const CHANCE_MARGIN = 0.05;
/**
 * "The loss moves": it changed by at least this share between the first and the latest
 * tenth. Below it the run is stuck (see plateau): Adadelta at 0.001 moves 2% in 60 steps.
 */
export const LOSS_MOVES = 0.05;

/** Overfitting: the validation loss has risen for at least this many epochs since its minimum... */
export const OVERFIT_MIN_EPOCHS = 2;
/** ...by at least this share of it, while the training loss kept falling. */
export const OVERFIT_MIN_RISE = 0.05;

const finiteLosses = (run: RunRecords) => run.losses.filter(Number.isFinite);

/** The run's loss stopped being finite, or it is growing by an order of magnitude. */
export const diverged: Detector = (run) => {
  const badIndex = run.losses.findIndex((loss) => !Number.isFinite(loss));
  const fix = run.learningRate <= 1e-5 ? clipGradients : lowerLearningRate(run);
  const why =
    'The steps are too large for this loss surface: each update overshoots, the loss and its gradients grow, and the numbers overflow. ' +
    'A learning rate that suits one optimizer can be far too large for another, and unscaled inputs make gradients larger still. ' +
    `A smaller learning rate fixes it; clipping the gradient norm (clipnorm ${clipGradients.patch.hyperparameters!.clipnorm}) is the other remedy.`;
  if (run.status === 'diverged' || badIndex !== -1) {
    const step = run.divergedAtStep ?? run.steps[badIndex];
    const before = run.losses.slice(0, badIndex === -1 ? undefined : badIndex).filter(Number.isFinite).at(-1);
    return {
      id: 'diverged',
      severity: 'problem',
      title: 'The run diverged',
      seen: `The loss stopped being a finite number${step !== undefined ? ` at step ${step}` : ''}${before !== undefined ? ` (the last finite value was ${formatNumber(before)})` : ''}.`,
      why,
      tryThis: fix,
    };
  }
  const losses = finiteLosses(run);
  const peak = losses.reduce((max, loss, i) => (loss > losses[max]! ? i : max), 0);
  if (losses.length > 1 && losses[0]! > 0 && losses[peak]! >= SPIKE_FACTOR * losses[0]!) {
    return {
      id: 'diverged',
      severity: 'problem',
      title: 'The loss exploded',
      seen: `The loss reached ${formatNumber(losses[peak]!)} at step ${run.steps[run.losses.indexOf(losses[peak]!)]}, from ${formatNumber(losses[0]!)} at the start; it is ${formatNumber(losses.at(-1)!)} now.`,
      why,
      tryThis: fix,
    };
  }
  const size = Math.max(3, Math.floor(losses.length / 10));
  if (losses.length < 3 * size) return undefined;
  let lowest = losses[0]!;
  for (let i = 0; i + size <= losses.length - size; i += size) lowest = Math.min(lowest, mean(losses.slice(i, i + size)));
  const latest = mean(losses.slice(-size));
  if (!(lowest > 0) || latest < EXPLODING_FACTOR * lowest) return undefined;
  return {
    id: 'diverged',
    severity: 'problem',
    title: 'The loss is exploding',
    seen: `The loss averages ${formatNumber(latest)} over the latest ${size} steps, ${formatNumber(latest / lowest)} times its lowest level (${formatNumber(lowest)}).`,
    why,
    tryThis: fix,
  };
};

/** Median update-to-weight ratio over the layers of the latest probe after the first step. */
function latestUpdateRatio(run: RunRecords): number | undefined {
  const probe = run.probes.filter((p) => p.step > 1).at(-1) ?? run.probes.at(-1);
  const ratios = probe?.layers.map((l) => l.updateRatio).filter(Number.isFinite) ?? [];
  return ratios.length > 0 ? median(ratios) : undefined;
}

/** From the start, the loss barely falls and the weights barely move: the learning rate is too small. */
export const plateau: Detector = (run) => {
  const lastStep = run.steps.at(-1) ?? 0;
  const windows = endWindows(finiteLosses(run));
  if (lastStep < PLATEAU_MIN_STEPS || !windows || run.status === 'diverged') return undefined;
  const drop = -relativeChange(windows.first, windows.last);
  const ratio = latestUpdateRatio(run);
  const flat = ratio === undefined ? drop < PLATEAU_MAX_DROP_WITHOUT_PROBES : drop < PLATEAU_MAX_DROP && ratio < PLATEAU_MAX_UPDATE_RATIO;
  if (!flat) return undefined;
  const fix = raiseLearningRate(run);
  return {
    id: 'plateau',
    severity: 'warning',
    title: 'Stuck from the start: the learning rate is too small for this optimizer',
    seen:
      `In ${lastStep} steps the loss went from ${formatNumber(windows.first)} to ${formatNumber(windows.last)} (${drop >= 0 ? 'down' : 'up'} ${percent(Math.abs(drop))})` +
      (ratio !== undefined ? `, and each step moves the weights by ${formatNumber(ratio)} of their size (about 1e-3 is healthy).` : '.'),
    why:
      `${run.label} at learning rate ${formatNumber(run.learningRate)} takes steps too small to get anywhere. ` +
      "Keras's stock 0.001 is a good value for Adam or RMSprop, but Adadelta multiplies its already small, self-scaled step by it, and Adagrad's steps only shrink as its accumulator grows: at 0.001 both crawl.",
    tryThis: fix,
  };
};

/** A classifier's accuracy sits at chance while its loss changes: it is not learning the classes. */
export const chanceAccuracy: Detector = (run) => {
  const last = run.epochs.at(-1);
  if (run.task !== 'classification' || run.classes < 2 || !last) return undefined;
  const accuracies = [last.accuracy, last.valAccuracy].filter((a): a is number => a !== undefined && Number.isFinite(a));
  const chance = 1 / run.classes;
  if (accuracies.length === 0 || Math.max(...accuracies) > chance + CHANCE_MARGIN) return undefined;
  const windows = endWindows(finiteLosses(run));
  if (!windows) return undefined;
  const change = relativeChange(windows.first, windows.last);
  if (Math.abs(change) < LOSS_MOVES) return undefined;
  const unscaled = run.scaling === 'none' && run.pixelInputs;
  const ratio = latestUpdateRatio(run);
  const crawling = !unscaled && ratio !== undefined && ratio < PLATEAU_MAX_UPDATE_RATIO;
  const shown = [last.accuracy !== undefined ? `training ${percent(last.accuracy)}` : '', last.valAccuracy !== undefined ? `validation ${percent(last.valAccuracy)}` : ''].filter(Boolean).join(', ');
  const why = unscaled
    ? 'With raw 0–255 inputs the logits are enormous: the loss can fall as the L2 penalty shrinks the weights or the output layer learns how frequent each class is, while every prediction stays a guess. Dropout on top of that (E2) keeps every optimizer at chance.'
    : crawling
      ? `The weights barely move (each step changes them by ${formatNumber(ratio!)} of their size): the learning rate is too small for ${run.label} to get past guessing yet.`
      : 'Common causes: unscaled inputs, a learning rate so large the network hops between poor states, or so much dropout or L2 that the penalty, not the data, decides the loss.';
  return {
    id: 'chance-accuracy',
    severity: 'problem',
    title: 'Accuracy at chance while the loss moves',
    seen:
      `After epoch ${last.epoch}, accuracy is ${shown}; guessing gives ${percent(chance)} with ${run.classes} classes. ` +
      `Meanwhile the loss went from ${formatNumber(windows.first)} to ${formatNumber(windows.last)} (${change < 0 ? 'down' : 'up'} ${percent(Math.abs(change))}).`,
    why: `The optimizer is changing something, but not what separates the classes. ${why}`,
    tryThis: unscaled ? scaleInputs(run) : crawling ? raiseLearningRate(run) : lowerLearningRate(run),
  };
};

/** Validation loss rising for epochs while the training loss still falls. */
export const overfitting: Detector = (run) => {
  const epochs = run.epochs.filter((e) => e.valLoss !== undefined && Number.isFinite(e.valLoss) && Number.isFinite(e.loss));
  if (epochs.length < OVERFIT_MIN_EPOCHS + 1) return undefined;
  const best = epochs.reduce((min, e) => (e.valLoss! < min.valLoss! ? e : min));
  const last = epochs.at(-1)!;
  const since = last.epoch - best.epoch;
  const rise = relativeChange(best.valLoss!, last.valLoss!);
  if (since < OVERFIT_MIN_EPOCHS || rise < OVERFIT_MIN_RISE || !(last.loss < best.loss)) return undefined;
  // A classifier that never got above chance has nothing to overfit: it is broken instead.
  const accuracy = Math.max(last.accuracy ?? Number.NaN, last.valAccuracy ?? Number.NaN);
  if (run.task === 'classification' && !(accuracy > 1 / run.classes + CHANCE_MARGIN)) return undefined;
  const fix = !run.hasEarlyStopping ? earlyStopping : !run.hasDropout ? addDropout : addL2;
  return {
    id: 'overfitting',
    severity: 'warning',
    title: `Overfitting since epoch ${best.epoch + 1}`,
    seen:
      `The validation loss was lowest at epoch ${best.epoch} (${formatNumber(best.valLoss!)}) and has risen to ${formatNumber(last.valLoss!)} by epoch ${last.epoch} (up ${percent(rise)}), ` +
      `while the training loss fell from ${formatNumber(best.loss)} to ${formatNumber(last.loss)}.`,
    why:
      'The network is memorising the training samples instead of learning what generalises: what it gains on them it loses on data it has not seen. ' +
      'Early stopping keeps the weights of the best epoch; dropout and an L2 penalty make memorising harder.',
    tryThis: fix,
  };
};
