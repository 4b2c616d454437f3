/** The charts' legend: one toggle button per run (click or Enter/Space hides and shows it everywhere). */
import { runColor } from '../../components/palette';

export function RunLegend({ labels, hidden, onToggle }: { labels: readonly string[]; hidden: ReadonlySet<number>; onToggle: (index: number) => void }) {
  return (
    <div className="run-legend" role="group" aria-label="Runs shown in the charts">
      {labels.map((label, i) => (
        <button key={i} type="button" className="legend-item" aria-pressed={!hidden.has(i)} onClick={() => onToggle(i)} title={hidden.has(i) ? 'Show this run' : 'Hide this run'}>
          <svg width="22" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="22" y2="5" stroke={runColor(i)} strokeWidth="3" />
          </svg>
          <span className={hidden.has(i) ? 'hidden-run' : undefined}>{label}</span>
        </button>
      ))}
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
    </div>
  );
}
