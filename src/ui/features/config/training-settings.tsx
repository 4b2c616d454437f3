/** Epochs, batch size (1 = stochastic, full = batch gradient descent), scaling, seed, early stopping. */
import { CheckboxField, SelectField, TextField } from '../../components/field';
import { scalingChoices } from '../datasets/scaling-choices';
import { useConfigForm } from './config-form-context';
import { EarlyStoppingFields } from './early-stopping-fields';
import type { ConfigForm } from './form-model';

type TrainingForm = ConfigForm['training'];
type BatchMode = 'mini' | 'stochastic' | 'full';

const BATCH_MODES: readonly { value: BatchMode; label: string }[] = [
  { value: 'mini', label: 'mini-batch' },
  { value: 'stochastic', label: 'stochastic (1 sample)' },
  { value: 'full', label: 'full batch (batch gradient descent)' },
];

export function batchMode(text: string): BatchMode {
  const t = text.trim().toLowerCase();
  return t === 'full' ? 'full' : t === '1' ? 'stochastic' : 'mini';
}

export function TrainingSettings() {
  const { form, errors, update } = useConfigForm();
  const t = form.training;
  const set = (patch: Partial<TrainingForm>) => update((f) => ({ ...f, training: { ...f.training, ...patch } }));
  const mode = batchMode(t.batchSize);
  return (
    <section aria-labelledby="training-heading" className="subsection">
      <h3 id="training-heading">Training</h3>
      <div className="field-grid">
        <TextField path="training.epochs" label="Epochs" inputMode="numeric" value={t.epochs} onChange={(epochs) => set({ epochs })} error={errors['training.epochs']} />
        <SelectField<BatchMode>
          path="training.batchSize.mode"
          label="Batches"
          value={mode}
          options={BATCH_MODES}
          onChange={(next) => set({ batchSize: next === 'full' ? 'full' : next === 'stochastic' ? '1' : '32' })}
        />
        {mode === 'mini' && (
          <TextField path="training.batchSize" label="Batch size" inputMode="numeric" value={t.batchSize} onChange={(batchSize) => set({ batchSize })} error={errors['training.batchSize']} />
        )}
        <SelectField path="training.scaling" label="Input scaling" value={t.scaling} options={scalingChoices(form.dataset.name, t.scaling)} onChange={(scaling) => set({ scaling })} error={errors['training.scaling']} />
        <TextField
          path="training.seed"
          label="Seed"
          inputMode="numeric"
          value={t.seed}
          onChange={(seed) => set({ seed })}
          error={errors['training.seed']}
          help="Same seed: same initial weights and batches for every run."
        />
        <CheckboxField path="training.earlyStopping.enabled" label="Early stopping" checked={t.earlyStopping} onChange={(earlyStopping) => set({ earlyStopping })} />
      </div>
      {mode !== 'mini' && errors['training.batchSize'] && <p className="field-error">{errors['training.batchSize']}</p>}
      {t.earlyStopping && <EarlyStoppingFields path="training.earlyStopping" value={t.es} errors={errors} onChange={(es) => set({ es })} />}
    </section>
  );
}
