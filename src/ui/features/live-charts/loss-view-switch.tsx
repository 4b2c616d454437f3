/** For a generative comparison (the VAE): show the total loss per epoch, or one of its two parts. */
import { LOSS_VIEW_LABELS, type LossView } from './series';

export function LossViewSwitch({ value, onChange }: { value: LossView; onChange: (value: LossView) => void }) {
  return (
    <div className="chart-options">
      <fieldset className="segmented">
        <legend>Loss shown</legend>
        {(Object.keys(LOSS_VIEW_LABELS) as LossView[]).map((view) => (
          <label key={view} className={value === view ? 'selected' : undefined}>
            <input type="radio" name="loss-view" value={view} checked={value === view} onChange={() => onChange(view)} />
            {LOSS_VIEW_LABELS[view]}
          </label>
        ))}
      </fieldset>
      <span className="field-help">Per image: summed squared reconstruction error, KL divergence to N(0, I), or both (the total).</span>
    </div>
  );
}
