/**
 * For a comparison that stopped before its end (interrupted by a reload, stopped, or
 * failed): go on from its last checkpoint, or start it again as a new comparison.
 */
import { canBeResumed, resumableEpoch } from '../../../client/comparison-view';
import type { ComparisonStatus } from '../../../persistence/types';
import { useLabActions } from '../../app/lab-store-context';

export interface ResumeControlsProps {
  readonly id: string;
  readonly name: string;
  readonly status: ComparisonStatus;
  /** The epochs its checkpoint covers; absent without one (then only Restart is offered). */
  readonly resumableFromEpoch?: number;
  /** 'small' in the history list: small buttons, named after the comparison. */
  readonly size?: 'small';
}

export function ResumeControls({ id, name, status, resumableFromEpoch, size }: ResumeControlsProps) {
  const actions = useLabActions();
  if (!canBeResumed(status)) return null;
  const done = resumableEpoch({ status, resumableFromEpoch });
  const small = size === 'small' ? 'small ' : '';
  return (
    <>
      {done !== undefined && (
        <button
          type="button"
          className={`${small}primary`}
          onClick={() => void actions.resumeComparison(id)}
          aria-label={`Resume ${name} from epoch ${done + 1}`}
          title={`Epochs 1 to ${done} are kept; training goes on with epoch ${done + 1}, exactly as if it had never stopped.`}
        >
          Resume from epoch {done + 1}
        </button>
      )}
      <button
        type="button"
        className={small.trim() || undefined}
        onClick={() => void actions.restartComparison(id)}
        // In the history list every item has one: the name tells them apart.
        aria-label={size === 'small' ? `Restart ${name}` : undefined}
        title="Start it again from the beginning, as a new comparison; this one stays in the history."
      >
        {size === 'small' ? 'Restart' : 'Restart from the beginning'}
      </button>
    </>
  );
}
