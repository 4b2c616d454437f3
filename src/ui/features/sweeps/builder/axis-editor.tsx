/**
 * One varied setting: which one, and its values as a list or a range. In a grid a range
 * has a count; in a random search it is sampled (log: uniform in log10). Choices
 * (optimizer, activation) and true/false settings take a list only.
 */
import { SelectField, TextField } from '../../../components/field';
import { HYPERPARAMETER_NAMES, OPTIMIZER_ALIASES, SETTING_NAMES, sweptSetting } from '../../../../engine/sweeps/settings';
import { activationNames } from '../../../../engine/models/catalog';
import { KERAS_OPTIMIZER_NAMES } from '../../../../engine/optimizers/catalog';
import type { FieldErrors } from '../../config/form-to-config';
import type { AxisForm, ValueKind } from './sweep-form';

/** The settings offered, the common ones first. */
const OFFERED = ['optimizer', 'learning_rate', ...SETTING_NAMES.filter((n) => n !== 'optimizer'), ...HYPERPARAMETER_NAMES.filter((n) => n !== 'learning_rate')];

const KINDS: readonly { value: ValueKind; label: string }[] = [
  { value: 'list', label: 'a list of values' },
  { value: 'log', label: 'a log range (decades)' },
  { value: 'linear', label: 'a linear range' },
];

const LIST_HELP: Readonly<Record<string, string>> = {
  optimizer: `Names: ${[...KERAS_OPTIMIZER_NAMES, ...Object.keys(OPTIMIZER_ALIASES)].join(', ')} (momentum: SGD with momentum 0.9).`,
  activation: `Names: ${activationNames.join(', ')}.`,
};

export function AxisEditor({ axis, path, number, grid, errors, onChange, onRemove }: {
  axis: AxisForm;
  /** 'grid[0]' or 'random.space[1]': the config path its errors are keyed by. */
  path: string;
  number: number;
  grid: boolean;
  errors: FieldErrors;
  onChange: (axis: AxisForm) => void;
  onRemove?: () => void;
}) {
  const setting = sweptSetting(axis.param);
  const listOnly = setting.kind === 'choice' || setting.kind === 'boolean';
  const kind = listOnly ? 'list' : axis.kind;
  const valuesPath = grid ? `${path}.values` : path;
  const set = (patch: Partial<AxisForm>) => onChange({ ...axis, ...patch });
  const name = `setting ${number}`;
  return (
    <fieldset className="run-card axis-card">
      <legend>
        Setting {number}
        {onRemove && (
          <button type="button" className="small" onClick={onRemove} aria-label={`Remove ${name}`}>
            Remove
          </button>
        )}
      </legend>
      <div className="field-grid">
        <SelectField
          path={`${path}.param`}
          label={`Setting ${number}`}
          value={axis.param}
          options={OFFERED.map((param) => ({ value: param, label: sweptSetting(param).label === param ? param : `${sweptSetting(param).label} (${param})` }))}
          onChange={(param) => onChange({ ...axis, param, kind: ['choice', 'boolean'].includes(sweptSetting(param).kind) ? 'list' : axis.kind })}
          error={errors[`${path}.param`]}
        />
        <SelectField<ValueKind>
          path={`${path}.kind`}
          label={`Values of ${name}`}
          value={kind}
          options={listOnly ? KINDS.slice(0, 1) : KINDS}
          onChange={(next) => set({ kind: next })}
        />
      </div>
      {kind === 'list' ? (
        <TextField
          path={`${path}.values`}
          label={`List (${name})`}
          inputMode="text"
          value={axis.list}
          placeholder={setting.kind === 'choice' ? 'sgd, adam' : '0.001, 0.01, 0.1'}
          onChange={(list) => set({ list })}
          error={errors[`${path}.values`] ?? errors[`${valuesPath}`]}
          help={LIST_HELP[axis.param] ?? (setting.kind === 'boolean' ? 'true, false' : 'Numbers separated by commas.')}
        />
      ) : (
        <div className="field-grid">
          <TextField path={`${valuesPath}.from`} label={`From (${name})`} value={axis.from} onChange={(from) => set({ from })} error={errors[`${valuesPath}.from`]} />
          <TextField path={`${valuesPath}.to`} label={`To (${name})`} value={axis.to} onChange={(to) => set({ to })} error={errors[`${valuesPath}.to`]} />
          {grid && <TextField path={`${valuesPath}.count`} label={`Count (${name})`} inputMode="numeric" value={axis.count} onChange={(count) => set({ count })} error={errors[`${valuesPath}.count`]} help="Both ends included." />}
        </div>
      )}
    </fieldset>
  );
}
