import { openComparisonRepository } from '../persistence';
import type { ComparisonRepository } from '../persistence/types';
import { connectTraining } from './connect-training';
import { createLabStore, type LabStore } from './lab-store';
import type { TrainingConnection } from './worker-client';

export interface CreateLabOptions {
  /** Default: the IndexedDB repository. */
  readonly repository?: ComparisonRepository;
  /** Default: the training worker, with the main-thread fallback. */
  readonly connection?: TrainingConnection;
  readonly backends?: readonly string[];
}

/**
 * The lab as the page uses it: saved comparisons in IndexedDB, training in the worker
 * (or the fallback), and the store between them. Rejects only if IndexedDB cannot be
 * opened at all.
 */
export async function createLab(options: CreateLabOptions = {}): Promise<LabStore> {
  const repository = options.repository ?? (await openComparisonRepository());
  return createLabStore({ repository, host: options.connection ?? connectTraining(), backends: options.backends });
}
