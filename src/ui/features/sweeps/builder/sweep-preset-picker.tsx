/** Load a sweep preset into the builder: E3’s four grids, E4 (a smaller grid, and the full one), E5’s random search. */
import { useState } from 'react';
import { sweepPresets } from '../../../../engine/sweeps/presets';
import { DEFAULT_SWEEP_PRESET, useSweepForm } from './sweep-form-context';

const FULL_GRID_NOTE =
  'The full E4 grid (“E4 full”) is 288 runs of up to 120 s each: hours even on a GPU. This smaller grid keeps the range (1e-6 to 100) with 8 rates, on 1,000 images, 30 s or 40 epochs per run.';

export function SweepPresetPicker() {
  const { loadSweep } = useSweepForm();
  const [key, setKey] = useState(DEFAULT_SWEEP_PRESET);
  const preset = sweepPresets[key];
  return (
    <div className="preset-picker">
      <div className="field">
        <label htmlFor="sweep-preset">Sweep preset</label>
        <select id="sweep-preset" value={key} onChange={(event) => setKey(event.target.value)} aria-describedby="sweep-preset-about">
          {Object.entries(sweepPresets).map(([name, p]) => (
            <option key={name} value={name}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
      <button type="button" onClick={() => preset && loadSweep(preset.config)}>
        Load sweep preset
      </button>
      <p id="sweep-preset-about" className="field-help">
        {preset?.config.description}
        {key === 'e4' && ` ${FULL_GRID_NOTE}`}
      </p>
    </div>
  );
}
