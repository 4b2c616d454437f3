/**
 * Detectors that read the loss and accuracy curves: divergence, steps too small to get
 * anywhere, accuracy at chance, overfitting. The learning rate's direction comes from
 * one verdict (learning-rate.ts), so these never disagree on it.
 */
import type { Detector, RunRecords } from './types';
import { addDropout, addL2, clipGradients, earlyStopping, lowerLearningRate, raiseLearningRate, scaleInputs } from './fixes';
import { blowupOf, changeText, lossChange, rateVerdict } from './learning-rate';
import { formatNumber, percent, relativeChange } from './series';

/** Accuracy at most this far above chance (1 / classes) counts as chance. */
export const CHANCE_MARGIN = 0.05;
/**
 * "The loss moves": it changed by at least this share between the first and the latest
 * tenth. Below it the run is stuck, which the too-slow check reads with the step sizes.
 */
export const LOSS_MOVES = 0.05;

/** Overfitting: the validation loss has risen for at least this many epochs since its minimum... */
export const OVERFIT_MIN_EPOCHS = 2;
/** ...by at least this share of it, while the training loss kept falling. */
export const OVERFIT_MIN_RISE = 0.05;

const unscaledPixels = (run: RunRecords) => run.scaling === 'none' && run.pixelInputs;

/** The run's loss stopped being finite, or blew up far above where it started. */
export const diverged: Detector = (run) => {
  const blowup = blowupOf(run);
  if (!blowup) return undefined;
  const fix = unscaledPixels(run) ? scaleInputs(run) : run.learningRate <= 1e-5 ? clipGradients : lowerLearningRate(run);
  return {
    id: 'diverged',
    severity: 'problem',
    ...blowup,
    why:
      'The steps are too large for this loss surface: each update overshoots, the loss and its gradients grow, and the numbers overflow. ' +
      'A learning rate that suits one optimizer can be far too large for another, and unscaled inputs make gradients larger still. ' +
      `A smaller learning rate fixes it; clipping the gradient norm (clipnorm ${clipGradients.patch.hyperparameters!.clipnorm}) is the other remedy.`,
    tryThis: fix,
  };
};

/** The accuracy of the latest epoch, for a sentence: "training 10%, validation 8.2%". */
function accuracyText(run: RunRecords): string | undefined {
  const last = run.epochs.at(-1);
  if (!last || run.task !== 'classification') return undefined;
  const parts = [last.accuracy !== undefined ? `training ${percent(last.accuracy)}` : '', last.valAccuracy !== undefined ? `validation ${percent(last.valAccuracy)}` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** The loss falls little and each step barely moves the weights: the learning rate is too small. */
export const plateau: Detector = (run) => {
  const verdict = rateVerdict(run);
  if (verdict?.direction !== 'raise') return undefined;
  const { first, last, change, updateRatio } = verdict.slow;
  const accuracy = accuracyText(run);
  return {
    id: 'plateau',
    severity: 'warning',
    title: 'Too slow: the learning rate is too small for this optimizer',
    seen:
      `At learning rate ${formatNumber(run.learningRate)}, in ${run.steps.at(-1) ?? 0} steps the loss went from ${formatNumber(first)} to ${formatNumber(last)} (${changeText(change)})` +
      (updateRatio !== undefined ? `, and each step moves the weights by ${formatNumber(updateRatio)} of their size (about 1e-3 is healthy)` : '') +
      (accuracy ? `; accuracy after epoch ${run.epochs.at(-1)!.epoch}: ${accuracy}.` : '.'),
    why:
      'Steps this small get nowhere in the time a comparison has. ' +
      "Keras's stock 0.001 is a good value for Adam or RMSprop, but Adadelta multiplies its already small, self-scaled step by it, Adagrad's steps only shrink as its accumulator grows, and plain SGD moves by the raw gradient times the rate: at their stock rates all three crawl.",
    tryThis: raiseLearningRate(run),
  };
};

/**
 * A classifier's accuracy sits at chance while its loss changes, and no cause with a
 * notice of its own (a blown-up loss, dead units, steps too small) explains it. With
 * scaled inputs and nothing else to go on, it names the causes and offers no fix: a
 * rate too high and one too low both leave a network guessing.
 */
export const chanceAccuracy: Detector = (run) => {
  const last = run.epochs.at(-1);
  if (run.task !== 'classification' || run.classes < 2 || !last) return undefined;
  const accuracies = [last.accuracy, last.valAccuracy].filter((a): a is number => a !== undefined && Number.isFinite(a));
  const chance = 1 / run.classes;
  if (accuracies.length === 0 || Math.max(...accuracies) > chance + CHANCE_MARGIN) return undefined;
  const moved = lossChange(run);
  if (!moved || Math.abs(moved.change) < LOSS_MOVES) return undefined;
  const unscaled = unscaledPixels(run);
  if (!unscaled && rateVerdict(run)) return undefined;
  return {
    id: 'chance-accuracy',
    severity: 'problem',
    title: 'Accuracy at chance while the loss moves',
    seen:
      `After epoch ${last.epoch}, accuracy is ${accuracyText(run)}; guessing gives ${percent(chance)} with ${run.classes} classes. ` +
      `Meanwhile the loss went from ${formatNumber(moved.first)} to ${formatNumber(moved.last)} (${changeText(moved.change)}).`,
    why:
      'The optimizer is changing something, but not what separates the classes. ' +
      (unscaled
        ? 'With raw 0–255 inputs the logits are enormous: the loss can fall as the L2 penalty shrinks the weights or the output layer learns how frequent each class is, while every prediction stays a guess. Dropout on top of that (E2) keeps every optimizer at chance.'
        : 'Common causes: a learning rate so large the network hops between poor states, one so small it has not got past guessing yet, or so much dropout or L2 that the penalty, not the data, decides the loss. Compare its curve with the other runs’ before changing the rate.'),
    ...(unscaled ? { tryThis: scaleInputs(run) } : {}),
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
