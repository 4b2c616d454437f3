/**
 * The person's "Best by" choice, kept in localStorage so it survives a reload and holds
 * for every comparison they open (the table falls back to its default where the choice
 * does not apply, e.g. accuracy for a VAE, without forgetting it).
 */
import { useCallback, useState } from 'react';
import { isBestCriterionId, type BestCriterionId } from './best-criteria';

export const BEST_CRITERION_KEY = 'optimizer-lab.results.best-by';

/** Storage can be unavailable (a sandboxed frame, a full quota): the choice then lasts the page. */
function readStored(): BestCriterionId | undefined {
  try {
    const stored = globalThis.localStorage?.getItem(BEST_CRITERION_KEY);
    return isBestCriterionId(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

function store(id: BestCriterionId): void {
  try {
    globalThis.localStorage?.setItem(BEST_CRITERION_KEY, id);
  } catch {
    // Kept for this page only; see readStored.
  }
}

export function useBestCriterion(): readonly [BestCriterionId | undefined, (id: BestCriterionId) => void] {
  const [chosen, setChosen] = useState(readStored);
  const choose = useCallback((id: BestCriterionId) => {
    setChosen(id);
    store(id);
  }, []);
  return [chosen, choose] as const;
}
