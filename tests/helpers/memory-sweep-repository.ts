import { summaryOf } from '../../src/persistence/sweep-repository';
import { restoreSweep } from '../../src/persistence/sweep-restore';
import type { StoredSweep, SweepRepository, SweepSummary } from '../../src/persistence/sweep-types';

/** An in-memory SweepRepository for store tests: validated like the real one, every call in `log`. */
export class MemorySweepRepository implements SweepRepository {
  readonly items = new Map<string, StoredSweep>();
  readonly log: string[] = [];

  async save(sweep: StoredSweep): Promise<void> {
    this.log.push(`save ${sweep.id} ${sweep.status} ${sweep.groups.map((g) => g.status[0]).join('')}`);
    this.items.set(sweep.id, restoreSweep(sweep, `sweep ${sweep.id}`));
  }

  async get(id: string): Promise<StoredSweep | undefined> {
    return this.items.get(id);
  }

  async list(): Promise<readonly SweepSummary[]> {
    return [...this.items.values()].map(summaryOf);
  }

  async delete(id: string): Promise<void> {
    this.log.push(`delete ${id}`);
    this.items.delete(id);
  }

  async markInterrupted(): Promise<number> {
    let count = 0;
    for (const sweep of this.items.values()) {
      if (sweep.status === 'running' || sweep.status === 'paused') {
        this.items.set(sweep.id, { ...sweep, status: 'interrupted' });
        count += 1;
      }
    }
    return count;
  }
}
