import { AlreadyStoredError } from '../persistence/errors';
import type { ComparisonRepository, StoredComparison } from '../persistence/types';
import { viewFromStored } from './comparison-view';
import { withSavedGalleries } from './galleries';
import type { ComparisonView, LabActions, LabState } from './types';

export interface LibraryContext {
  readonly repository: ComparisonRepository;
  readonly setState: (update: (current: LabState) => LabState) => void;
  readonly notify: (kind: 'error' | 'info', text: string) => void;
  readonly refreshHistory: () => Promise<void>;
  /** The running comparison's live view, which is newer than what is saved. */
  readonly liveView: () => ComparisonView | undefined;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The saved comparisons: open one onto the screen, delete, export and import. Every
 * failure becomes a notice; an import that fails validation writes nothing (the
 * repository's promise) and says why. One already in the history writes nothing
 * either: its outcome names the stored entry, and the user may replace it or keep both.
 */
export function createLibraryActions(context: LibraryContext): Pick<LabActions, 'open' | 'delete' | 'exportJson' | 'importJson'> {
  const { repository, setState, notify, refreshHistory } = context;
  return {
    async open(comparisonId) {
      const live = context.liveView();
      if (live?.id === comparisonId) {
        setState((s) => ({ ...s, current: live }));
        return;
      }
      try {
        const stored = await repository.get(comparisonId);
        if (!stored) return notify('error', 'That comparison is no longer saved in this browser.');
        const view = await withSavedGalleries(viewFromStored(stored), repository, notify);
        setState((s) => {
          // Whether it has a checkpoint is in its summary: the checkpoint itself is not read.
          const resumableFromEpoch = s.history.find((summary) => summary.id === comparisonId)?.resumableFromEpoch;
          return { ...s, current: { ...view, ...(resumableFromEpoch !== undefined ? { resumableFromEpoch } : {}) } };
        });
      } catch (error) {
        notify('error', `Could not open the comparison: ${messageOf(error)}`);
      }
    },
    async delete(comparisonId) {
      if (context.liveView()?.id === comparisonId) return notify('error', 'This comparison is running: stop it before deleting it.');
      try {
        await repository.delete(comparisonId);
        // What is on screen about it goes with it: its charts, a notice about it.
        setState((s) => ({
          ...s,
          current: s.current?.id === comparisonId ? undefined : s.current,
          notice: s.notice?.comparisonId === comparisonId ? undefined : s.notice,
        }));
      } catch (error) {
        notify('error', `Could not delete the comparison: ${messageOf(error)}`);
      }
      await refreshHistory();
    },
    async exportJson(comparisonId) {
      try {
        return await repository.exportJson(comparisonId);
      } catch (error) {
        notify('error', `Could not export the comparison: ${messageOf(error)}`);
        return '';
      }
    },
    async importJson(text, whenStored) {
      let stored: StoredComparison;
      try {
        stored = await repository.importJson(text, { whenStored: whenStored ?? 'refuse' });
      } catch (error) {
        if (error instanceof AlreadyStoredError) return { kind: 'already-stored', name: error.stored.name, updatedAt: error.stored.updatedAt };
        notify('error', `The file was not imported: ${messageOf(error)}`);
        return { kind: 'failed' };
      }
      const said = whenStored === 'replace' ? `Replaced “${stored.name}” with the file’s copy.` : `Imported “${stored.name}”.`;
      setState((s) => ({ ...s, current: viewFromStored(stored), notice: { kind: 'info', text: said, comparisonId: stored.id } }));
      await refreshHistory();
      return { kind: 'imported' };
    },
  };
}
