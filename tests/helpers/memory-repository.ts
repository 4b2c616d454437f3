import type { ComparisonCheckpoint } from '../../src/engine/training/types';
import type { RunGallery } from '../../src/protocol/gallery';
import type { ComparisonRepository, ComparisonStatus, ComparisonSummary, StoredComparison } from '../../src/persistence/types';

/**
 * An in-memory ComparisonRepository for store tests. `log` lists every call in order;
 * `gate` lets a test hold a write open to see what the store shows meanwhile.
 */
export class MemoryRepository implements ComparisonRepository {
  readonly items = new Map<string, StoredComparison>();
  /** The latest checkpoint per comparison (kept as given, not copied). */
  readonly checkpoints = new Map<string, ComparisonCheckpoint>();
  /** The latest gallery per comparison and run. */
  readonly galleries = new Map<string, Record<string, RunGallery>>();
  readonly log: string[] = [];
  /** When set, appendRecords waits for this promise before writing. */
  gate: Promise<void> | undefined;
  failImport: Error | undefined;

  private update(id: string, change: (item: StoredComparison) => StoredComparison): void {
    const item = this.items.get(id);
    if (!item) throw new Error(`no comparison ${id}`);
    this.items.set(id, { ...change(item), updatedAt: item.updatedAt });
  }

  async create(comparison: StoredComparison): Promise<void> {
    this.log.push(`create ${comparison.id}`);
    this.items.set(comparison.id, comparison);
  }

  async appendRecords(id: string, records: Parameters<ComparisonRepository['appendRecords']>[1]): Promise<void> {
    if (this.gate) await this.gate;
    this.log.push(`append ${id} epochs=${records.epochs.length} batches=${records.batches.length}${records.probes?.length ? ` probes=${records.probes.length}` : ''}`);
    this.update(id, (item) => ({
      ...item,
      epochs: [...item.epochs, ...records.epochs],
      batches: [...item.batches, ...records.batches],
      probes: [...item.probes, ...(records.probes ?? [])],
    }));
  }

  async saveRunResult(id: string, result: Parameters<ComparisonRepository['saveRunResult']>[1]): Promise<void> {
    this.log.push(`result ${id} ${result.runId}`);
    this.update(id, (item) => ({ ...item, results: { ...item.results, [result.runId]: result } }));
  }

  async setStatus(id: string, status: ComparisonStatus, error?: string): Promise<void> {
    this.log.push(`status ${id} ${status}`);
    // Like the IndexedDB repository: the next status clears the error of the one before.
    this.update(id, ({ error: _previous, ...item }) => ({ ...item, status, ...(error ? { error } : {}) }));
  }

  async get(id: string): Promise<StoredComparison | undefined> {
    return this.items.get(id);
  }

  async list(): Promise<readonly ComparisonSummary[]> {
    return [...this.items.values()].map((item) => ({
      id: item.id,
      name: item.name,
      createdAt: item.createdAt,
      updatedAt: item.updatedAt,
      status: item.status,
      dataset: item.dataset,
      architecture: item.config.architecture,
      runCount: item.config.runs.length,
      epochsDone: Math.max(0, ...item.epochs.map((e) => e.epoch)),
      ...(this.checkpoints.has(item.id) ? { resumableFromEpoch: this.checkpoints.get(item.id)!.epochsCompleted } : {}),
    }));
  }

  async delete(id: string): Promise<void> {
    this.log.push(`delete ${id}`);
    this.items.delete(id);
    this.checkpoints.delete(id);
    this.galleries.delete(id);
  }

  async saveGallery(id: string, gallery: RunGallery): Promise<void> {
    this.log.push(`gallery ${id} ${gallery.runId} epoch=${gallery.epoch}`);
    if (!this.items.has(id)) throw new Error(`no comparison ${id}`);
    this.galleries.set(id, { ...this.galleries.get(id), [gallery.runId]: gallery });
  }

  async getGalleries(id: string): Promise<Readonly<Record<string, RunGallery>>> {
    return this.galleries.get(id) ?? {};
  }

  async saveCheckpoint(id: string, checkpoint: ComparisonCheckpoint): Promise<void> {
    this.log.push(`checkpoint ${id} epoch=${checkpoint.epochsCompleted}`);
    if (!this.items.has(id)) throw new Error(`no comparison ${id}`);
    this.checkpoints.set(id, checkpoint);
  }

  async getCheckpoint(id: string): Promise<ComparisonCheckpoint | undefined> {
    return this.checkpoints.get(id);
  }

  async deleteCheckpoint(id: string): Promise<void> {
    this.log.push(`delete checkpoint ${id}`);
    this.checkpoints.delete(id);
  }

  async rewind(id: string, to: Parameters<ComparisonRepository['rewind']>[1]): Promise<void> {
    this.log.push(`rewind ${id} to=${to.epochsCompleted}`);
    const keep = new Set(to.keepResultsOf);
    this.update(id, (item) => ({
      ...item,
      epochs: item.epochs.filter((e) => e.epoch <= to.epochsCompleted),
      batches: item.batches.filter((b) => b.epoch <= to.epochsCompleted),
      probes: item.probes.filter((p) => p.epoch <= to.epochsCompleted),
      results: Object.fromEntries(Object.entries(item.results).filter(([runId]) => keep.has(runId))),
    }));
  }

  async markInterrupted(): Promise<number> {
    this.log.push('markInterrupted');
    let count = 0;
    for (const item of this.items.values()) {
      if (item.status === 'running' || item.status === 'paused') {
        this.items.set(item.id, { ...item, status: 'interrupted' });
        count++;
      }
    }
    return count;
  }

  async importJson(text: string): Promise<StoredComparison> {
    if (this.failImport) throw this.failImport;
    const stored = JSON.parse(text) as StoredComparison;
    this.items.set(stored.id, stored);
    return stored;
  }

  async exportJson(id: string): Promise<string> {
    const item = this.items.get(id);
    if (!item) throw new Error(`no comparison ${id}`);
    return JSON.stringify(item);
  }
}
