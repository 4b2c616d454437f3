/**
 * The charts' legend: one toggle button per line (a run, or a layer), click or Enter/Space
 * hides and shows it everywhere; and, for the epoch charts, the key to dashed and solid.
 */
import { runColor } from '../../components/palette';

export interface RunLegendProps {
  readonly labels: readonly string[];
  readonly hidden: ReadonlySet<number>;
  readonly onToggle: (index: number) => void;
  /** Default: the runs of the live charts. */
  readonly name?: string;
  /** Whether to explain dashed (training) and solid (validation). Default true. */
  readonly lineKey?: boolean;
}

export function RunLegend({ labels, hidden, onToggle, name = 'Runs shown in the charts', lineKey = true }: RunLegendProps) {
  return (
    <div className="run-legend" role="group" aria-label={name}>
      {labels.map((label, i) => (
        <button key={i} type="button" className="legend-item" aria-pressed={!hidden.has(i)} onClick={() => onToggle(i)} title={hidden.has(i) ? `Show ${label}` : `Hide ${label}`}>
          <svg width="22" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="22" y2="5" stroke={runColor(i)} strokeWidth="3" />
          </svg>
          <span className={hidden.has(i) ? 'hidden-run' : undefined}>{label}</span>
        </button>
      ))}
      {lineKey && <LineStyleKey />}
    </div>
  );
}

/** The key to the epoch charts' lines: dashed training, solid validation. */
export function LineStyleKey() {
  return (
    <span className="field-help legend-key">
      <svg width="22" height="8" aria-hidden="true">
        <line x1="0" y1="4" x2="22" y2="4" stroke="#555" strokeWidth="1.5" strokeDasharray="5 4" />
      </svg>{' '}
      training{' '}
      <svg width="22" height="8" aria-hidden="true">
        <line x1="0" y1="4" x2="22" y2="4" stroke="#555" strokeWidth="2" />
      </svg>{' '}
      validation
    </span>
  );
}
