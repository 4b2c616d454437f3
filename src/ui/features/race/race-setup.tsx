/**
 * Setting up the race: the surface (switching loads the optimizers tuned for it), the
 * start point as numbers (the canvas sets it by click too), and the optimizers, edited
 * with the comparison's own editor: Keras names, stock defaults, update rules.
 */
import { memo, useEffect, useState } from 'react';
import { MAX_RACE_ENTRIES } from '../../../engine/race/types';
import { SURFACE_NAMES, surfaces, type SurfaceName } from '../../../engine/surfaces';
import { useCatalog } from '../../app/catalog-context';
import { SelectField, TextField } from '../../components/field';
import type { FieldErrors } from '../config/form-to-config';
import { numberText, parseNumberText } from '../config/form-text';
import { RunList } from '../optimizer-editor/run-list';
import { surfaceDefaults, type RaceSettings } from './race-settings';

interface Props {
  readonly settings: RaceSettings;
  readonly errors: FieldErrors;
  readonly update: (change: (settings: RaceSettings) => RaceSettings) => void;
}

function StartField({ axis, value, onValue }: { axis: 'x' | 'y'; value: number; onValue: (value: number) => void }) {
  const [text, setText] = useState(numberText(value));
  useEffect(() => {
    setText((current) => (parseNumberText(current).value === value ? current : numberText(value)));
  }, [value]);
  const parsed = parseNumberText(text);
  const error = parsed.error ?? (parsed.value === undefined ? 'Required.' : undefined);
  return (
    <TextField
      path={`race.start.${axis}`}
      label={`Start ${axis}`}
      value={text}
      error={error}
      onChange={(next) => {
        setText(next);
        const number = parseNumberText(next).value;
        if (number !== undefined) onValue(number);
      }}
    />
  );
}

/** Memoised: the race's frames re-render the page ten times a second, and eight editors need not follow. */
export const RaceSetup = memo(function RaceSetup({ settings, errors, update }: Props) {
  const { optimizerSpecs } = useCatalog();
  const surface = surfaces[settings.surface];
  return (
    <section aria-labelledby="race-setup-heading" className="panel race-setup">
      <h2 id="race-setup-heading">Set up the race</h2>
      <div className="field-grid race-setup-grid">
        <SelectField<SurfaceName>
          path="race.surface"
          label="Surface"
          value={settings.surface}
          options={SURFACE_NAMES.map((name) => ({ value: name, label: surfaces[name].label }))}
          onChange={(name) => update((s) => surfaceDefaults(optimizerSpecs, name, s))}
          help="Switching loads optimizers tuned for that surface."
        />
        <StartField axis="x" value={settings.start.x} onValue={(x) => update((s) => ({ ...s, start: { ...s.start, x } }))} />
        <StartField axis="y" value={settings.start.y} onValue={(y) => update((s) => ({ ...s, start: { ...s.start, y } }))} />
        <div className="field">
          <button type="button" className="small" onClick={() => update((s) => ({ ...s, start: surface.start }))}>
            Start at the surface’s default
          </button>
        </div>
      </div>
      <p className="field-help">
        <code>{surface.formula}</code> · {surface.lesson}
      </p>
      <RunList
        runs={settings.runs}
        errors={errors}
        max={MAX_RACE_ENTRIES}
        showOverrides={false}
        noun="Optimizer"
        onRunsChange={(change) => update((s) => ({ ...s, runs: change(s.runs) }))}
      />
    </section>
  );
});
