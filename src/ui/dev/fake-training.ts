/**
 * Made-up training curves for the fake store: plausible, deterministic, cheap. Each run
 * learns at its own rate; a run whose learning rate is 1 or more diverges.
 */
import type { ExperimentConfigInput } from '../../engine/experiment/config';
import type { EpochRecord, RunResult } from '../../engine/training/types';
import type { RunView } from '../../client/types';

const SET_SIZES: Readonly<Record<string, number>> = { 'fashion-mnist': 60_000, 'cifar-10': 50_000, spiral: 1000, prod: 2500 };
const CLASSES: Readonly<Record<string, number>> = { 'fashion-mnist': 10, 'cifar-10': 10, spiral: 2, prod: 0 };

export interface FakePlan {
  readonly ticksPerEpoch: number;
  readonly epochs: number;
  readonly classes: number;
  /** Per run: how fast it learns, and the step at which it diverges (if it does). */
  readonly rates: readonly number[];
  readonly divergeAt: readonly (number | undefined)[];
}

export function fakePlan(config: ExperimentConfigInput): FakePlan {
  const size = config.dataset.subset ?? config.dataset.count ?? SET_SIZES[config.dataset.name] ?? 1000;
  const batch = config.training.batchSize === 'full' ? size : config.training.batchSize;
  const ticksPerEpoch = Math.max(1, Math.min(120, Math.ceil(size / Math.max(1, batch))));
  return {
    ticksPerEpoch,
    epochs: config.training.epochs,
    classes: CLASSES[config.dataset.name] ?? 10,
    rates: config.runs.map((_, i) => 0.35 + ((i * 0.37) % 1)),
    divergeAt: config.runs.map((run) => {
      const lr = (run.optimizer as { hyperparameters?: { learning_rate?: unknown } }).hyperparameters?.learning_rate;
      return typeof lr === 'number' && lr >= 1 ? Math.ceil(ticksPerEpoch * 1.5) : undefined;
    }),
  };
}

/** A small deterministic noise source (no Math.random: the same fake every time). */
export function noise(seed: number): number {
  const x = Math.sin(seed * 12.9898) * 43758.5453;
  return x - Math.floor(x) - 0.5;
}

export function fakeLoss(plan: FakePlan, runIndex: number, step: number): number {
  if (plan.divergeAt[runIndex] !== undefined && step >= plan.divergeAt[runIndex]!) return Number.NaN;
  const progress = step / plan.ticksPerEpoch;
  const floor = 0.25 + 0.1 * runIndex;
  const start = plan.classes ? Math.log(plan.classes) : 1;
  return floor + (start - floor) * Math.exp(-progress * plan.rates[runIndex]!) + 0.15 * noise(step * 31 + runIndex);
}

export function fakeEpoch(plan: FakePlan, run: RunView, runIndex: number, epoch: number, elapsedSeconds: number): EpochRecord {
  const losses = run.losses.slice(-plan.ticksPerEpoch);
  const loss = losses.reduce((a, b) => a + b, 0) / Math.max(1, losses.length);
  const accuracy = plan.classes ? Math.max(0, Math.min(1, 1 - loss / 2.6)) : undefined;
  return {
    runId: run.id,
    epoch,
    steps: run.steps.at(-1) ?? 0,
    loss,
    accuracy,
    valLoss: loss * 1.08 + 0.02 * epoch * 0.1,
    valAccuracy: accuracy === undefined ? undefined : Math.max(0, accuracy - 0.03),
    trainSeconds: plan.ticksPerEpoch * 0.01 * (1 + runIndex * 0.2),
    elapsedSeconds,
  };
}

function confusion(classes: number, accuracy: number, seed: number): number[][] {
  const perClass = 100;
  return Array.from({ length: classes }, (_, i) => {
    const hits = Math.round(perClass * Math.max(0.05, Math.min(1, accuracy + 0.2 * noise(seed + i))));
    const row = new Array<number>(classes).fill(0);
    row[i] = hits;
    for (let k = 0; k < perClass - hits; k++) row[(i + 1 + ((k * 7 + seed) % (classes - 1 || 1))) % classes]! += 1;
    return row;
  });
}

export function fakeResult(plan: FakePlan, run: RunView, runIndex: number, status: RunResult['status']): RunResult {
  const last = run.epochs.at(-1);
  const diverged = status === 'diverged';
  const accuracies = run.epochs.map((e) => e.valAccuracy ?? -1);
  const best = accuracies.indexOf(Math.max(...accuracies));
  return {
    runId: run.id,
    label: run.label,
    status,
    ...(diverged ? { divergedAtStep: plan.divergeAt[runIndex] } : {}),
    epochsCompleted: run.epochs.length,
    ...(best >= 0 && run.epochs[best] ? { bestEpoch: run.epochs[best]!.epoch } : {}),
    test: diverged
      ? { loss: Number.NaN }
      : {
          loss: (last?.valLoss ?? 1) * 1.01,
          ...(plan.classes && last?.valAccuracy !== undefined
            ? { accuracy: last.valAccuracy - 0.005, confusion: confusion(plan.classes, last.valAccuracy, runIndex * 13) }
            : {}),
        },
    trainSeconds: run.epochs.reduce((sum, e) => sum + e.trainSeconds, 0),
  };
}
