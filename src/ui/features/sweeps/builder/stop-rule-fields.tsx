/** Each run's finish line (a target metric, a time limit, an epoch limit), the group size and what ranks the trials. */
import { SelectField, TextField } from '../../../components/field';
import { OBJECTIVES, OBJECTIVE_INFO, type Objective } from '../../../../engine/sweeps/objective';
import type { TargetMetric } from '../../../../engine/training/types';
import type { SweepForm } from './sweep-form';
import { useSweepForm } from './sweep-form-context';

const TARGETS: readonly { value: '' | TargetMetric; label: string }[] = [
  { value: '', label: 'none' },
  { value: 'accuracy', label: 'train accuracy ≥' },
  { value: 'val_accuracy', label: 'validation accuracy ≥' },
  { value: 'loss', label: 'training loss ≤' },
  { value: 'val_loss', label: 'validation loss ≤' },
];

export function StopRuleFields() {
  const { form, errors, update } = useSweepForm();
  const set = (patch: Partial<SweepForm>) => update((f) => ({ ...f, ...patch }));
  return (
    <section aria-labelledby="stop-rule-heading" className="subsection">
      <h3 id="stop-rule-heading">Each run stops at</h3>
      {errors['base.training.stopRule'] && <p className="field-error">{errors['base.training.stopRule']}</p>}
      <div className="field-grid">
        <SelectField<'' | TargetMetric> path="base.training.stopRule.target.metric" label="Target" value={form.targetMetric} options={TARGETS} onChange={(targetMetric) => set({ targetMetric })} />
        {form.targetMetric && (
          <TextField path="base.training.stopRule.target.value" label="Target value" value={form.targetValue} onChange={(targetValue) => set({ targetValue })} error={errors['base.training.stopRule.target.value']} help="E4: train accuracy 0.97." />
        )}
        <TextField path="base.training.stopRule.maxSeconds" label="Time limit (s)" value={form.maxSeconds} placeholder="none" onChange={(maxSeconds) => set({ maxSeconds })} error={errors['base.training.stopRule.maxSeconds']} help="Of the run’s own training." />
        <TextField path="base.training.stopRule.maxEpochs" label="Epoch limit" inputMode="numeric" value={form.maxEpochs} placeholder="the epochs" onChange={(maxEpochs) => set({ maxEpochs })} error={errors['base.training.stopRule.maxEpochs']} />
        <TextField path="groupSize" label="Runs per group" inputMode="numeric" value={form.groupSize} onChange={(groupSize) => set({ groupSize })} error={errors.groupSize} help="Trained together in lock-step (1–16): memory for this many models." />
        <SelectField<'' | Objective>
          path="objective"
          label="Rank trials by"
          value={form.objective}
          options={[{ value: '', label: 'default (time to target, else the final loss)' }, ...OBJECTIVES.map((o) => ({ value: o, label: OBJECTIVE_INFO[o].label }))]}
          onChange={(objective) => set({ objective })}
          error={errors.objective}
        />
      </div>
    </section>
  );
}
