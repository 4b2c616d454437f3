/**
 * The published results beside the lab's: which runs of a comparison a published figure
 * belongs to, and how far the comparison's setup is from the published one. A comparison
 * does not carry the preset it was loaded from (the form may have changed anything), so
 * runs are matched on what decides the figure: dataset, architecture (a VAE's shape, E2's
 * dropout and unscaled inputs) and optimizer name.
 */
import type { ExperimentConfigInput } from '../../../engine/experiment/config';
import {
  E1_PUBLISHED,
  E1_SETUP,
  E2_DROPOUT_UNSCALED_ACCURACY,
  E2_OPTIMIZERS,
  E2_SETUP,
  publishedBest,
  type E1Model,
  type E1Optimizer,
  type PublishedMetric,
  type PublishedSetup,
} from '../../../engine/experiment/published-results';
import { resolveVaeShape, VAE_MODELS, type VaeModelName } from '../../../engine/models/vae-catalog';
import type { ResultRow } from './results-model';

export interface PublishedFigure {
  readonly value: number;
  readonly metric: PublishedMetric;
  /** The published best of its model (bold in the spec's E1 table). */
  readonly best: boolean;
  /** The published model it belongs to, as the spec names it. */
  readonly model: string;
  /** Set where the run is not what was published beyond the comparison's setup. */
  readonly differs?: string;
  /** What the source says of the figure, where it is a behaviour rather than a measurement. */
  readonly says?: string;
}

export interface PublishedComparison {
  readonly setup: PublishedSetup;
  readonly models: readonly string[];
  /** Run id → its published figure; runs without one are absent. */
  readonly byRun: ReadonlyMap<string, PublishedFigure>;
}

type Config = ExperimentConfigInput;
type RunInput = Config['runs'][number];
type ModelInput = NonNullable<Config['model']>;

const E1_CLASSIFIERS: Readonly<Record<string, E1Model>> = { fcnn: 'fcnn', scnn: 'scnn', bcnn: 'bcnn', mcnn: 'mcnn' };
const MODEL_NAMES: Readonly<Record<E1Model, string>> = { fcnn: 'FCNN', scnn: 'SCNN', bcnn: 'BCNN', mcnn: 'MCNN', vae1: 'VAE1', vae2: 'VAE2' };
const E2_MODEL = 'MLP with dropout, inputs not scaled';

/** As parseExperiment names a run without an id. */
const runIdOf = (run: RunInput, index: number) => run.id ?? `run-${index + 1}`;

function optimizerOf(run: RunInput): { name?: string; stock: boolean } {
  const optimizer = run.optimizer as { name?: unknown; hyperparameters?: object } | undefined;
  const name = typeof optimizer?.name === 'string' ? optimizer.name : undefined;
  return { name, stock: !optimizer?.hyperparameters || Object.keys(optimizer.hyperparameters).length === 0 };
}

const modelOf = (config: Config, run: RunInput): ModelInput => ({ ...config.model, ...run.model });

function vaeModelOf(model: ModelInput): VaeModelName | undefined {
  const shape = resolveVaeShape({ filters: model.filters as [number, number] | undefined, kernelSize: model.kernelSize, latentDim: model.latentDim });
  return (Object.keys(VAE_MODELS) as VaeModelName[]).find((name) => {
    const published = VAE_MODELS[name];
    return published.kernelSize === shape.kernelSize && published.latentDim === shape.latentDim && published.filters.every((f, i) => f === shape.filters[i]);
  });
}

/** E1's model for a run of this comparison, if it is one. */
function e1ModelOf(config: Config, run: RunInput): E1Model | undefined {
  if (config.dataset.name !== 'fashion-mnist') return undefined;
  if (config.architecture === 'vae') return vaeModelOf(modelOf(config, run));
  return E1_CLASSIFIERS[config.architecture];
}

