import { openComparisonRepository } from '../../persistence/repository';
import { openSweepRepository } from '../../persistence/sweep-repository';
import { connectTraining } from '../connect-training';
import { createLabStore, type LabStore } from '../lab-store';
import { createSweepStore, type SweepStore } from './sweep-store';

/**
 * The lab with its sweeps, as the page uses them: comparisons and sweeps in IndexedDB,
 * training in the worker (or its fallback), the lab store, and the sweeps' store that
 * queues its groups through it and calibrates through the same connection.
 */
export async function createSweepLab(options: { readonly backends?: readonly string[] } = {}): Promise<{ lab: LabStore; sweeps: SweepStore }> {
  // One after the other: the first open upgrades the database, the second finds it current.
  const repository = await openComparisonRepository();
  const sweepRepository = await openSweepRepository();
  const connection = connectTraining();
  const lab = createLabStore({ repository, host: connection, backends: options.backends });
  const sweeps = createSweepStore({ repository: sweepRepository, lab, connection });
  return { lab, sweeps };
}
