/**
 * Files of the comparison on screen: the whole comparison as JSON (versioned, re-importable)
 * and its curves as CSV (per-epoch metrics and per-batch losses, the persistence module's
 * tidy format). The CSV writer loads on first use: it validates the config with the
 * engine's parser, which must not weigh on the page's first load.
 */
import { useState } from 'react';
import type { ComparisonView } from '../../../client/types';
import { storedFromView } from '../../../client/comparison-view';
import { useLabActions } from '../../app/lab-store-context';
import { downloadText, safeFileName } from '../../components/download';

export function ComparisonFiles({ comparison }: { comparison: ComparisonView }) {
  const actions = useLabActions();
  const [problem, setProblem] = useState<string>();
  const base = safeFileName(comparison.name);
  const run = async (task: () => Promise<void>) => {
    setProblem(undefined);
    try {
      await task();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  const exportJson = () =>
    run(async () => {
      const text = await actions.exportJson(comparison.id);
      downloadText(text, `${base}.json`, 'application/json');
    });
  const exportCsv = (part: 'epochs' | 'batches') =>
    run(async () => {
      const { comparisonToCsv } = await import('../../../persistence/csv');
      const csv = comparisonToCsv(storedFromView(comparison, new Date().toISOString()));
      downloadText(csv[part], `${base}-${part}.csv`, 'text/csv');
    });
  return (
    <span className="files" role="group" aria-label="Download this comparison">
      <button type="button" onClick={() => void exportJson()}>
        Export JSON
      </button>
      <button type="button" onClick={() => void exportCsv('epochs')}>
        Epoch curves CSV
      </button>
      <button type="button" onClick={() => void exportCsv('batches')}>
        Batch losses CSV
      </button>
      {problem && (
        <span role="alert" className="field-error">
          {problem}
        </span>
      )}
    </span>
  );
}