function isE2DropoutUnscaled(config: Config, run: RunInput): boolean {
  if (config.dataset.name !== 'cifar-10' || config.architecture !== 'mlp') return false;
  const { dropout } = modelOf(config, run);
  const scaling = run.scaling ?? config.training.scaling ?? 'minmax';
  return scaling === 'none' && typeof dropout === 'object' && dropout.input === 0.2 && dropout.hidden === 0.5;
}

function figureOf(config: Config, run: RunInput): { setup: PublishedSetup; figure: PublishedFigure } | undefined {
  const { name, stock } = optimizerOf(run);
  if (name === undefined) return undefined;
  const differs = stock ? undefined : 'your optimizer settings are not the stock ones';
  const e1 = e1ModelOf(config, run);
  if (e1) {
    const table = E1_PUBLISHED[e1];
    if (!Object.hasOwn(table.values, name)) return undefined;
    const optimizer = name as E1Optimizer;
    const figure = { value: table.values[optimizer], metric: table.metric, best: publishedBest(e1) === optimizer, model: MODEL_NAMES[e1], differs };
    return { setup: E1_SETUP, figure };
  }
  if (isE2DropoutUnscaled(config, run) && (E2_OPTIMIZERS as readonly string[]).includes(name)) {
    return { setup: E2_SETUP, figure: { value: E2_DROPOUT_UNSCALED_ACCURACY, metric: 'accuracy', best: false, model: E2_MODEL, differs, says: 'accuracy stays at 0.10 (chance)' } };
  }
  return undefined;
}

export function publishedFor(config: Config | undefined): PublishedComparison | undefined {
  if (!config) return undefined;
  const byRun = new Map<string, PublishedFigure>();
  let setup: PublishedSetup | undefined;
  config.runs.forEach((run, index) => {
    const found = figureOf(config, run);
    if (!found) return;
    setup ??= found.setup;
    byRun.set(runIdOf(run, index), found.figure);
  });
  if (!setup) return undefined;
  return { setup, models: [...new Set([...byRun.values()].map((figure) => figure.model))], byRun };
}

const count = (value: number) => value.toLocaleString('en-US');

/** The published setup and the comparison's, side by side in words. */
export function setupComparison(published: PublishedComparison, config: Config, rows: readonly ResultRow[]): { published: string; yours: string } {
  const { setup } = published;
  const planned = config.training.epochs;
  const done = Math.max(0, ...rows.map((row) => row.epochs));
  const subset = config.dataset.subset ?? setup.trainImages;
  const { validation } = config.dataset;
  const held = typeof validation === 'number' ? (validation < 1 ? Math.round(validation * subset) : Math.round(validation)) : 0;
  const batch = config.training.batchSize === 'full' ? 'the whole set per batch' : `batch ${config.training.batchSize}`;
  const epochs = (n: number) => `${n} epoch${n === 1 ? '' : 's'}`;
  return {
    published: `Published (${setup.experiment}, ${published.models.join(', ')}): ${epochs(setup.epochs)} on ${count(setup.trainImages)} images, batch ${setup.batchSize}, tested on ${count(setup.testImages)}.`,
    yours: `Yours: ${done === planned ? epochs(planned) : `${done} of ${epochs(planned)}`} on ${count(subset - held)} images, ${batch}, tested on ${count(config.dataset.testSubset ?? setup.testImages)}.`,
  };
}

/** The lab's figure to set beside a published one: the test accuracy, or a VAE's test loss. */
export function yoursFor(figure: PublishedFigure, row: ResultRow): number | undefined {
  return figure.metric === 'accuracy' ? row.testAccuracy : row.testLoss;
}

/** Yours minus published: percentage points for accuracies, the loss's own units for losses. */
export function differenceText(figure: PublishedFigure, row: ResultRow): string | undefined {
  const yours = yoursFor(figure, row);
  if (yours === undefined || !Number.isFinite(yours)) return undefined;
  const difference = figure.metric === 'accuracy' ? (yours - figure.value) * 100 : yours - figure.value;
  const sign = difference > 0 ? '+' : difference < 0 ? '−' : '±';
  return `${sign}${Math.abs(difference).toFixed(2)}${figure.metric === 'accuracy' ? ' pts' : ''}`;
}
