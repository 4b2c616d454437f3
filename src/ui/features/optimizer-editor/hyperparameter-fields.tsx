/**
 * One optimizer's hyperparameters, exactly the fields its spec lists (Keras names, stock
 * values pre-filled), the options most runs leave alone folded away, and the learning
 * rate's schedule beside it.
 */
import type { FieldSpec } from '../../../engine/optimizers/types';
import { CheckboxField, SelectField, TextField } from '../../components/field';
import { Fold } from '../../components/fold';
import { specOf, type RunForm, type Specs } from '../config/form-model';
import type { FieldErrors } from '../config/form-to-config';
import { SCHEDULE_CHOICES, SCHEDULES, type ScheduleChoice } from '../config/schedule-params';
import { rangeText } from '../config/validate';
import { FieldName } from './field-name';

interface Props {
  readonly run: RunForm;
  readonly index: number;
  readonly specs: Specs;
  readonly errors: FieldErrors;
  readonly onChange: (run: RunForm) => void;
}

function helpFor(field: FieldSpec, defaultValue: unknown): string {
  const range = rangeText(field).replace(/^Must be /, '').replace(/\.$/, '');
  const parts = [field.help];
  if (field.kind === 'number') parts.push(`Keras default ${defaultValue === null ? 'off (empty)' : String(defaultValue)}${range ? `; ${range}` : ''}.`);
  return parts.join(' ');
}

function ScheduleFields({ run, index, errors, onChange }: Omit<Props, 'specs'>) {
  const path = `runs[${index}].optimizer.hyperparameters.learning_rate`;
  const schedule = SCHEDULES[run.schedule.kind];
  const setParam = (name: string, value: string | boolean) => onChange({ ...run, schedule: { ...run.schedule, params: { ...run.schedule.params, [name]: value } } });
  return (
    <>
      <SelectField<ScheduleChoice>
        path={`${path}.kind`}
        label="Learning-rate schedule"
        value={run.schedule.kind}
        options={SCHEDULE_CHOICES.map((kind) => ({ value: kind, label: SCHEDULES[kind].label }))}
        onChange={(kind) => onChange({ ...run, schedule: { kind, params: kind === run.schedule.kind ? run.schedule.params : {} } })}
        help={run.schedule.kind === 'constant' ? undefined : schedule.formula}
      />
      {schedule.params
        .filter((param) => param.name !== 'initial_learning_rate')
        .map((param) =>
          param.kind === 'boolean' ? (
            <CheckboxField
              key={param.name}
              path={`${path}.${param.name}`}
              label={<FieldName name={param.name} />}
              checked={run.schedule.params[param.name] === true}
              onChange={(checked) => setParam(param.name, checked)}
              help={param.help}
            />
          ) : (
            <TextField
              key={param.name}
              path={`${path}.${param.name}`}
              label={<FieldName name={param.name} />}
              inputMode={param.kind === 'list' ? 'text' : 'decimal'}
              value={String(run.schedule.params[param.name] ?? '')}
              onChange={(value) => setParam(param.name, value)}
              error={errors[`${path}.${param.name}`]}
              help={param.help}
              placeholder={param.optional ? 'default' : undefined}
            />
          ),
        )}
    </>
  );
}

export function HyperparameterFields({ run, index, specs, errors, onChange }: Props) {
  const spec = specOf(specs, run.optimizer);
  const defaults = spec.defaults as unknown as Record<string, unknown>;
  const path = `runs[${index}].optimizer.hyperparameters`;
  const setValue = (name: string, value: string | boolean) => onChange({ ...run, values: { ...run.values, [name]: value } });
  const renderField = (field: FieldSpec) => {
    const fieldPath = `${path}.${field.name}`;
    if (field.kind === 'boolean') {
      return (
        <CheckboxField
          key={field.name}
          path={fieldPath}
          label={<FieldName name={field.name} />}
          checked={run.values[field.name] === true}
          onChange={(checked) => setValue(field.name, checked)}
          help={field.help}
          error={errors[fieldPath]}
        />
      );
    }
    const scheduled = field.name === 'learning_rate' && run.schedule.kind !== 'constant';
    return (
      <TextField
        key={field.name}
        path={fieldPath}
        label={
          <>
            <FieldName name={field.name} />
            {scheduled ? ' (initial)' : ''}
          </>
        }
        value={String(run.values[field.name] ?? '')}
        onChange={(value) => setValue(field.name, value)}
        error={errors[fieldPath]}
        help={helpFor(field, defaults[field.name])}
        placeholder={field.optional ? 'off' : undefined}
      />
    );
  };
  const basic = spec.fields.filter((field) => !field.advanced);
  const advanced = spec.fields.filter((field) => field.advanced);
  const advancedHasError = advanced.some((field) => errors[`${path}.${field.name}`]);
  const advancedSet = advanced.some((field) => String(run.values[field.name] ?? '') !== String(defaults[field.name] ?? ''));
  return (
    <>
      <div className="field-grid">
        {basic.map(renderField)}
        {spec.fields.some((field) => field.schedulable) && <ScheduleFields run={run} index={index} errors={errors} onChange={onChange} />}
      </div>
      {advanced.length > 0 && (
        <Fold summary={`Advanced: ${advanced.map((field) => field.name).join(', ')}`} open={advancedHasError || advancedSet}>
          <div className="field-grid">{advanced.map(renderField)}</div>
        </Fold>
      )}
    </>
  );
}
