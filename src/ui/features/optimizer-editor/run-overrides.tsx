/** What one run may set for itself (E5 varies these); empty means "as the comparison". */
import { SelectField, TextField } from '../../components/field';
import { Fold } from '../../components/fold';
import { useConfigForm } from '../config/config-form-context';
import { EarlyStoppingFields } from '../config/early-stopping-fields';
import type { RunForm, RunOverridesForm, TriState } from '../config/form-model';
import type { FieldErrors } from '../config/form-to-config';
import { scalingChoices } from '../datasets/scaling-choices';

const TRI_STATE: readonly { value: TriState; label: string }[] = [
  { value: '', label: 'as the comparison' },
  { value: 'on', label: 'on' },
  { value: 'off', label: 'off' },
];

const EARLY_STOPPING: readonly { value: RunOverridesForm['earlyStopping']; label: string }[] = [
  { value: '', label: 'as the comparison' },
  { value: 'off', label: 'off for this run' },
  { value: 'on', label: 'on, with these settings' },
];

export function RunOverrides({ run, index, errors, onChange }: { run: RunForm; index: number; errors: FieldErrors; onChange: (run: RunForm) => void }) {
  const dataset = useConfigForm().form.dataset.name;
  const o = run.overrides;
  const path = `runs[${index}]`;
  const set = (patch: Partial<RunOverridesForm>) => onChange({ ...run, overrides: { ...o, ...patch } });
  const hasError = Object.keys(errors).some((key) => key.startsWith(`${path}.`) && !key.startsWith(`${path}.optimizer`));
  const isSet = o.batchSize !== '' || o.scaling !== '' || o.dropout !== '' || o.l2 !== '' || o.batchNorm !== '' || o.earlyStopping !== '' || Object.keys(run.extraModel).length > 0;
  return (
    <Fold summary={`This run only: batch size, scaling, regularisation${isSet ? ' (set)' : ''}`} open={hasError || isSet}>
      <div className="field-grid">
        <TextField
          path={`${path}.batchSize`}
          label="Batch size"
          inputMode="text"
          value={o.batchSize}
          placeholder="as the comparison"
          onChange={(batchSize) => set({ batchSize })}
          error={errors[`${path}.batchSize`]}
          help='1 is stochastic, "full" is batch gradient descent.'
        />
        <SelectField path={`${path}.scaling`} label="Input scaling" value={o.scaling} options={[{ value: '' as const, label: 'as the comparison' }, ...scalingChoices(dataset, o.scaling || undefined)]} onChange={(scaling) => set({ scaling })} />
        <TextField
          path={`${path}.model.dropout`}
          label="Dropout"
          value={o.dropout}
          placeholder={run.extraModel.dropout !== undefined ? 'per site (from the preset)' : 'as the comparison'}
          onChange={(dropout) => set({ dropout })}
          error={errors[`${path}.model.dropout`]}
        />
        <TextField path={`${path}.model.l2`} label="L2" value={o.l2} placeholder="as the comparison" onChange={(l2) => set({ l2 })} error={errors[`${path}.model.l2`]} />
        <SelectField path={`${path}.model.batchNorm`} label="Batch normalisation" value={o.batchNorm} options={TRI_STATE} onChange={(batchNorm) => set({ batchNorm })} />
        <SelectField path={`${path}.earlyStopping`} label="Early stopping" value={o.earlyStopping} options={EARLY_STOPPING} onChange={(earlyStopping) => set({ earlyStopping })} />
      </div>
      {o.earlyStopping === 'on' && <EarlyStoppingFields path={`${path}.earlyStopping`} value={o.es} errors={errors} onChange={(es) => set({ es })} />}
    </Fold>
  );
}
