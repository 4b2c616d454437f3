/** The fixes the detectors offer, as "try this" values. */
import type { KerasOptimizerName } from '../optimizers/types';
import { formatNumber } from './series';
import type { RunPatch, RunRecords, TryThis } from './types';

/** A learning rate that makes the optimizer move, where Keras's stock value is known to be too small. */
const WORKING_LEARNING_RATE: Partial<Record<KerasOptimizerName, number>> = {
  // The paper's form (Zeiler 2012) has no learning rate, i.e. 1.0; Keras's docs suggest it too.
  adadelta: 1,
  // tfjs-layers' own default for 'adagrad', and Duchi et al.'s usual range.
  adagrad: 0.01,
  sgd: 0.1,
};

const rounded = (value: number): number => Number(value.toPrecision(2));

/** A fix whose target may differ from run to run: "Raise the learning rate" + "to 0.1". */
function fix(action: string, patch: RunPatch, target?: string): TryThis {
  return { action, ...(target !== undefined ? { target } : {}), label: target !== undefined ? `${action} ${target}` : action, patch };
}

export function setLearningRate(value: number, verb: 'Lower' | 'Raise'): TryThis {
  return fix(`${verb} the learning rate`, { hyperparameters: { learning_rate: value } }, `to ${formatNumber(value)}`);
}

export function lowerLearningRate(run: RunRecords, factor = 10): TryThis {
  return setLearningRate(rounded(run.learningRate / factor), 'Lower');
}

/** Where the stock rate is known to be too small, the value that works; otherwise ten times the rate. */
export function raiseLearningRate(run: RunRecords): TryThis {
  const known = WORKING_LEARNING_RATE[run.optimizer];
  const target = known !== undefined && known > run.learningRate ? known : rounded(run.learningRate * 10);
  return setLearningRate(target, 'Raise');
}

export const CLIP_NORM = 1;

export const clipGradients: TryThis = fix(`Clip each gradient to norm ${CLIP_NORM}`, { hyperparameters: { clipnorm: CLIP_NORM } });

/** Min-max for stored pixels (÷255); standardising for features with no fixed range. */
export function scaleInputs(run: RunRecords): TryThis {
  return run.pixelInputs ? fix('Scale the inputs to [0, 1]', { scaling: 'minmax' }) : fix('Standardise the inputs', { scaling: 'standardize' });
}

export const earlyStopping: TryThis = fix('Stop early at the best validation loss', {
  earlyStopping: { monitor: 'val_loss', patience: 3, minDelta: 0, restoreBestWeights: true },
});

export const addDropout: TryThis = fix('Add dropout 0.3', { model: { dropout: 0.3 } });

export const addL2: TryThis = fix('Add an L2 penalty of 0.001', { model: { l2: 0.001 } });
