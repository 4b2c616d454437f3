/**
 * One run of the comparison: its optimizer, label, hyperparameters, update rule and
 * overrides. The optimizer race uses it too, without the overrides (it has no data).
 */
import type { KerasOptimizerName } from '../../../engine/optimizers/types';
import { SelectField, TextField } from '../../components/field';
import { runColor } from '../../components/palette';
import { runForOptimizer, specOf, type RunForm, type Specs } from '../config/form-model';
import type { FieldErrors } from '../config/form-to-config';
import { HyperparameterFields } from './hyperparameter-fields';
import { RunOverrides } from './run-overrides';
import { UpdateRule } from './update-rule';

export interface RunEditorProps {
  readonly run: RunForm;
  readonly index: number;
  readonly specs: Specs;
  readonly optimizerNames: readonly KerasOptimizerName[];
  readonly errors: FieldErrors;
  readonly onChange: (run: RunForm) => void;
  readonly onRemove?: () => void;
  readonly onDuplicate: () => void;
  /** Batch size, scaling and regularisation for this run; off where there is no training data. */
  readonly showOverrides?: boolean;
  /** What one item is called in the legend and the buttons' names: `Run` (default), `Optimizer`. */
  readonly noun?: string;
}

/** Switching optimizer starts from the new one's Keras defaults; a label the person wrote stays. */
export function switchOptimizer(specs: Specs, run: RunForm, name: KerasOptimizerName): RunForm {
  const keepLabel = run.label.trim() !== '' && run.label !== specOf(specs, run.optimizer).label && run.label !== run.optimizer;
  const fresh = runForOptimizer(specs, name, keepLabel ? run.label : undefined);
  const keepId = run.id !== undefined && run.id !== run.optimizer;
  return { ...fresh, key: run.key, ...(keepId ? { id: run.id } : {}), overrides: run.overrides, extraModel: run.extraModel };
}

export function RunEditor({ run, index, specs, optimizerNames, errors, onChange, onRemove, onDuplicate, showOverrides = true, noun = 'Run' }: RunEditorProps) {
  const spec = specOf(specs, run.optimizer);
  const name = run.label || spec.label;
  const item = `${noun.toLowerCase()} ${index + 1} (${name})`;
  return (
    <fieldset className="run-card" style={{ borderLeftColor: runColor(index) }}>
      <legend>
        <span className="swatch" style={{ background: runColor(index) }} aria-hidden="true" />
        {noun} {index + 1}: {name}
      </legend>
      <div className="run-head">
        <SelectField<KerasOptimizerName>
          path={`runs[${index}].optimizer.name`}
          label="Optimizer"
          value={run.optimizer}
          options={optimizerNames.map((value) => ({ value, label: `${specOf(specs, value).label} (${value})` }))}
          onChange={(value) => onChange(switchOptimizer(specs, run, value))}
          error={errors[`runs[${index}].optimizer.name`]}
        />
        <TextField path={`runs[${index}].label`} label="Label" inputMode="text" value={run.label} onChange={(label) => onChange({ ...run, label })} error={errors[`runs[${index}].label`]} />
        <div className="run-actions">
          <button type="button" className="small" onClick={onDuplicate} aria-label={`Duplicate ${item}`}>
            Duplicate
          </button>
          {onRemove && (
            <button type="button" className="small danger" onClick={onRemove} aria-label={`Remove ${item}`}>
              Remove
            </button>
          )}
        </div>
      </div>
      {errors[`runs[${index}].optimizer`] && <p className="field-error">{errors[`runs[${index}].optimizer`]}</p>}
      <HyperparameterFields run={run} index={index} specs={specs} errors={errors} onChange={onChange} />
      <UpdateRule name={spec.label} rule={spec.rule} />
      {showOverrides && <RunOverrides run={run} index={index} errors={errors} onChange={onChange} />}
    </fieldset>
  );
}
