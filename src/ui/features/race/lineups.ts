/**
 * The optimizers a race on each surface starts with: the ones a lecture on momentum and
 * adaptive steps compares, at learning rates that show each surface's lesson (tuned by
 * running them: on the bowl SGD sits near its stability limit 2/b = 0.5; on Rosenbrock
 * Keras's default SGD lr 0.01 would overflow within steps), and a speed at which that
 * lesson plays out in a few seconds.
 */
import type { OptimizerConfig } from '../../../engine/optimizers/catalog';
import type { SurfaceName } from '../../../engine/surfaces';

export interface LineupEntry {
  readonly label: string;
  readonly optimizer: OptimizerConfig;
}

export interface Lineup {
  readonly entries: readonly LineupEntry[];
  /** Steps per second. */
  readonly speed: number;
}

interface Rates {
  readonly sgd: number;
  readonly momentum: number;
  readonly adagrad: number;
  readonly rmsprop: number;
  readonly adam: number;
}

function lecture(rates: Rates, speed: number, extra: readonly LineupEntry[] = []): Lineup {
  return {
    speed,
    entries: [
      { label: 'SGD', optimizer: { name: 'sgd', hyperparameters: { learning_rate: rates.sgd } } },
      { label: 'Momentum', optimizer: { name: 'sgd', hyperparameters: { learning_rate: rates.momentum, momentum: 0.9 } } },
      { label: 'Nesterov', optimizer: { name: 'sgd', hyperparameters: { learning_rate: rates.momentum, momentum: 0.9, nesterov: true } } },
      { label: 'Adagrad', optimizer: { name: 'adagrad', hyperparameters: { learning_rate: rates.adagrad } } },
      { label: 'RMSprop', optimizer: { name: 'rmsprop', hyperparameters: { learning_rate: rates.rmsprop } } },
      { label: 'Adam', optimizer: { name: 'adam', hyperparameters: { learning_rate: rates.adam } } },
      ...extra,
    ],
  };
}

export const LINEUPS: { readonly [K in SurfaceName]: Lineup } = {
  'elongated-bowl': lecture({ sgd: 0.48, momentum: 0.1, adagrad: 1, rmsprop: 0.1, adam: 0.3 }, 10),
  rosenbrock: lecture({ sgd: 0.001, momentum: 0.0005, adagrad: 0.5, rmsprop: 0.01, adam: 0.05 }, 200),
  beale: lecture({ sgd: 0.01, momentum: 0.001, adagrad: 0.5, rmsprop: 0.01, adam: 0.05 }, 50),
  // Adadelta (lr 1, the paper's form) takes another basin from the same start.
  himmelblau: lecture({ sgd: 0.01, momentum: 0.005, adagrad: 0.5, rmsprop: 0.02, adam: 0.1 }, 50, [
    { label: 'Adadelta', optimizer: { name: 'adadelta', hyperparameters: { learning_rate: 1 } } },
  ]),
  saddle: lecture({ sgd: 0.01, momentum: 0.01, adagrad: 0.1, rmsprop: 0.01, adam: 0.05 }, 20),
};
