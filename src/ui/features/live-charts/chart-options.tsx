/** The charts' shared controls: x axis (epoch, step, wall clock), log scale for loss, smoothing. */
import { X_MODE_LABELS, type XMode } from './series';

export interface ChartOptionsValue {
  readonly xMode: XMode;
  readonly logY: boolean;
  readonly smoothing: number;
}

export function ChartOptions({ value, onChange }: { value: ChartOptionsValue; onChange: (value: ChartOptionsValue) => void }) {
  const set = (patch: Partial<ChartOptionsValue>) => onChange({ ...value, ...patch });
  return (
    <div className="chart-options">
      <fieldset className="segmented">
        <legend>X axis</legend>
        {(Object.keys(X_MODE_LABELS) as XMode[]).map((mode) => (
          <label key={mode} className={value.xMode === mode ? 'selected' : undefined}>
            <input type="radio" name="x-axis" value={mode} checked={value.xMode === mode} onChange={() => set({ xMode: mode })} />
            {X_MODE_LABELS[mode].replace(' (s)', '')}
          </label>
        ))}
      </fieldset>
      <label className="inline">
        <input type="checkbox" checked={value.logY} onChange={(event) => set({ logY: event.target.checked })} />
        Log scale (loss)
      </label>
      <label className="inline smoothing">
        Smoothing
        <input
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={value.smoothing}
          onChange={(event) => set({ smoothing: Number(event.target.value) })}
          aria-valuetext={value.smoothing === 0 ? 'off' : String(value.smoothing)}
        />
        <output>{value.smoothing.toFixed(2)}</output>
      </label>
    </div>
  );
}
