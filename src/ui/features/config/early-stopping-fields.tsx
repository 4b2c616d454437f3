/** Keras's EarlyStopping callback as fields: monitor, patience, min_delta, restore_best_weights. */
import { CheckboxField, SelectField, TextField } from '../../components/field';
import type { FieldErrors } from './form-to-config';
import type { EarlyStoppingForm, Monitor } from './form-model';

const MONITORS: readonly { value: Monitor; label: string }[] = [
  { value: 'val_loss', label: 'validation loss' },
  { value: 'val_accuracy', label: 'validation accuracy' },
  { value: 'loss', label: 'training loss' },
];

export function EarlyStoppingFields({
  path,
  value,
  errors,
  onChange,
}: {
  path: string;
  value: EarlyStoppingForm;
  errors: FieldErrors;
  onChange: (value: EarlyStoppingForm) => void;
}) {
  const set = (patch: Partial<EarlyStoppingForm>) => onChange({ ...value, ...patch });
  return (
    <div className="field-grid">
      <SelectField path={`${path}.monitor`} label="Monitor" value={value.monitor} options={MONITORS} onChange={(monitor) => set({ monitor })} error={errors[`${path}.monitor`]} />
      <TextField
        path={`${path}.patience`}
        label="Patience (epochs)"
        inputMode="numeric"
        value={value.patience}
        onChange={(patience) => set({ patience })}
        error={errors[`${path}.patience`]}
        help="Epochs without improvement before the run stops."
      />
      <TextField path={`${path}.minDelta`} label="Min delta" value={value.minDelta} onChange={(minDelta) => set({ minDelta })} error={errors[`${path}.minDelta`]} help="Smaller changes do not count as improvement." />
      <CheckboxField
        path={`${path}.restoreBestWeights`}
        label="Restore best weights"
        checked={value.restoreBestWeights}
        onChange={(restoreBestWeights) => set({ restoreBestWeights })}
        help="Test with the best epoch's weights, not the last."
      />
    </div>
  );
}
