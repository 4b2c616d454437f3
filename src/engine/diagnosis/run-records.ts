/**
 * A run's settings, resolved the way the engine resolves them (the run's own value, else
 * the comparison's, else the default), next to its records: what the detectors read.
 */
import type { DatasetName, ExperimentConfigInput } from '../experiment/config';
import { isKerasOptimizerName, optimizerSpecs } from '../optimizers/catalog';
import type { ProbeSample } from '../training/probe-types';
import type { EpochRecord, RunResult } from '../training/types';
import type { RunRecords } from './types';

/** What each dataset is, for the detectors: stored pixels or features, and its classes (0: regression). */
const DATASET_FACTS: Readonly<Record<DatasetName, { pixels: boolean; classes: number }>> = {
  'fashion-mnist': { pixels: true, classes: 10 },
  'cifar-10': { pixels: true, classes: 10 },
  spiral: { pixels: false, classes: 2 },
  prod: { pixels: false, classes: 0 },
};

export interface RunHistory {
  readonly steps: readonly number[];
  readonly losses: readonly number[];
  readonly epochs: readonly EpochRecord[];
  readonly probes: readonly ProbeSample[];
  readonly result?: RunResult;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A constant learning rate, or a schedule's first value. */
function initialLearningRate(value: unknown, fallback: number): number {
  if (typeof value === 'number') return value;
  if (!isObject(value)) return fallback;
  if (typeof value.initial_learning_rate === 'number') return value.initial_learning_rate;
  if (Array.isArray(value.values) && typeof value.values[0] === 'number') return value.values[0];
  return fallback;
}

function dropoutIsOn(dropout: unknown, architecture: string): boolean {
  // MCNN has dropout unless told otherwise.
  if (dropout === undefined) return architecture === 'mcnn';
  if (typeof dropout === 'number') return dropout > 0;
  return isObject(dropout) && ['input', 'conv', 'hidden'].some((site) => typeof dropout[site] === 'number' && (dropout[site] as number) > 0) && dropout.scale !== 0;
}

/** The run at `index` of `config` (a config parseExperiment accepts), with its records so far. */
export function runRecordsFor(config: ExperimentConfigInput, index: number, history: RunHistory): RunRecords {
  const run = config.runs[index]!;
  const optimizer = run.optimizer as { name?: unknown; hyperparameters?: Record<string, unknown> };
  const name = isKerasOptimizerName(optimizer.name) ? optimizer.name : 'sgd';
  const stock = optimizerSpecs[name].defaults.learning_rate as number;
  const facts = DATASET_FACTS[config.dataset.name];
  const model = { ...config.model, ...run.model };
  const earlyStopping = run.earlyStopping === undefined ? config.training.earlyStopping !== undefined : run.earlyStopping !== null;
  return {
    runId: run.id ?? `run-${index + 1}`,
    label: history.result?.label ?? run.label ?? name,
    optimizer: name,
    learningRate: initialLearningRate(optimizer.hyperparameters?.learning_rate, stock),
    scaling: run.scaling ?? config.training.scaling ?? 'minmax',
    pixelInputs: facts.pixels,
    task: facts.classes > 0 ? 'classification' : 'regression',
    classes: facts.classes,
    hasDropout: dropoutIsOn(model.dropout, config.architecture),
    hasEarlyStopping: earlyStopping,
    l2: model.l2 ?? 0,
    steps: history.steps,
    losses: history.losses,
    epochs: history.epochs,
    probes: history.probes,
    ...(history.result ? { status: history.result.status } : {}),
    ...(history.result?.divergedAtStep !== undefined ? { divergedAtStep: history.result.divergedAtStep } : {}),
  };
}
