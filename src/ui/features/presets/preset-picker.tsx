/** Load a preset into the form: the quick demos, E1 per architecture, E2's variants, E5. */
import { useState } from 'react';
import { useLabState } from '../../app/lab-store-context';
import { useConfigForm } from '../config/config-form-context';
import { DEFAULT_PRESET_KEY, presetByKey, presetConfig, presetGroups } from './preset-list';

export function PresetPicker() {
  const { loadConfig } = useConfigForm();
  const [key, setKey] = useState(DEFAULT_PRESET_KEY);
  const datasets = useLabState((s) => s.datasets);
  const preset = presetByKey(key);
  const resolved = preset ? presetConfig(preset, (name) => datasets[name].status === 'ready') : undefined;
  return (
    <div className="preset-picker">
      <div className="field">
        <label htmlFor="preset">Preset</label>
        <select id="preset" value={key} onChange={(event) => setKey(event.target.value)} aria-describedby="preset-about">
          {presetGroups().map(({ group, presets }) => (
            <optgroup key={group} label={group}>
              {presets.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <button type="button" onClick={() => resolved && loadConfig(resolved.config)}>
        Load preset
      </button>
      {resolved?.config.description && (
        <p id="preset-about" className="field-help">
          {resolved.config.description}
          {resolved.note && ` ${resolved.note}`}
        </p>
      )}
    </div>
  );
}
