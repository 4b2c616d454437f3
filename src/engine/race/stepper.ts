/**
 * The optimizer race: every optimizer owns a 2-element `tf.Variable` holding its (x, y),
 * all start at the same point, and each lock-step hands every optimizer the surface's
 * analytic gradient at its own point through `optimizer.applyGradients`. The optimizers
 * are the training engine's own KerasOptimizer classes (from `createOptimizer`), so the
 * race steps by exactly the rules that train the networks; the state shown is read from
 * their slots (`slotsOf`).
 *
 * The gradient is computed in float64 and handed over in float32, as tfjs holds every
 * tensor. A racer diverges when its position, or its loss in float32, is no longer
 * finite: it stops at its last finite point and the others go on. Nothing here throws
 * for a diverging optimizer.
 *
 * Tensors: each step runs in `tf.tidy`; `dispose()` frees the variables and every slot.
 * Run it on the cpu backend: a step is a few dozen scalar kernels, which a GPU would
 * only slow down, and positions are read back synchronously after every step.
 */
import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '../../lib/errors';
import type { KerasOptimizer } from '../optimizers/base';
import { createOptimizer } from '../optimizers/registry';
import type { KerasOptimizerName } from '../optimizers/types';
import { isSurfaceName, surfaces, type Surface } from '../surfaces';
import { stateViews, type SlotVectors } from './state-view';
import { MAX_RACE_ENTRIES, type RaceEntryState, type RaceSetup, type Vec2 } from './types';

/** Receives each new point: the racer's index in the setup, its position and its loss. */
export type PointSink = (index: number, x: number, y: number, loss: number) => void;

interface Racer {
  readonly id: string;
  readonly name: KerasOptimizerName;
  readonly optimizer: KerasOptimizer;
  readonly variable: tf.Variable;
  step: number;
  x: number;
  y: number;
  loss: number;
  lastStep: Vec2;
  divergedAtStep: number | undefined;
}

const finite32 = (value: number): boolean => Number.isFinite(Math.fround(value));

function checkSetup(setup: RaceSetup): Surface {
  if (!isSurfaceName(setup.surface)) {
    throw new ConfigError('unknown-surface', `a surface, one of ${Object.keys(surfaces).join(', ')}`, JSON.stringify(setup.surface), 'surface');
  }
  const { x, y } = setup.start;
  if (!finite32(x) || !finite32(y)) throw new ConfigError('bad-start', 'a finite start point', `(${x}, ${y})`, 'start');
  const count = setup.entries.length;
  if (count < 1 || count > MAX_RACE_ENTRIES) {
    throw new ConfigError('bad-entries', `1 to ${MAX_RACE_ENTRIES} optimizers`, String(count), 'entries');
  }
  const ids = new Set(setup.entries.map((entry) => entry.id));
  if (ids.size !== count) throw new ConfigError('duplicate-id', 'a different id for every optimizer', 'a repeated id', 'entries');
  return surfaces[setup.surface];
}

export class RaceStepper {
  readonly surface: Surface;
  private readonly racers: Racer[] = [];
  private ticks = 0;

  /** Builds every optimizer (a ConfigError names a bad field, e.g. `entries[2].optimizer.hyperparameters.rho`). */
  constructor(readonly setup: RaceSetup) {
    this.surface = checkSetup(setup);
    const { x, y } = setup.start;
    const loss = this.surface.value(Math.fround(x), Math.fround(y));
    try {
      setup.entries.forEach((entry, i) => {
        const optimizer = createOptimizer(entry.optimizer, `entries[${i}].optimizer`);
        const variable = tf.tidy(() => tf.variable(tf.tensor1d([x, y], 'float32'), true));
        const [x32, y32] = variable.dataSync() as Float32Array;
        this.racers.push({ id: entry.id, name: optimizer.kerasName, optimizer, variable, step: 0, x: x32!, y: y32!, loss, lastStep: [0, 0], divergedAtStep: undefined });
      });
    } catch (error) {
      this.dispose();
      throw error;
    }
  }

  get size(): number {
    return this.racers.length;
  }

  /** Lock-steps taken so far (a racer that diverged has taken fewer updates). */
  get steps(): number {
    return this.ticks;
  }

  /** True when every racer has diverged: stepping does nothing more. */
  get allDiverged(): boolean {
    return this.racers.every((racer) => racer.divergedAtStep !== undefined);
  }

  /** Each racer's position and loss now, for a trail's first point. */
  positions(sink: PointSink): void {
    this.racers.forEach((racer, i) => sink(i, racer.x, racer.y, racer.loss));
  }

  /** One update for every racer still running; each new finite point goes to `sink`. */
  step(sink?: PointSink): void {
    this.ticks += 1;
    this.racers.forEach((racer, i) => {
      if (racer.divergedAtStep !== undefined) return;
      if (this.stepRacer(racer)) sink?.(i, racer.x, racer.y, racer.loss);
    });
  }

  private stepRacer(racer: Racer): boolean {
    const gradient = this.surface.gradient(racer.x, racer.y);
    tf.tidy(() => racer.optimizer.applyGradients([{ name: racer.variable.name, tensor: tf.tensor1d(gradient as [number, number], 'float32') }]));
    racer.step += 1;
    const [x, y] = racer.variable.dataSync() as Float32Array;
    const loss = this.surface.value(x!, y!);
    if (!Number.isFinite(x) || !Number.isFinite(y) || !finite32(loss)) {
      racer.divergedAtStep = racer.step;
      return false;
    }
    racer.lastStep = [x! - racer.x, y! - racer.y];
    racer.x = x!;
    racer.y = y!;
    racer.loss = loss;
    return true;
  }

  /** Every racer's state, its optimizer's slots read back (cheap on the cpu backend). */
  snapshot(): RaceEntryState[] {
    return this.racers.map((racer) => this.describe(racer));
  }

  private describe(racer: Racer): RaceEntryState {
    const view = stateViews[racer.name];
    const vectors: Record<string, Vec2> = {};
    for (const [name, tensor] of Object.entries(racer.optimizer.slotsOf(racer.variable))) {
      const [a, b] = tensor.dataSync() as Float32Array;
      vectors[name] = [a!, b!];
    }
    const slots: SlotVectors = vectors;
    const t = racer.optimizer.iterations;
    const momentum = view.momentum(slots);
    return {
      id: racer.id,
      step: racer.step,
      x: racer.x,
      y: racer.y,
      loss: racer.loss,
      diverged: racer.divergedAtStep !== undefined,
      ...(racer.divergedAtStep !== undefined ? { divergedAtStep: racer.divergedAtStep } : {}),
      gradient: this.surface.gradient(racer.x, racer.y),
      lastStep: racer.lastStep,
      learningRate: racer.optimizer.currentLearningRate,
      slots: Object.entries(slots).map(([name, values]) => ({ name, symbol: view.symbols[name] ?? name, values })),
      ...(t > 0
        ? { effectiveStep: view.effectiveStep({ hyperparameters: racer.optimizer.hyperparameters as unknown as Record<string, unknown>, slots, t, lr: racer.optimizer.learningRateAt(t - 1) }) }
        : {}),
      ...(momentum !== undefined ? { momentum } : {}),
    };
  }

  /** Frees every variable and optimizer slot. */
  dispose(): void {
    for (const racer of this.racers.splice(0)) {
      racer.optimizer.dispose();
      racer.variable.dispose();
    }
  }
}
